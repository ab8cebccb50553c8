// Resolves the authoring form (quoted anchors, surface forms, block kinds) into an
// `ArticleDocument` with offsets. Pure functions: no file system, no clock.
import {
  type Anchor,
  type ArticleDocument,
  type Block,
  type Channel,
  type Claim,
  type ClaimLink,
  type Entity,
  type Mention,
  type MentionForm,
  makeAnchor,
  type Provenance,
  type Relation,
  SCHEMA_VERSION,
} from '@claimscope/schema';
import type { AnchorSpec, ArticleAnnotations } from './authoring.js';

/** Every hand annotation in the corpus is curated and read twice against the text. */
export function annotatorProvenance(note?: string): Provenance {
  return {
    agent: { kind: 'person', name: 'claimscope annotators' },
    review: note === undefined ? { status: 'reviewed' } : { status: 'reviewed', note },
  };
}

export interface Span {
  start: number;
  end: number;
}

export type AnchorResult = { ok: true; span: Span } | { ok: false; reason: string };

const ELLIPSIS = '...';

/**
 * A regular expression matching `s` literally, except that a space also matches a no-break
 * space: sources use U+00A0 unpredictably ("the\u00a0AP"), and authors should not have to type it.
 */
function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(' ', '[ \\u00a0]');
}

/** Splits `'context [[target]] context'` into its three parts; no brackets means all target. */
export function parseAnchorString(quote: string): {
  prefix: string;
  target: string;
  suffix: string;
} {
  const open = quote.indexOf('[[');
  const close = quote.indexOf(']]', open + 2);
  if (open === -1 || close === -1) return { prefix: '', target: quote, suffix: '' };
  return {
    prefix: quote.slice(0, open),
    target: quote.slice(open + 2, close),
    suffix: quote.slice(close + 2),
  };
}

/**
 * Finds the unique occurrence of an anchor string in `text` (or in `text.slice(within)`), and
 * returns the offsets of its bracketed target. Zero or several occurrences are failures.
 */
export function findAnchor(text: string, quote: string, within?: Span): AnchorResult {
  const { prefix, target, suffix } = parseAnchorString(quote);
  if (target.length === 0) return { ok: false, reason: 'has an empty target' };
  const base = within?.start ?? 0;
  const haystack = within ? text.slice(within.start, within.end) : text;
  const cut = target.indexOf(ELLIPSIS);
  const body =
    cut === -1
      ? literal(target)
      : `${literal(target.slice(0, cut))}[^\\n]*?${literal(target.slice(cut + ELLIPSIS.length))}`;
  const pattern = new RegExp(`${literal(prefix)}(${body})${literal(suffix)}`, 'g');
  const found: Span[] = [];
  for (let m = pattern.exec(haystack); m !== null; m = pattern.exec(haystack)) {
    const start = base + m.index + prefix.length;
    found.push({ start, end: start + (m[1]?.length ?? 0) });
    pattern.lastIndex = m.index + 1;
  }
  if (found.length === 0) return { ok: false, reason: 'not found in the text' };
  if (found.length > 1)
    return { ok: false, reason: `ambiguous: ${found.length} occurrences; add context` };
  return { ok: true, span: found[0] as Span };
}

/** The text's non-empty lines, each a block, with offsets. */
export function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.trim().length > 0) lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

/** Every word-bounded, case-sensitive occurrence of `form` in `text` (a space also matches U+00A0). */
export function findOccurrences(text: string, form: string): Span[] {
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  const pattern = new RegExp(literal(form), 'g');
  const spans: Span[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    pattern.lastIndex = start + 1;
    const boundedLeft = !isWordChar(form[0]) || !isWordChar(text[start - 1]);
    const boundedRight = !isWordChar(form[form.length - 1]) || !isWordChar(text[end]);
    if (boundedLeft && boundedRight) spans.push({ start, end });
  }
  return spans;
}

