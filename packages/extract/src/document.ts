// Assembles an ArticleDocument from blocks, attributions and entities: speakers resolved (names,
// surnames, pronouns, unnamed groups), channels, modality and polarity, statements taken from the
// content, and relations only where the text states them in a fixed pattern.
import {
  type Anchor,
  type ArticleDocument,
  type BlockKind,
  type Channel,
  type Claim,
  type Entity,
  type Mention,
  type Modality,
  makeAnchor,
  type Provenance,
  type PublicationDate,
  type Relation,
  SCHEMA_VERSION,
  sha256Hex,
} from '@claimscope/schema';
import type { Attribution } from './attribution.js';
import { type EntityIndex, type FoundEntity, type FoundMention, unnamedGroup } from './entities.js';
import { CHANNEL_PHRASES, cueModality, UNNAMED_SOURCE_NOUNS } from './lexicon.js';
import type { Span } from './quotes.js';
import { findRelations } from './relations.js';

// Regular expressions with `\p{…}` live at module level: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which would build a new object on every call of the function holding it.
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const INNER_CAPITAL = /\s\p{Lu}/u;
/** Two spaces in a row, or a space character other than U+0020 (what `\s+` → " " would change). */
const ODD_SPACE = /\s\s|[^\S ]/;

export interface DocumentBlock extends Span {
  kind: BlockKind;
}

export interface DocumentInput {
  id: string;
  text: string;
  blocks: DocumentBlock[];
  attributions: Attribution[];
  entities: EntityIndex;
  authors: string[];
  publisher: string | null;
  published: PublicationDate;
  source: { origin: string; url: string | null };
  provenance: Provenance;
}

/** Cues of a speaker's later words, which reach the article the way their first interview did. */
const SAME_CHANNEL_CUES = new Set(['say', 'add', 'continue', 'explain', 'note']);

const PRONOUNS = new Map<string, 'person' | 'group' | 'thing'>([
  ['he', 'person'],
  ['she', 'person'],
  ['him', 'person'],
  ['her', 'person'],
  ['they', 'group'],
  ['them', 'group'],
  ['it', 'thing'],
]);
/** The longest of `PRONOUNS`: longer sources are not lower-cased to be looked up. */
const LONGEST_PRONOUN = 4;

const DETERMINERS =
  /^(?:the|a|an|its|their|his|her|our|some|many|several|most|other|few|a number of|a few|numerous|various|two|three|four|both|all|these|those|such)\s+/i;

const MENTION_LEAD =
  /^(?:(?:the|a|an|its|their|his|her|our|this|that|these|those|some|many|several|other)\s+)+/i;

