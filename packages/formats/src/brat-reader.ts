import {
  type Anchor,
  type ArticleDocument,
  ArticleDocumentSchema,
  type Claim,
  type Entity,
  type EntityKind,
  formatPath,
  type Mention,
} from '@claimscope/schema';
import {
  ATTRIBUTION,
  ATTRIBUTION_NO_SOURCE,
  ENTITY_REFERENCE_DB,
  entityKindOfBratType,
} from './brat-types.js';
import { type FormatImport, importProvenance, type Unrepresented } from './import-result.js';
import {
  anchorsInBlocks,
  blocksOfPlainText,
  OffsetConverter,
  slugOf,
  textDigest,
} from './text-layout.js';

export interface BratReadOptions {
  /** The article id (lowercase letters, digits and . _ : -); the documents' ids start with it. */
  articleId: string;
  /** Where the files came from, for `article.source.origin`. */
  origin: string;
  language?: string;
}

interface TextBound {
  id: string;
  type: string;
  /** Fragments in UTF-16 code units. */
  fragments: { start: number; end: number }[];
}

interface Event {
  id: string;
  trigger: { type: string; id: string };
  args: { role: string; id: string }[];
}

/** Quotation marks that make a content a direct quote when they open or close it. */
const QUOTE_MARKS = /["“”«»„]/;

export const BRAT_FORMAT = 'brat standoff';

/** A mention's id pattern: the article id, then `m-<n>`. */
const ARTICLE_ID_PATTERN = /^[a-z0-9][a-z0-9._:-]*$/;

/** An article id from a file name: "Harbour_News 12.txt" → "harbour_news-12". */
export function articleIdOfFileName(name: string): string {
  const id = name
    .replace(/\.(txt|ann)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._:-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return ARTICLE_ID_PATTERN.test(id) ? id : `article-${slugOf(name)}`;
}

/**
 * Reads a brat standoff pair into a document. Entity spans become mentions (tied to entities by
 * `Reference` normalisations when there are, else by their words); PolNeAR-style attribution
 * events become claims: the `Source` words name the speaker (an entity per distinct words, with
 * the span as its mention), the `Cue` is the cue, every `Content` span the content. What the
 * model cannot hold is listed in `unrepresented`, never dropped in silence.
 */
export function readBrat(txt: string, ann: string, options: BratReadOptions): FormatImport {
  const { articleId } = options;
  const unrepresented: Unrepresented[] = [];
  const skip = (where: string, reason: string) => unrepresented.push({ where, reason });
  const offsets = new OffsetConverter(txt);
  const blocks = blocksOfPlainText(txt);
  const headline = blocks[0];
  if (!headline || blocks.length < 2)
    throw new Error(
      `${options.origin}: a document needs a headline and at least one paragraph (text blocks separated by blank lines); found ${blocks.length} block(s)`,
    );
  const provenance = importProvenance(BRAT_FORMAT);

  const spans = new Map<string, TextBound>();
  const events: Event[] = [];
  const references = new Map<string, { entityId: string; name: string }>();
  for (const [i, raw] of ann.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const [id = '', body = '', words] = line.split('\t');
    const where = id || `line ${i + 1}`;
    if (id.startsWith('T')) {
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!match) {
        skip(where, `not a text-bound annotation brat can read: ${JSON.stringify(line)}`);
        continue;
      }
      const fragments = (match[2] as string).split(';').map((pair) => {
        const [start, end] = pair.split(' ').map(Number) as [number, number];
        return { start: offsets.toUtf16(start), end: offsets.toUtf16(end) };
      });
      if (fragments.some((f) => !(f.end > f.start) || f.end > txt.length)) {
        skip(where, `span ${match[2]} is empty or outside the text (${txt.length} characters)`);
        continue;
      }
      spans.set(id, { id, type: match[1] as string, fragments });
    } else if (id.startsWith('E')) {
      const [trigger, ...args] = body.trim().split(' ');
      const [type = '', triggerId = ''] = (trigger ?? '').split(':');
      events.push({
        id,
        trigger: { type, id: triggerId },
        args: args.map((arg) => {
          const [role = '', argId = ''] = arg.split(':');
          return { role, id: argId };
        }),
      });
    } else if (id.startsWith('N')) {
      const match = /^Reference (T\d+) ([^:\s]+):(\S+)$/.exec(body);
      if (match && match[2] === ENTITY_REFERENCE_DB)
        references.set(match[1] as string, { entityId: match[3] as string, name: words ?? '' });
      else skip(where, `normalisation to another resource: ${JSON.stringify(body)}`);
    } else {
      const kinds: Record<string, string> = {
        A: 'an attribute',
        M: 'an attribute',
        R: 'a relation between spans',
        '*': 'an equivalence',
        '#': 'a note',
      };
      skip(
        where,
        `${kinds[id[0] ?? ''] ?? 'a line brat standoff does not define'} is not carried over: ${JSON.stringify(line)}`,
      );
    }
  }

  const entities = new Map<string, Entity>();
  const mentions: Mention[] = [];
  const mentionAt = new Map<string, Mention>();
  const used = new Set<string>();

  const entityFor = (id: string, kind: EntityKind, name: string): Entity => {
    let entity = entities.get(id);
    if (!entity) {
      entity = {
        id,
        kind,
        name,
        aliases: [],
        description: `Named “${name}” in ${options.origin} (${BRAT_FORMAT}).`,
        provenance,
      };
      entities.set(id, entity);
    }
    return entity;
  };
  /** The one anchor a single-span annotation has, or null (and why) when it has no single one. */
  const singleAnchor = (span: TextBound, role: string): Anchor | null => {
    const [first] = span.fragments;
    if (!first) return null;
    if (span.fragments.length > 1)
      skip(span.id, `${role} span has ${span.fragments.length} fragments; only the first is kept`);
    const anchors = anchorsInBlocks(txt, blocks, first.start, first.end);
    if (anchors.length !== 1) {
      skip(
        span.id,
        `${role} span ${first.start}–${first.end} crosses ${anchors.length} blocks; a ${role} lies in one`,
      );
      return null;
    }
    return anchors[0] as Anchor;
  };
  const addMention = (entity: Entity, anchor: Anchor): Mention => {
    const key = `${anchor.position.start}:${anchor.position.end}`;
    const existing = mentionAt.get(key);
    if (existing) return existing;
    const mention: Mention = {
      id: `${articleId}.m-${mentions.length + 1}`,
      entityId: entity.id,
      anchor,
      form: 'name',
      provenance,
    };
    mentions.push(mention);
    mentionAt.set(key, mention);
    return mention;
  };

  for (const span of spans.values()) {
    const kind = entityKindOfBratType(span.type);
    if (!kind) continue;
    used.add(span.id);
    const anchor = singleAnchor(span, 'mention');
    if (!anchor) continue;
    const key = `${anchor.position.start}:${anchor.position.end}`;
    if (mentionAt.has(key)) {
      skip(
        span.id,
        `a second entity on the span of ${mentionAt.get(key)?.id}: a span is one mention`,
      );
      continue;
    }
    const reference = references.get(span.id);
    const entity = reference
      ? entityFor(reference.entityId, kind, reference.name || anchor.quote.exact)
      : entityFor(`${articleId}.${slugOf(anchor.quote.exact)}`, kind, anchor.quote.exact);
    if (entity.kind !== kind)
      skip(span.id, `typed ${span.type} but its entity ${entity.id} is a ${entity.kind}`);
    addMention(entity, anchor);
  }

  const unattributed = (): Entity =>
    entityFor(`${articleId}.unattributed`, 'unnamed_group', 'unattributed source');

  const claims: Claim[] = [];
  for (const event of events) {
    if (event.trigger.type !== ATTRIBUTION && event.trigger.type !== ATTRIBUTION_NO_SOURCE) {
      skip(event.id, `an event of type ${event.trigger.type}, not an attribution`);
      continue;
    }
    used.add(event.trigger.id);
    const role = (name: string) => event.args.filter((a) => a.role.replace(/\d+$/, '') === name);
    for (const arg of event.args) used.add(arg.id);
    const content: Anchor[] = [];
    for (const arg of role('Content')) {
      const span = spans.get(arg.id);
      if (!span) continue;
      for (const f of span.fragments) content.push(...anchorsInBlocks(txt, blocks, f.start, f.end));
    }
    content.sort((a, b) => a.position.start - b.position.start);
    if (content.length === 0) {
      skip(event.id, 'an attribution without content: a claim needs what was said');
      continue;
    }
    const cueSpan = role('Cue')
      .map((a) => spans.get(a.id))
      .find((s) => s !== undefined);
    const cue = cueSpan ? singleAnchor(cueSpan, 'cue') : null;
    const sourceSpan = role('Source')
      .map((a) => spans.get(a.id))
      .find((s) => s !== undefined);
    const sourceAnchor = sourceSpan ? singleAnchor(sourceSpan, 'source') : null;
    let speaker: Entity;
    const sourceReference = sourceSpan ? references.get(sourceSpan.id) : undefined;
    if (sourceAnchor && sourceReference) {
      // Written by claimscope: the source words name a known speaker, and its mentions are spans
      // of their own, so the words are not a mention.
      speaker = entityFor(
        sourceReference.entityId,
        guessKind(sourceReference.name || sourceAnchor.quote.exact),
        sourceReference.name || sourceAnchor.quote.exact,
      );
    } else if (sourceAnchor) {
      const key = `${sourceAnchor.position.start}:${sourceAnchor.position.end}`;
      const existing = mentionAt.get(key);
      speaker = existing
        ? (entities.get(existing.entityId) as Entity)
        : entityFor(
            `${articleId}.${slugOf(sourceAnchor.quote.exact)}`,
            guessKind(sourceAnchor.quote.exact),
            sourceAnchor.quote.exact,
          );
      addMention(speaker, sourceAnchor);
    } else speaker = unattributed();
    for (const extra of ['Source', 'Cue'])
      if (role(extra).length > 1)
        skip(event.id, `${role(extra).length} ${extra} spans; a claim has one, the first is kept`);

    const words = content.map((a) => a.quote.exact);
    const before = txt[(content[0] as Anchor).position.start - 1] ?? '';
    const after = txt[(content.at(-1) as Anchor).position.end] ?? '';
    const quoted = words.some((w) => QUOTE_MARKS.test(w)) || QUOTE_MARKS.test(before + after);
    claims.push({
      id: `${articleId}.claim-${claims.length + 1}`,
      kind: quoted ? 'direct_quote' : 'indirect',
      speakerId: speaker.id,
      source: sourceAnchor,
      channel: { kind: 'unspecified', outletId: null, cue: cue?.quote.exact ?? null },
      cue,
      content,
      statement: words.join(' … ').replace(/\s+/g, ' ').trim() || '(no words)',
      aboutIds: [],
      modality: 'asserted',
      polarity: 'positive',
      time: null,
      parentId: null,
      continuesId: null,
      provenance,
    });
  }
  for (const span of spans.values())
    if (!used.has(span.id))
      skip(
        span.id,
        `a ${span.type} span that is neither an entity kind nor part of an attribution: ${JSON.stringify(
          txt.slice(span.fragments[0]?.start, span.fragments[0]?.end).slice(0, 80),
        )}`,
      );

  const document: ArticleDocument = {
    schemaVersion: 1,
    article: {
      id: articleId,
      headline: headline.text,
      dek: null,
      authorIds: [],
      publisherId: null,
      published: { status: 'unknown', note: `${BRAT_FORMAT} carries no publication date` },
      language: options.language ?? 'en',
      text: txt,
      textSha256: textDigest(txt),
      blocks,
      source: { origin: options.origin, url: null },
      provenance,
    },
    entities: [...entities.values()],
    mentions,
    claims,
    claimLinks: [],
    relations: [],
  };
  return { document: checked(document, options.origin), unrepresented };
}

/** The kind a speaker's words suggest: a capitalised name is a person, anything else a group. */
function guessKind(words: string): EntityKind {
  return /^(?:[A-Z][\p{L}'’.-]*)(?:\s+[A-Z][\p{L}'’.-]*)*$/u.test(words.trim())
    ? 'person'
    : 'unnamed_group';
}

/** The document, or an error listing every problem: a reader must never hand on an invalid one. */
export function checked(document: ArticleDocument, origin: string): ArticleDocument {
  const parsed = ArticleDocumentSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  throw new Error(
    `${origin}: the document read is not valid:\n${parsed.error.issues
      .map((i) => `  ${formatPath(i.path)}: ${i.message}`)
      .join('\n')}`,
  );
}
