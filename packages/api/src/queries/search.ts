import { ClaimKindSchema, EntityKindSchema, Id } from '@claimscope/schema';
import { z } from 'zod';
import { findTermRanges, makeSnippet, type Snippet, SnippetSchema } from '../snippet.js';
import type { SearchableType, SearchMatch } from '../store/claim-store.js';
import type { CorpusIndex } from '../store/corpus-index.js';
import { claimText, EntityRefSchema, entityRef } from '../views.js';
import { ParagraphNumberSchema, paragraphNumber } from './paragraphs.js';

export const SEARCHABLE_TYPES = [
  'entity',
  'claim',
  'paragraph',
] as const satisfies readonly SearchableType[];

export const SearchInput = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(200),
  limit: z.int().min(1).max(50).default(20),
  /** Which kinds of record to search; all by default. */
  types: z
    .array(z.enum(SEARCHABLE_TYPES))
    .min(1)
    .default([...SEARCHABLE_TYPES]),
});

const hitBase = { id: Id, articleId: Id, score: z.number(), snippet: SnippetSchema };

export const SearchHitSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entity'), ...hitBase, name: z.string(), kind: EntityKindSchema }),
  z.object({
    type: z.literal('claim'),
    ...hitBase,
    kind: ClaimKindSchema,
    speaker: EntityRefSchema,
  }),
  z.object({
    type: z.literal('paragraph'),
    ...hitBase,
    index: z.int(),
    paragraph: ParagraphNumberSchema,
    headline: z.string(),
  }),
]);

export const SearchOutput = z.object({ query: z.string(), hits: z.array(SearchHitSchema) });

export type SearchHit = z.infer<typeof SearchHitSchema>;
export type SearchQuery = z.output<typeof SearchInput>;
export type SearchResult = z.infer<typeof SearchOutput>;

/** True for the normalised words an index reported as matched. */
export const oneOf = (terms: readonly string[]) => {
  const set = new Set(terms);
  return (term: string) => set.has(term);
};

/**
 * A snippet of the text that contains the most distinct matched words (the earliest on a tie),
 * `matched` telling which normalised words matched.
 */
export function snippetOf(texts: string[], matched: (term: string) => boolean): Snippet {
  let best: { text: string; ranges: ReturnType<typeof findTermRanges>; words: number } | null =
    null;
  for (const text of texts) {
    const ranges = findTermRanges(text, matched);
    const words = new Set(ranges.map((r) => text.slice(r.start, r.end).toLowerCase())).size;
    if (words > (best?.words ?? 0)) best = { text, ranges, words };
  }
  return best ? makeSnippet(best.text, best.ranges) : makeSnippet(texts[0] ?? '', []);
}

function toHit(store: CorpusIndex, match: SearchMatch): SearchHit | null {
  const base = { id: match.id, articleId: match.articleId, score: match.score };
  if (match.type === 'entity') {
    const entity = store.entity(match.id);
    if (!entity) return null;
    const texts = [entity.name, ...entity.aliases.map((a) => a.name), entity.description];
    return {
      type: 'entity',
      ...base,
      name: entity.name,
      kind: entity.kind,
      snippet: snippetOf(texts, oneOf(match.terms)),
    };
  }
  if (match.type === 'claim') {
    const claim = store.claim(match.id);
    if (!claim) return null;
    const snippet = snippetOf([claimText(claim), claim.statement], oneOf(match.terms));
    return {
      type: 'claim',
      ...base,
      kind: claim.kind,
      speaker: entityRef(store, claim.speakerId),
      snippet,
    };
  }
  const doc = store.document(match.articleId);
  const block = store.block(match.articleId, match.id);
  if (!doc || !block) return null;
  const snippet = snippetOf([block.text], oneOf(match.terms));
  return {
    type: 'paragraph',
    ...base,
    index: block.index,
    paragraph: paragraphNumber(store, match.articleId, block.id),
    headline: doc.article.headline,
    snippet,
  };
}

/** Ranked matches across entities, claims and paragraphs, best first. */
export function search(store: CorpusIndex, input: SearchQuery): SearchResult {
  const matches = store.search(input.q, { types: input.types, limit: input.limit });
  return { query: input.q, hits: matches.flatMap((m) => toHit(store, m) ?? []) };
}