export interface ResolveResult {
  /** The resolved document; check `problems` first, it may be incomplete when there are any. */
  document: ArticleDocument;
  /** Every problem found, each naming the annotation and what was expected. */
  problems: string[];
}

interface MentionCandidate extends Span {
  entityId: string;
  form: MentionForm;
  /** `entities.<id>.forms["…"]` for auto forms; undefined for explicit mentions. */
  formKey?: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Resolves an article's annotations against its text. */
export function resolveArticle(
  text: string,
  textSha256: string,
  ann: ArticleAnnotations,
): ResolveResult {
  const problems: string[] = [];
  const prefixed = (local: string) => `${ann.id}.${local}`;

  // Blocks: the text's non-empty lines, kinds assigned by the author.
  const lines = splitLines(text);
  if (lines.length !== ann.blocks.length)
    problems.push(
      `blocks: the text has ${lines.length} non-empty lines but ${ann.blocks.length} block kinds are listed`,
    );
  const blocks: Block[] = lines.map((line, index) => {
    const [kind, startsWith] = ann.blocks[index] ?? ['paragraph', ''];
    const blockText = text.slice(line.start, line.end);
    if (!blockText.startsWith(startsWith))
      problems.push(
        `blocks[${index}]: expected the line to start with ${JSON.stringify(startsWith)}, it starts with ${JSON.stringify(blockText.slice(0, 40))}`,
      );
    return {
      id: prefixed(`block-${pad(index, 2)}`),
      kind,
      index,
      start: line.start,
      end: line.end,
      text: blockText,
    };
  });
  const blockAt = (pos: number) => blocks.find((b) => b.start <= pos && pos < b.end);

  const anchor = (spec: AnchorSpec, label: string): Anchor | null => {
    const quote = typeof spec === 'string' ? spec : spec.quote;
    let within: Span | undefined;
    if (typeof spec !== 'string') {
      within = blocks[spec.block];
      if (!within) {
        problems.push(`${label}: anchor ${JSON.stringify(quote)}: no block ${spec.block}`);
        return null;
      }
    }
    const found = findAnchor(text, quote, within);
    if (!found.ok) {
      problems.push(`${label}: anchor ${JSON.stringify(quote)} ${found.reason}`);
      return null;
    }
    const block = blockAt(found.span.start);
    if (!block || found.span.end > block.end) {
      problems.push(`${label}: anchor ${JSON.stringify(quote)} is not inside one block`);
      return null;
    }
    return makeAnchor(text, block.id, found.span.start, found.span.end);
  };
  const anchors = (specs: AnchorSpec[], label: string) =>
    specs.flatMap((s, i) => anchor(s, `${label}[${i}]`) ?? []);

  const entityIds = new Set(Object.keys(ann.entities));
  const requireEntity = (id: string, label: string) => {
    if (!entityIds.has(id)) problems.push(`${label}: no entity "${id}"`);
  };
  for (const [i, id] of ann.authorIds.entries()) requireEntity(id, `authorIds[${i}]`);
  if (ann.publisherId) requireEntity(ann.publisherId, 'publisherId');

  // Entities and mentions: explicit mentions first, then surface forms, longest match first.
  const entities: Entity[] = [];
  const explicit: MentionCandidate[] = [];
  const automatic: MentionCandidate[] = [];
  const formOwners = new Map<string, string>();
  const expectedCounts = new Map<string, number>();
  for (const [id, spec] of Object.entries(ann.entities)) {
    const aliasForms = new Set<MentionForm>(['acronym', 'alias', 'historical_name', 'misspelling']);
    const aliases = [
      ...(spec.forms ?? [])
        .filter((f) => aliasForms.has(f.form))
        .map((f) => ({
          name: f.text,
          historical: f.form === 'historical_name',
          ...(f.note !== undefined
            ? { note: f.note }
            : f.form === 'misspelling'
              ? { note: 'a misspelling in the source text' }
              : {}),
        })),
      ...(spec.extraAliases ?? []).map((a) => ({ historical: false, ...a })),
    ];
    entities.push({
      id,
      kind: spec.kind,
      name: spec.name,
      aliases,
      description: spec.description,
      provenance: annotatorProvenance(),
    });
    for (const f of spec.forms ?? []) {
      const key = `entities.${id}.forms[${JSON.stringify(f.text)}]`;
      const owner = formOwners.get(f.text);
      if (owner !== undefined)
        problems.push(`${key}: the same form is declared by "${owner}"; use explicit mentions`);
      formOwners.set(f.text, id);
      expectedCounts.set(key, f.count);
      for (const s of findOccurrences(text, f.text))
        automatic.push({ ...s, entityId: id, form: f.form, formKey: key });
    }
    (spec.mentions ?? []).forEach((m, i) => {
      const a = anchor(m.anchor, `entities.${id}.mentions[${i}]`);
      if (a)
        explicit.push({ start: a.position.start, end: a.position.end, entityId: id, form: m.form });
    });
  }
  const accepted: MentionCandidate[] = [];
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  for (const m of explicit) {
    const clash = accepted.find((o) => overlaps(o, m));
    if (clash)
      problems.push(
        `entities.${m.entityId}.mentions: ${JSON.stringify(text.slice(m.start, m.end))} overlaps an explicit mention of "${clash.entityId}"`,
      );
    else accepted.push(m);
  }
  automatic.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const m of automatic) if (!accepted.some((o) => overlaps(o, m))) accepted.push(m);
  for (const [key, expected] of expectedCounts) {
    const actual = accepted.filter((m) => m.formKey === key).length;
    if (actual !== expected)
      problems.push(`${key}: expected ${expected} mentions, found ${actual}`);
  }
  accepted.sort((a, b) => a.start - b.start);
  const mentions: Mention[] = accepted.flatMap((m, i) => {
    const block = blockAt(m.start);
    if (!block) return [];
    return [
      {
        id: prefixed(`mention-${pad(i + 1, 3)}`),
        entityId: m.entityId,
        anchor: makeAnchor(text, block.id, m.start, m.end),
        form: m.form,
        provenance: annotatorProvenance(),
      },
    ];
  });