function blockOf(
  blocks: (DocumentBlock & { id: string })[],
  at: number,
): (DocumentBlock & { id: string }) | undefined {
  // Blocks are in reading order and do not overlap: a binary search.
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as DocumentBlock & { id: string };
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** The statement a claim makes, in the text's own words: its content, trimmed to one sentence. */
function statementOf(text: string, content: Span[]): string {
  const raw =
    content.length === 1
      ? text.slice((content[0] as Span).start, (content[0] as Span).end)
      : content.map((s) => text.slice(s.start, s.end)).join(' … ');
  let s = raw.replace(/^\s*that\s+/i, '');
  // Most contents have no run of spaces and no other space character: no copy for them.
  if (ODD_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  s = s.trim();
  s = s.replace(/^["“”'‘]+|["“”'‘,;:]+$/g, '').trim();
  if (s.length > 240) s = `${s.slice(0, s.lastIndexOf(' ', 237))} …`;
  if (!s) s = raw.trim() || 'See the content.';
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

/** `body`: the content's words, lower-cased. */
function modalityOf(body: string, lemma: string | null): Modality {
  const fromCue = lemma ? cueModality(lemma) : null;
  if (fromCue === 'denial') return 'denial';
  if (
    /\b(?:may|might|could|seems?|appears?|perhaps|possibly|probably|likely|apparently)\b/.test(body)
  )
    return 'hedged';
  if (fromCue === 'prediction' || /\b(?:will|won['’]t|would|going to|gonna)\b|['’]ll\b/.test(body))
    return 'prediction';
  if (fromCue === 'hedged') return 'hedged';
  if (fromCue === 'speculative') return 'speculative';
  return 'asserted';
}

/** `body`: the content's words, lower-cased. */
function polarityOf(body: string): 'positive' | 'negative' {
  // The first clause decides: "I don't think … is possible" is negative, a later "not" is not.
  const clauseEnd = body.search(/[,;:—]/);
  const head = clauseEnd < 0 ? body : body.slice(0, clauseEnd);
  return /\b(?:not|never|no|nobody|nothing|none|neither|nor)\b|n['’]t\b/.test(head)
    ? 'negative'
    : 'positive';
}

type NodeCrypto = {
  /** One-shot hashing (Node 20.12+): several times cheaper than a hash object for one string. */
  hash?: (algorithm: string, data: string, encoding: 'hex') => string;
  createHash(algorithm: string): { update(s: string, e: 'utf8'): { digest(e: 'hex'): string } };
};

/** sha256 of the text: synchronously with Node's crypto when there is one, else Web Crypto. */
async function digest(text: string): Promise<string> {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const crypto = get?.('node:crypto') as NodeCrypto | undefined;
  if (!crypto) return sha256Hex(text);
  return crypto.hash
    ? crypto.hash('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function buildDocument(input: DocumentInput): Promise<ArticleDocument> {
  const { text, provenance } = input;
  const blocks = input.blocks.map((b, index) => ({ ...b, id: `${input.id}:b${index}`, index }));
  const anchor = (s: Span): Anchor | null => {
    const b = blockOf(blocks, s.start);
    if (!b || s.end > b.end || s.end <= s.start) return null;
    return makeAnchor(text, b.id, s.start, s.end);
  };
  const entities = new Map<string, FoundEntity>(input.entities.entities);
  // In text order and never overlapping (the entity pass and `unnamed` keep it so): looked up by
  // binary search rather than filtered whole for every attribution.
  const mentions = [...input.entities.mentions];
  /** The index of the first mention that starts at or after `at`. */
  const firstFrom = (at: number): number => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((mentions[mid] as FoundMention).start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mentionAt = (s: Span): FoundMention[] => {
    const out: FoundMention[] = [];
    for (let k = firstFrom(s.start); k < mentions.length; k++) {
      const m = mentions[k] as FoundMention;
      if (m.start >= s.end) break;
      if (m.end <= s.end) out.push(m);
    }
    return out;
  };
  /** The last mention that ends at or before `at`, going back while `accept` refuses. */
  const lastBefore = (at: number, accept: (m: FoundMention) => boolean): FoundMention | null => {
    for (let k = firstFrom(at) - 1; k >= 0; k--) {
      const m = mentions[k] as FoundMention;
      if (m.end <= at && accept(m)) return m;
    }
    return null;
  };

  const unnamed = (sourceText: string, s: Span): string => {
    let name =
      sourceText.replace(DETERMINERS, '').replace(DETERMINERS, '').trim() || sourceText.trim();
    // "Critics say …": the capital is the sentence's, not a name's.
    if (CAPITALISED.test(name) && !INNER_CAPITAL.test(name))
      name = `${name[0]?.toLowerCase()}${name.slice(1)}`;
    const key = unnamedGroup(entities, name, 'an unnamed source');
    // The mention covers the noun phrase without its determiner ("its leadership" → "leadership"),
    // and a phrase led by a preposition ("in Qalamoun") names no group.
    const lead = MENTION_LEAD.exec(sourceText)?.[0].length ?? 0;
    const span = { start: s.start + lead, end: s.end };
    if (
      span.start < span.end &&
      !/^(?:in|on|at|from|with|by|for)\s/i.test(sourceText) &&
      mentionAt({ start: span.start, end: span.end }).length === 0
    ) {
      const k = firstFrom(span.start);
      const before = mentions[k - 1];
      const after = mentions[k];
      if ((!before || before.end <= span.start) && (!after || after.start >= span.end))
        mentions.splice(k, 0, { ...span, entity: key, form: 'descriptor', block: 0 });
    }
    return key;
  };
  const unidentified = () =>
    unnamedGroup(entities, 'unidentified source', 'a source the extractor could not name');

  /** The speaker an attribution's source words name. */
  const speakers: string[] = [];
  const lastSpeakerOfKind = (before: number, kind: 'person' | 'group' | 'thing'): string | null => {
    for (let k = speakers.length - 1; k >= 0; k--) {
      const a = input.attributions[k];
      const e = entities.get(speakers[k] ?? '');
      // A quote inside a quote is not what "he" refers back to.
      if (!a || !e || a.parent !== null || (a.source && a.source.start > before)) continue;
      if (kind === 'person' && e.kind === 'person') return e.key;
      if (kind === 'group' && e.kind !== 'person' && e.kind !== 'place') return e.key;
      if (kind === 'thing' && (e.kind === 'organization' || e.kind === 'outlet')) return e.key;
    }
    // Else the nearest preceding mention of that kind.
    const wanted =
      kind === 'person'
        ? ['person']
        : kind === 'group'
          ? ['organization', 'group', 'unnamed_group']
          : ['organization', 'outlet'];
    return (
      lastBefore(before, (m) => wanted.includes(entities.get(m.entity)?.kind ?? ''))?.entity ?? null
    );
  };
  input.attributions.forEach((a, i) => {
    if (a.continues !== null && speakers[a.continues]) {
      speakers.push(speakers[a.continues] as string);
      return;
    }
    if (!a.source) {
      speakers.push(unidentified());
      return;
    }
    const words = text.slice(a.source.start, a.source.end);
    const sourceStart = a.source.start;
    if (/^(?:who|which)$/i.test(words)) {
      // ", who said": the name right before the comma.
      const last = lastBefore(sourceStart, () => true);
      speakers.push(last && sourceStart - last.end <= 4 ? last.entity : unidentified());
      return;
    }
    const pronoun = words.length <= LONGEST_PRONOUN ? PRONOUNS.get(words.toLowerCase()) : undefined;
    if (pronoun) {
      speakers.push(lastSpeakerOfKind(a.source.start, pronoun) ?? unidentified());
      return;
    }
    // The head is the last name before an appositive or relative clause ("Board chairman [Paul
    // Reyes], who …"), not a modifier in front of it.
    const firstSegmentEnd =
      a.source.start + (/,|\(|\s(?:who|which)\s/.exec(words)?.index ?? words.length);
    const inside = mentionAt(a.source).filter((m) => m.end <= firstSegmentEnd);
    const head = inside[inside.length - 1] ?? mentionAt(a.source)[0];
    // "the group's Yemen-based offshoot": a possessive name is not the speaker itself.
    const possessive =
      head && /^[’']s\b/.test(text.slice(head.end, head.end + 3)) && head.end < a.source.end - 3;
    if (head && !possessive) {
      speakers.push(head.entity);
      return;
    }
    const headNoun = words
      .toLowerCase()
      .split(/[\s,]+/)
      .find((w) => UNNAMED_SOURCE_NOUNS.has(w));
    speakers.push(
      headNoun || words.split(/\s+/).length <= 8 ? unnamed(words, a.source) : unidentified(),
    );
    void i;
  });

  const outletIn = (s: Span | null): string | null => {
    if (!s) return null;
    const m = mentionAt(s).find((x) => entities.get(x.entity)?.kind === 'outlet');
    return m?.entity ?? null;
  };
  const claims: Claim[] = [];
  const claimIds: string[] = [];
  const claimById = new Map<string, Claim>();
  /** Each speaker's first claim that reached the article through an interview. */
  const interviewBySpeaker = new Map<string, Claim>();
  input.attributions.forEach((a, i) => {
    const content = a.content.map(anchor).filter((x): x is Anchor => x !== null);
    const id = `${input.id}:c${i + 1}`;
    claimIds.push(id);
    if (content.length === 0) return;
    const speakerId = speakers[i] as string;
    const cue = a.cue ? anchor(a.cue) : null;
    const source = a.source ? anchor(a.source) : null;
    let channel: Channel = { kind: 'unspecified', outletId: null, cue: cue?.quote.exact ?? null };
    const continued =
      a.continues !== null ? claimById.get(claimIds[a.continues] as string) : undefined;
    if (continued && !a.cue) channel = continued.channel;
    else if (a.cue) {
      const cueEnd = a.recipient ? a.recipient.end : a.cue.end;
      const cueText = text.slice(Math.min(a.cue.start, a.recipient?.start ?? a.cue.start), cueEnd);
      const window = text.slice(a.cue.start, Math.min(text.length, a.cue.end + 60));
      const sentenceEnd = window.search(/[.!?]\s/);
      const sentence = sentenceEnd < 0 ? window : window.slice(0, sentenceEnd);
      // Every channel phrase starts with one of these words: most sentences are done at once.
      const phrase = /\b(?:in|via|during|on) /i.test(sentence)
        ? CHANNEL_PHRASES.find((p) => p.pattern.test(sentence))
        : undefined;
      const speakerKind = entities.get(speakerId)?.kind;
      const recipientOutlet = outletIn(a.recipient);
      if (recipientOutlet) channel = { kind: 'interview', outletId: recipientOutlet, cue: cueText };
      else if (phrase)
        channel = {
          kind: phrase.kind,
          outletId: null,
          cue: `${cueText} ${phrase.pattern.exec(sentence)?.[0] ?? ''}`.trim(),
        };
      else if (a.cueLemma === 'tweet' || a.cueLemma === 'post')
        channel = { kind: 'social_media', outletId: null, cue: cueText };
      else if (
        (a.cueLemma === 'report' || a.cueLemma === 'according to' || a.cueLemma === 'write') &&
        speakerKind === 'outlet'
      )
        channel = { kind: 'report', outletId: speakerId, cue: cueText };
      else if (a.cueLemma === 'tell' && a.recipient)
        channel = { kind: 'interview', outletId: null, cue: cueText };
      else channel = { kind: 'unspecified', outletId: null, cue: cueText };
    }
    // A speaker's later quotes ("Levitt said") reach the article through the same interview.
    if (channel.kind === 'unspecified' && a.cueLemma && SAME_CHANNEL_CUES.has(a.cueLemma)) {
      const earlier = interviewBySpeaker.get(speakerId);
      if (earlier) channel = { ...earlier.channel, cue: channel.cue };
    }
    // The entities the content mentions, each once, in text order, the speaker left out.
    const about = new Set<string>();
    for (const c of content)
      for (const m of mentionAt({ start: c.position.start, end: c.position.end }))
        about.add(m.entity);
    about.delete(speakerId);
    const aboutIds = [...about];
    const body = a.content
      .map((s) => text.slice(s.start, s.end))
      .join(' ')
      .toLowerCase();
    const claim: Claim = {
      id,
      kind: a.kind,
      speakerId,
      channel,
      source,
      cue,
      content,
      statement: statementOf(text, a.content),
      aboutIds,
      modality: modalityOf(body, a.cueLemma),
      polarity: polarityOf(body),
      time: null,
      parentId: a.parent !== null ? (claimIds[a.parent] ?? null) : null,
      continuesId: a.continues !== null ? (claimIds[a.continues] ?? null) : null,
      provenance,
    };
    claims.push(claim);
    claimById.set(id, claim);
    if (channel.kind === 'interview' && !interviewBySpeaker.has(speakerId))
      interviewBySpeaker.set(speakerId, claim);
  });
  // A claim whose parent or continued claim was dropped keeps no dangling reference.
  const kept = new Set(claims.map((c) => c.id));
  for (const c of claims) {
    if (c.parentId && !kept.has(c.parentId)) c.parentId = null;
    if (c.continuesId && !kept.has(c.continuesId)) c.continuesId = null;
  }

  const entityList: Entity[] = [...entities.values()].map((e) => ({
    id: e.key,
    kind: e.kind,
    name: e.name,
    aliases: [...e.aliases].map((name) => ({ name, historical: false })),
    description: `Named in the article; ${e.reason} (machine-made, unreviewed).`,
    provenance,
  }));
  const mentionList: Mention[] = [];
  let previous: Span | null = null;
  mentions
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .forEach((m) => {
      // Sorted, a repeated span follows its first copy.
      if (previous && previous.start === m.start && previous.end === m.end) return;
      const at = anchor(m);
      if (!at) return;
      previous = m;
      mentionList.push({
        id: `${input.id}:m${mentionList.length + 1}`,
        entityId: m.entity,
        anchor: at,
        form: m.form,
        provenance,
      });
    });
  const relations: Relation[] = findRelations(text, mentions, entities).flatMap((r, i) => {
    const evidence = anchor(r.evidence);
    if (!evidence) return [];
    return [
      {
        id: `${input.id}:r${i + 1}`,
        subjectId: r.subject,
        predicate: r.predicate,
        objectId: r.object,
        evidence: [evidence],
        assertedBy: { kind: 'author' as const },
        role: r.role,
        certainty: 'stated' as const,
        past: r.past,
        time: null,
        provenance,
      },
    ];
  });

  const headline = blocks.find((b) => b.kind === 'headline');
  const dek = blocks.find((b) => b.kind === 'dek');
  return {
    schemaVersion: SCHEMA_VERSION,
    article: {
      id: input.id,
      headline: headline ? text.slice(headline.start, headline.end) : '',
      dek: dek ? text.slice(dek.start, dek.end) : null,
      authorIds: input.authors,
      publisherId: input.publisher,
      published: input.published,
      language: 'en',
      text,
      textSha256: await digest(text),
      blocks: blocks.map((b) => ({
        id: b.id,
        kind: b.kind,
        index: b.index,
        start: b.start,
        end: b.end,
        text: text.slice(b.start, b.end),
      })),
      source: input.source,
      provenance,
    },
    entities: entityList,
    mentions: mentionList,
    claims,
    claimLinks: [],
    relations,
  };
}
