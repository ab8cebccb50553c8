import { ArticleDocumentSchema, ArticleSchema, Id } from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput, totalIsLowerBound } from './pagination.js';
import { EntityRefSchema, TextFilterSchema } from './shared.js';

export const ArticleCountsSchema = z.object({
  blocks: z.int(),
  paragraphs: z.int(),
  entities: z.int(),
  mentions: z.int(),
  claims: z.int(),
  claimLinks: z.int(),
  relations: z.int(),
});

export const ArticleSummarySchema = ArticleSchema.pick({
  id: true,
  headline: true,
  dek: true,
  published: true,
  language: true,
  source: true,
}).extend({
  authors: z.array(EntityRefSchema),
  publisher: EntityRefSchema.nullable(),
  counts: ArticleCountsSchema,
});

/** The article without its full text: the blocks carry the same text with their offsets. */
export const ArticleDetailSchema = ArticleSchema.omit({ text: true }).extend({
  authors: z.array(EntityRefSchema),
  publisher: EntityRefSchema.nullable(),
  counts: ArticleCountsSchema,
});

/**
 * The orders `article.list` gives: `added`, the order articles were added (the default);
 * `recent`, the most recently added first; `newest` and `oldest`, by publication date, with the
 * articles whose date is unknown last; `headline`, by headline ignoring case and accents; `claims`,
 * the most claims first. Ties keep the order articles were added.
 */
export const ARTICLE_SORTS = ['added', 'recent', 'newest', 'oldest', 'headline', 'claims'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export const ListArticlesInput = z
  .strictObject({
    /** Matches the words of the headline, the dek or the id, ignoring case and accents. */
    text: TextFilterSchema.optional(),
    sort: z
      .enum(ARTICLE_SORTS)
      .default('added')
      .describe(
        'added: the order articles were added (default); recent: most recently added first; newest, oldest: by publication date, unknown dates last; headline: A to Z, ignoring case and accents; claims: most claims first. Ties keep the order articles were added.',
      ),
    ...pageInput,
  })
  .prefault({});
/** Filtered by text, the list counts only up to the cap (see `totalIsLowerBound`). */
export const ListArticlesOutput = pageOutput(ArticleSummarySchema).extend(totalIsLowerBound);
export const ArticleIdInput = z.strictObject({ id: Id });
/** An article, at one stored version (see `article.versions`) or the current one. */
export const ArticleVersionInput = z.strictObject({
  id: Id,
  version: z.int().positive().optional(),
});
export const ArticleVersionSchema = z.object({
  version: z.int().positive(),
  contentSha256: z.string(),
  textSha256: z.string(),
  importedAt: z.string().nullable(),
  current: z.boolean(),
  /** Who published the version through review, and when; null for an imported version. */
  published: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export const ArticleVersionsOutput = z.array(ArticleVersionSchema);
/** What a store lists articles by: the procedure's input, its order `added` when not given. */
export type ListArticlesQuery = Omit<z.output<typeof ListArticlesInput>, 'sort'> & {
  sort?: ArticleSort;
};
export const ExportArticleOutput = ArticleDocumentSchema;

export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

/** What `article.list`'s text filter is compared with, before folding: headline, dek and id. */
export const articleFilterText = (article: { id: string; headline: string; dek?: string | null }) =>
  `${article.headline}\n${article.dek ?? ''}\n${article.id}`;
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;
export type ArticleCounts = z.infer<typeof ArticleCountsSchema>;