  // Claims.
  const claimKeys = new Set(Object.keys(ann.claims));
  const requireClaim = (key: string, label: string) => {
    if (!claimKeys.has(key)) problems.push(`${label}: no claim "${key}"`);
  };
  // In order, so that a continuation inherits the resolved speaker and channel it continues.
  const resolved = new Map<string, Claim>();
  for (const [key, spec] of Object.entries(ann.claims)) {
    const label = `claims.${key}`;
    let continued: Claim | undefined;
    if (spec.continues !== undefined) {
      continued = resolved.get(spec.continues);
      if (!continued)
        problems.push(
          `${label}.continues: no earlier claim "${spec.continues}" (continue a claim listed before)`,
        );
    }
    const speakerId =
      spec.speaker ??
      continued?.speakerId ??
      (spec.kind === 'author_assertion' ? ann.authorIds[0] : undefined);
    if (speakerId === undefined)
      problems.push(`${label}: no speaker (give one, or continue a claim that has one)`);
    else requireEntity(speakerId, `${label}.speaker`);
    if (continued && spec.speaker !== undefined && spec.speaker !== continued.speakerId)
      problems.push(`${label}: continues "${spec.continues}" but has a different speaker`);
    const source = spec.source === undefined ? null : anchor(spec.source, `${label}.source`);
    const cue = spec.cue === undefined ? null : anchor(spec.cue, `${label}.cue`);
    const content = anchors(spec.content, `${label}.content`);
    let channel: Channel | undefined;
    if (spec.channel)
      channel = {
        kind: spec.channel.kind,
        outletId: spec.channel.outlet ?? null,
        // The cue as written defaults to the cue span itself, verbatim (no-break spaces included).
        cue: spec.channel.cue ?? cue?.quote.exact ?? null,
      };
    else if (continued) channel = continued.channel;
    else if (spec.kind === 'author_assertion')
      channel = { kind: 'authorial', outletId: null, cue: null };
    if (!channel)
      problems.push(`${label}: no channel (give one, or continue a claim that has one)`);
    if (channel?.outletId) requireEntity(channel.outletId, `${label}.channel.outlet`);
    for (const [i, id] of spec.about.entries()) requireEntity(id, `${label}.about[${i}]`);
    if (spec.parent !== undefined) requireClaim(spec.parent, `${label}.parent`);
    if (spec.time !== undefined) {
      const time = spec.time;
      const held = [...content, ...(cue ? [cue] : [])].some((a) => {
        const blockText = blocks.find((b) => b.id === a.blockId)?.text ?? '';
        return findAnchor(blockText, time).ok || blockText.includes(time);
      });
      if (!held)
        problems.push(`${label}.time: ${JSON.stringify(time)} is not in the claim's blocks`);
    }
    resolved.set(key, {
      id: prefixed(key),
      kind: spec.kind,
      speakerId: speakerId ?? '',
      channel: channel ?? { kind: 'unspecified', outletId: null, cue: null },
      source,
      cue,
      content,
      statement: spec.statement,
      aboutIds: spec.about,
      modality: spec.modality ?? 'asserted',
      polarity: spec.polarity ?? 'positive',
      time: spec.time === undefined ? null : { text: spec.time, resolved: null },
      parentId: spec.parent === undefined ? null : prefixed(spec.parent),
      continuesId: spec.continues === undefined ? null : prefixed(spec.continues),
      provenance: annotatorProvenance(spec.note),
    });
  }
  const claims = [...resolved.values()];

