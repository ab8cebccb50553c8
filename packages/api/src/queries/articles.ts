import { type ArticleDocument, ArticleDocumentSchema, ArticleSchema, Id } from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput, paginate } from '../pagination.js';
import type { ClaimStore } from '../store/claim-store.js';
import { EntityRefSchema, entityRef } from '../views.js';

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

export const ListArticlesInput = z.strictObject({ ...pageInput }).prefault({});
export const ListArticlesOutput = pageOutput(ArticleSummarySchema);
export const ArticleIdInput = z.strictObject({ id: Id });
export const ExportArticleOutput = ArticleDocumentSchema;

export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

function countsOf(doc: ArticleDocument): z.infer<typeof ArticleCountsSchema> {
  return {
    blocks: doc.article.blocks.length,
    paragraphs: doc.article.blocks.filter((b) => b.kind === 'paragraph').length,
    entities: doc.entities.length,
    mentions: doc.mentions.length,
    claims: doc.claims.length,
    claimLinks: doc.claimLinks.length,
    relations: doc.relations.length,
  };
}

function bylines(store: ClaimStore, doc: ArticleDocument) {
  return {
    authors: doc.article.authorIds.map((id) => entityRef(store, id)),
    publisher: doc.article.publisherId ? entityRef(store, doc.article.publisherId) : null,
  };
}

export function listArticles(store: ClaimStore, input: z.output<typeof ListArticlesInput>) {
  return paginate(store.documents(), input, (doc): ArticleSummary => {
    const { id, headline, dek, published, language, source } = doc.article;
    return {
      id,
      headline,
      dek,
      published,
      language,
      source,
      ...bylines(store, doc),
      counts: countsOf(doc),
    };
  });
}

export function getArticle(store: ClaimStore, id: string): ArticleDetail | null {
  const doc = store.document(id);
  if (!doc) return null;
  const { text: _text, ...article } = doc.article;
  return { ...article, ...bylines(store, doc), counts: countsOf(doc) };
}

export function exportArticle(store: ClaimStore, id: string): ArticleDocument | null {
  return store.document(id) ?? null;
}
