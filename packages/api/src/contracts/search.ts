import { ClaimKindSchema, EntityKindSchema, Id } from '@claimscope/schema';
import { z } from 'zod';
import { EntityRefSchema, ParagraphNumberSchema, SnippetSchema } from './shared.js';

export const SEARCHABLE_TYPES = ['entity', 'claim', 'paragraph'] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

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
