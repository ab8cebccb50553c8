import { z } from 'zod';
import type { Anchor } from './anchor.js';
import { ArticleSchema, type Block } from './article.js';
import { ClaimLinkSchema, ClaimSchema } from './claim.js';
import { type EntityKind, EntitySchema, MentionSchema } from './entity.js';
import { findUnstorableText, MAX_DOCUMENT_BYTES, scanCandidate, utf8Length } from './limits.js';
import { PublicationSchema } from './publication.js';
import { RelationSchema } from './relation.js';

export const SCHEMA_VERSION = 1;

const ArticleDocumentShape = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: ArticleSchema,
  entities: z.array(EntitySchema),
  mentions: z.array(MentionSchema),
  claims: z.array(ClaimSchema),
  claimLinks: z.array(ClaimLinkSchema),
  relations: z.array(RelationSchema),
  /** Set on a version published through review: who, when, and what was rejected. */
  publication: PublicationSchema.optional(),
});

type DocumentShape = z.infer<typeof ArticleDocumentShape>;
type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/**
 * One article and everything annotated in it. Parsing checks field shapes and then the document
 * as a whole: every offset in range and matching its quoted text, every reference resolving,
 * block kinds consistent. (The text digest is checked by `validateArticleDocument`, which is async.)
 */
export const ArticleDocumentSchema = ArticleDocumentShape.superRefine((doc, ctx) => {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  findUnstorableText(doc, report);
  checkDocumentIntegrity(doc, report);
}).meta({
  id: 'ArticleDocument',
  description: 'One annotated article: the interchange format of claimscope.',
});

export type ArticleDocument = z.infer<typeof ArticleDocumentSchema>;

/**
 * ArticleDocumentSchema for a candidate whose strings hold no NUL and no surrogate (see
 * scanCandidate): the same checks and issues, without looking for such text again.
 */
const CleanTextDocumentSchema = ArticleDocumentShape.superRefine((doc, ctx) =>
  checkDocumentIntegrity(doc, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);

function checkUniqueIds(
  items: { id: string }[],
  collection: string,
  report: Report,
): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      report(
        [collection, i, 'id'],
        `duplicate id "${item.id}" (first used at ${collection}[${first}])`,
      );
    else seen.set(item.id, i);
  });
  return seen;
}

function checkBlocks(doc: DocumentShape, report: Report): void {
  const { text, blocks } = doc.article;
  let previousEnd = 0;
  blocks.forEach((block, i) => {
    const at: Path = ['article', 'blocks', i];
    if (block.index !== i)
      report(
        [...at, 'index'],
        `expected index ${i} (blocks are listed in reading order), got ${block.index}`,
      );
    if (block.end <= block.start)
      report([...at, 'end'], `end ${block.end} must be greater than start ${block.start}`);
    if (block.end > text.length)
      report([...at, 'end'], `end ${block.end} is past the end of the text (${text.length})`);
    if (block.start < previousEnd)
      report(
        [...at, 'start'],
        `start ${block.start} overlaps the previous block, which ends at ${previousEnd}`,
      );
    previousEnd = Math.max(previousEnd, block.end);
    if (text.slice(block.start, block.end) !== block.text)
      report([...at, 'text'], `does not match the article text at ${block.start}–${block.end}`);
  });
  const byKind = (kind: Block['kind']) => blocks.filter((b) => b.kind === kind);
  const headlines = byKind('headline');
  if (headlines.length !== 1)
    report(['article', 'blocks'], `expected exactly one headline block, found ${headlines.length}`);
  else if (headlines[0]?.text !== doc.article.headline)
    report(['article', 'headline'], 'does not match the text of the headline block');
  const deks = byKind('dek');
  if (deks.length > 1)
    report(['article', 'blocks'], `expected at most one dek block, found ${deks.length}`);
  if (doc.article.dek !== null && deks[0]?.text !== doc.article.dek)
    report(['article', 'dek'], 'does not match the text of the dek block');
  if (doc.article.dek === null && deks.length > 0)
    report(['article', 'dek'], 'is null but the article has a dek block');
  if (byKind('paragraph').length === 0)
    report(['article', 'blocks'], 'an article needs at least one paragraph block');
}

function checkAnchor(
  anchor: Anchor,
  at: Path,
  doc: DocumentShape,
  blocks: Map<string, Block>,
  report: Report,
): void {
  const { text } = doc.article;
  const { start, end } = anchor.position;
  const block = blocks.get(anchor.blockId);
  if (!block) report([...at, 'blockId'], `no block with id "${anchor.blockId}"`);
  else if (start < block.start || end > block.end)
    report(
      [...at, 'position'],
      `${start}–${end} is outside block "${block.id}" (${block.start}–${block.end})`,
    );
  if (end > text.length) {
    report([...at, 'position', 'end'], `${end} is past the end of the text (${text.length})`);
    return;
  }
  const actual = text.slice(start, end);
  if (actual !== anchor.quote.exact)
    report(
      [...at, 'quote', 'exact'],
      `expected the text at ${start}–${end}, ${JSON.stringify(actual)}, got ${JSON.stringify(anchor.quote.exact)}`,
    );
  if (text.slice(Math.max(0, start - anchor.quote.prefix.length), start) !== anchor.quote.prefix)
    report([...at, 'quote', 'prefix'], `does not match the text before ${start}`);
  if (text.slice(end, end + anchor.quote.suffix.length) !== anchor.quote.suffix)
    report([...at, 'quote', 'suffix'], `does not match the text after ${end}`);
}

