import { BlockSchema, ClaimSchema, type Entity, EntityKindSchema, Id } from '@claimscope/schema';
import { z } from 'zod';

/** A record together with the article it belongs to. */
export type InArticle<T> = T & { articleId: string };

/**
 * An entity across the corpus. Entity ids name one real-world referent in every article, so the
 * same id in two articles is one entity: the first article's record, with the aliases of all.
 */
export type CorpusEntity = Entity & { articleIds: string[] };

/** Enough of an entity to show and link to it. */
export const EntityRefSchema = z.object({ id: Id, name: z.string(), kind: EntityKindSchema });
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** A claim with its article, its speaker and the entities it is about resolved, and its words. */
export const ClaimViewSchema = ClaimSchema.extend({
  articleId: Id,
  /** The verbatim content, its spans joined with " … ". */
  text: z.string(),
  speaker: EntityRefSchema,
  about: z.array(EntityRefSchema),
});
export type ClaimView = z.infer<typeof ClaimViewSchema>;

/** Accepts one value or a list of them, and always gives a list. */
export function oneOrMany<T extends z.ZodType>(schema: T) {
  return z
    .union([schema, z.array(schema).min(1)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
}

export const TextFilterSchema = z.string().trim().min(1).max(200);

/**
 * A block's paragraph number as a reader counts it (only paragraphs count, from 1); null for a
 * headline, credit, promo or footer. Outputs carry it beside the block's `index`, which counts
 * every block from 0.
 */
export const ParagraphNumberSchema = z.int().positive().nullable();

/** A block with its paragraph number. */
export const NumberedBlockSchema = BlockSchema.extend({ paragraph: ParagraphNumberSchema });
export type NumberedBlock = z.infer<typeof NumberedBlockSchema>;

export const HighlightSchema = z.object({
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});

/** Plain text with ranges to emphasise (UTF-16 offsets into `text`, end exclusive); never HTML. */
export const SnippetSchema = z.object({ text: z.string(), highlights: z.array(HighlightSchema) });

export type Highlight = z.infer<typeof HighlightSchema>;
export type Snippet = z.infer<typeof SnippetSchema>;