  const claimLinks: ClaimLink[] = Object.entries(ann.links).map(([key, spec]) => {
    requireClaim(spec.from, `links.${key}.from`);
    requireClaim(spec.to, `links.${key}.to`);
    return {
      id: prefixed(key),
      kind: spec.kind,
      fromId: prefixed(spec.from),
      toId: prefixed(spec.to),
      note: spec.note,
      provenance: annotatorProvenance(),
    };
  });

  const relations: Relation[] = Object.entries(ann.relations).map(([key, spec]) => {
    const label = `relations.${key}`;
    requireEntity(spec.subject, `${label}.subject`);
    requireEntity(spec.object, `${label}.object`);
    if (spec.assertedBy !== 'author') requireClaim(spec.assertedBy, `${label}.assertedBy`);
    return {
      id: prefixed(key),
      subjectId: spec.subject,
      predicate: spec.predicate,
      objectId: spec.object,
      evidence: anchors(spec.evidence, `${label}.evidence`),
      assertedBy:
        spec.assertedBy === 'author'
          ? { kind: 'author' }
          : { kind: 'claim', claimId: prefixed(spec.assertedBy) },
      role: spec.role ?? null,
      certainty: spec.certainty ?? 'stated',
      past: spec.past ?? false,
      time: spec.time === undefined ? null : { text: spec.time, resolved: null },
      provenance: annotatorProvenance(spec.note),
    };
  });

  const textOf = (kind: Block['kind']) => blocks.find((b) => b.kind === kind)?.text ?? null;
  const document: ArticleDocument = {
    schemaVersion: SCHEMA_VERSION,
    article: {
      id: ann.id,
      headline: textOf('headline') ?? '',
      dek: textOf('dek'),
      authorIds: ann.authorIds,
      publisherId: ann.publisherId,
      published: ann.published,
      language: ann.language,
      text,
      textSha256,
      blocks,
      source: ann.source,
      provenance: annotatorProvenance(),
    },
    entities,
    mentions,
    claims,
    claimLinks,
    relations,
  };
  return { document, problems };
}