function checkDocumentIntegrity(doc: DocumentShape, report: Report): void {
  checkBlocks(doc, report);
  const blocks = new Map(doc.article.blocks.map((b) => [b.id, b]));
  checkUniqueIds(doc.article.blocks, 'article.blocks', (p, m) =>
    report(['article', 'blocks', ...p.slice(1)], m),
  );
  const entityIndex = checkUniqueIds(doc.entities, 'entities', report);
  checkUniqueIds(doc.mentions, 'mentions', report);
  const claimIndex = checkUniqueIds(doc.claims, 'claims', report);
  checkUniqueIds(doc.claimLinks, 'claimLinks', report);
  checkUniqueIds(doc.relations, 'relations', report);

  const entity = (id: string, at: Path, kinds?: EntityKind[]) => {
    const i = entityIndex.get(id);
    const found = i === undefined ? undefined : doc.entities[i];
    if (!found) report(at, `no entity with id "${id}"`);
    else if (kinds && !kinds.includes(found.kind))
      report(at, `entity "${id}" is a ${found.kind}; expected ${kinds.join(' or ')}`);
  };
  const claim = (id: string, at: Path) => {
    if (!claimIndex.has(id)) report(at, `no claim with id "${id}"`);
  };

  for (const [i, id] of doc.article.authorIds.entries())
    entity(id, ['article', 'authorIds', i], ['person', 'organization']);
  if (doc.article.publisherId)
    entity(doc.article.publisherId, ['article', 'publisherId'], ['outlet', 'organization']);

  const mentionSpans = new Map<string, number>();
  doc.mentions.forEach((mention, i) => {
    entity(mention.entityId, ['mentions', i, 'entityId']);
    checkAnchor(mention.anchor, ['mentions', i, 'anchor'], doc, blocks, report);
    const key = `${mention.anchor.position.start}:${mention.anchor.position.end}`;
    const twin = mentionSpans.get(key);
    if (twin !== undefined) report(['mentions', i, 'anchor'], `same span as mentions[${twin}]`);
    else mentionSpans.set(key, i);
  });

  doc.claims.forEach((c, i) => {
    const at: Path = ['claims', i];
    entity(c.speakerId, [...at, 'speakerId']);
    if (c.channel.outletId) entity(c.channel.outletId, [...at, 'channel', 'outletId'], ['outlet']);
    for (const [j, id] of c.aboutIds.entries()) entity(id, [...at, 'aboutIds', j]);
    if (c.source) checkAnchor(c.source, [...at, 'source'], doc, blocks, report);
    if (c.cue) checkAnchor(c.cue, [...at, 'cue'], doc, blocks, report);
    for (const [j, a] of c.content.entries())
      checkAnchor(a, [...at, 'content', j], doc, blocks, report);
    if (c.kind === 'author_assertion') {
      if (!doc.article.authorIds.includes(c.speakerId))
        report(
          [...at, 'speakerId'],
          `an author_assertion is spoken by an author of the article; "${c.speakerId}" is not one`,
        );
      if (c.channel.kind !== 'authorial')
        report([...at, 'channel', 'kind'], 'an author_assertion has the authorial channel');
    }
    for (const [field, ref] of [
      ['parentId', c.parentId],
      ['continuesId', c.continuesId],
    ] as const) {
      if (ref === null) continue;
      if (ref === c.id) report([...at, field], 'a claim cannot refer to itself');
      else claim(ref, [...at, field]);
    }
    if (c.parentId !== null) {
      const parent = doc.claims[claimIndex.get(c.parentId) ?? -1];
      const inside = (a: Anchor) =>
        parent?.content.some(
          (p) => p.position.start <= a.position.start && a.position.end <= p.position.end,
        );
      if (parent && !c.content.every(inside))
        report(
          [...at, 'content'],
          `a nested claim's content lies inside its parent "${parent.id}"'s content`,
        );
    }
  });
  // Parent chains must end: a quote cannot contain itself through its ancestors.
  doc.claims.forEach((c, i) => {
    const seen = new Set([c.id]);
    let next = c.parentId;
    while (next !== null) {
      if (seen.has(next)) {
        report(['claims', i, 'parentId'], `parent chain loops back to "${next}"`);
        break;
      }
      seen.add(next);
      next = doc.claims[claimIndex.get(next) ?? -1]?.parentId ?? null;
    }
  });

  doc.claimLinks.forEach((link, i) => {
    claim(link.fromId, ['claimLinks', i, 'fromId']);
    claim(link.toId, ['claimLinks', i, 'toId']);
    if (link.fromId === link.toId)
      report(['claimLinks', i, 'toId'], 'a claim cannot be linked to itself');
  });

  doc.relations.forEach((r, i) => {
    const at: Path = ['relations', i];
    entity(r.subjectId, [...at, 'subjectId']);
    entity(r.objectId, [...at, 'objectId']);
    if (r.subjectId === r.objectId)
      report([...at, 'objectId'], 'a relation joins two different entities');
    for (const [j, a] of r.evidence.entries())
      checkAnchor(a, [...at, 'evidence', j], doc, blocks, report);
    if (r.assertedBy.kind === 'claim')
      claim(r.assertedBy.claimId, [...at, 'assertedBy', 'claimId']);
  });
  checkRejected(doc, blocks, report);
}

