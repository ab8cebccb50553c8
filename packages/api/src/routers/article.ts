import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ArticleDetailSchema,
  ArticleIdInput,
  ArticleVersionInput,
  ArticleVersionsOutput,
  ExportArticleOutput,
  ListArticlesInput,
  ListArticlesOutput,
} from '../contracts/articles.js';
import { ExtractArticleInput, extractArticle } from '../extract.js';
import { ImportReportSchema, importDocuments } from '../import.js';
import { adminProcedure, publicProcedure } from '../trpc.js';
import { foundOr404 } from './not-found.js';

/** Documents in the interchange format; each is validated completely by the import itself. */
export const ImportArticlesInput = z.strictObject({
  documents: z.array(z.unknown()).min(1).max(50),
});

/** The value, or NOT_FOUND naming the article, and the version when one was asked for. */
function articleOr404<T>(value: T | null, input: { id: string; version?: number | undefined }): T {
  if (value !== null || input.version === undefined) return foundOr404(value, 'article', input.id);
  throw new TRPCError({
    code: 'NOT_FOUND',
    message: `no version ${input.version} of article "${input.id}" (see article.versions)`,
  });
}

export const articleRouter = {
  list: publicProcedure
    .input(ListArticlesInput)
    .output(ListArticlesOutput)
    .query(({ ctx, input }) => ctx.store.listArticles(input)),
  get: publicProcedure
    .input(ArticleVersionInput)
    .output(ArticleDetailSchema)
    .query(async ({ ctx, input }) =>
      articleOr404(await ctx.store.getArticle(input.id, input.version), input),
    ),
  export: publicProcedure
    .input(ArticleVersionInput)
    .output(ExportArticleOutput)
    .query(async ({ ctx, input }) =>
      articleOr404(await ctx.store.exportArticle(input.id, input.version), input),
    ),
  /** Every stored version of an article, oldest first; the last is the current one. */
  versions: publicProcedure
    .input(ArticleIdInput)
    .output(ArticleVersionsOutput)
    .query(async ({ ctx, input }) =>
      foundOr404(await ctx.store.versions(input.id), 'article', input.id),
    ),
  /**
   * A draft annotation of an article's text or HTML page (machine-made, unreviewed), returned and
   * not stored. Open to anyone; the body limit is the same as import's.
   */
  extract: publicProcedure
    .input(ExtractArticleInput)
    .output(ExportArticleOutput)
    .mutation(({ input }) => extractArticle(input)),
  /** Imports documents, each validated completely and stored whole or not at all. Needs the admin token. */
  import: adminProcedure
    .input(ImportArticlesInput)
    .output(ImportReportSchema)
    .mutation(({ ctx, input }) => importDocuments(ctx.store, input.documents)),
} satisfies TRPCRouterRecord;
