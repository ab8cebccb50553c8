import type { TRPCRouterRecord } from '@trpc/server';
import {
  ArticleDetailSchema,
  ArticleIdInput,
  ExportArticleOutput,
  exportArticle,
  getArticle,
  ListArticlesInput,
  ListArticlesOutput,
  listArticles,
} from '../queries/articles.js';
import { publicProcedure } from '../trpc.js';
import { foundOr404 } from './not-found.js';

export const articleRouter = {
  list: publicProcedure
    .input(ListArticlesInput)
    .output(ListArticlesOutput)
    .query(({ ctx, input }) => listArticles(ctx.store, input)),
  get: publicProcedure
    .input(ArticleIdInput)
    .output(ArticleDetailSchema)
    .query(({ ctx, input }) => foundOr404(getArticle(ctx.store, input.id), 'article', input.id)),
  export: publicProcedure
    .input(ArticleIdInput)
    .output(ExportArticleOutput)
    .query(({ ctx, input }) => foundOr404(exportArticle(ctx.store, input.id), 'article', input.id)),
} satisfies TRPCRouterRecord;