/**
 * A rejected annotation still points into the text (its anchors must match it), and its id names
 * it alone: not twice among the rejected, not also in the published collection. What it refers to
 * may be gone (rejected with it), so references are not checked.
 */
function checkRejected(doc: DocumentShape, blocks: Map<string, Block>, report: Report): void {
  const seen = new Set<string>();
  doc.publication?.rejected.forEach((rejected, i) => {
    const at: Path = ['publication', 'rejected', i];
    const { collection, record } = rejected;
    const key = `${collection}/${record.id}`;
    if (seen.has(key)) report([...at, 'record', 'id'], `"${key}" is rejected twice`);
    seen.add(key);
    if ((doc[collection] as { id: string }[]).some((r) => r.id === record.id))
      report([...at, 'record', 'id'], `"${record.id}" is also in ${collection}`);
    const anchors: [Anchor, Path][] =
      rejected.collection === 'mentions'
        ? [[rejected.record.anchor, ['anchor']]]
        : rejected.collection === 'claims'
          ? [
              ...(rejected.record.source ? [[rejected.record.source, ['source']] as const] : []),
              ...(rejected.record.cue ? [[rejected.record.cue, ['cue']] as const] : []),
              ...rejected.record.content.map((a, j) => [a, ['content', j]] as const),
            ].map(([a, p]) => [a, [...p]])
          : rejected.collection === 'relations'
            ? rejected.record.evidence.map((a, j) => [a, ['evidence', j]])
            : [];
    for (const [anchor, path] of anchors)
      checkAnchor(anchor, [...at, 'record', ...path], doc, blocks, report);
  });
}

export interface ValidationIssue {
  /** Where the problem is, e.g. `claims[3].content[0].quote.exact`. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; document: ArticleDocument }
  | { ok: false; issues: ValidationIssue[] };

/** A zod / Standard Schema issue path as people read it: `claims[3].content[0].quote.exact`. */
export function formatPath(path: readonly (PropertyKey | { key: PropertyKey })[]): string {
  let out = '';
  for (const segment of path) {
    const part = typeof segment === 'object' ? segment.key : segment;
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(document)';
}

/**
 * Node's own crypto where the schema runs in Node: hashing at once costs a fraction of WebCrypto's
 * asynchronous job (an import validates thousands of texts). Browsers use WebCrypto.
 */
const nodeCrypto = (
  globalThis as {
    process?: { getBuiltinModule?: (id: 'node:crypto') => typeof import('node:crypto') };
  }
).process?.getBuiltinModule?.('node:crypto');

export async function sha256Hex(text: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('hex');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The UTF-8 bytes of `input`'s JSON; 0 when it is not JSON data at all (the shape check says what is wrong). */
function jsonBytes(input: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch {
    return 0;
  }
  // A UTF-16 unit is at most 3 bytes of UTF-8: most documents need no counting.
  return (json?.length ?? 0) * 3 <= MAX_DOCUMENT_BYTES ? 0 : utf8Length(json ?? '');
}

/**
 * Validates a whole document, including the digest of its text, and lists every problem by path.
 * A document larger than MAX_DOCUMENT_BYTES (as JSON) is refused before anything else is checked.
 */
export async function validateArticleDocument(input: unknown): Promise<ValidationResult> {
  // Most documents are clearly under the limit without building their JSON (see scanCandidate).
  const scan = scanCandidate(input);
  const bytes = scan.jsonByteBound <= MAX_DOCUMENT_BYTES ? 0 : jsonBytes(input);
  if (bytes > MAX_DOCUMENT_BYTES)
    return {
      ok: false,
      issues: [
        {
          path: '(document)',
          message: `is ${bytes} bytes of JSON; the limit is ${MAX_DOCUMENT_BYTES} bytes`,
        },
      ],
    };
  const parsed = (
    scan.valuesMaySuspectText ? ArticleDocumentSchema : CleanTextDocumentSchema
  ).safeParse(input);
  const issues: ValidationIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      }));
  if (parsed.success) {
    const digest = await sha256Hex(parsed.data.article.text);
    if (digest !== parsed.data.article.textSha256)
      issues.push({
        path: 'article.textSha256',
        message: `does not match the text (its sha256 is ${digest})`,
      });
  }
  return issues.length === 0 && parsed.success
    ? { ok: true, document: parsed.data }
    : { ok: false, issues };
}
