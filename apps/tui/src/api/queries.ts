import type { ArticleSort } from '@claimscope/client';
import { paragraphNumbers } from '@claimscope/schema/display';
import type { ClaimscopeClient, RouterOutputs } from './client.js';
import { fetchAllPages } from './query-cache.js';

/**
 * Every request the screens make, each with the cache key that names it. An article's lists
 * fetch all their pages (100 rows a request) so that filtering and the position indicator see
 * every row; the corpus's article list, which can be any length, is read a page at a time.
 */

export type ArticlePage = RouterOutputs['article']['list'];
/** The orders of the article list (`article.list`'s `sort`). */
export type { ArticleSort };
export type ArticleSummary = ArticlePage['items'][number];
export type ArticleDocument = RouterOutputs['article']['export'];
export type EntityItem = RouterOutputs['entity']['list']['items'][number];
export type EntityDetail = RouterOutputs['entity']['get'];
export type ClaimItem = RouterOutputs['claim']['list']['items'][number];
export type ClaimDetail = RouterOutputs['claim']['get'];
export type RelationItem = RouterOutputs['relation']['list']['items'][number];
export type SearchResult = RouterOutputs['search'];
export type Disagreement = RouterOutputs['claim']['disagreements']['items'][number];
export type SearchHit = SearchResult['hits'][number];

const PAGE = 100;
/** Articles a page of the article list holds: start-up reads one, however large the corpus. */
export const ARTICLE_PAGE = PAGE;
/** Claims of each kind an entity screen loads at a time (`entity.get`'s default). */
export const ENTITY_CLAIMS_PAGE = 40;
/** The most claims of each kind `entity.get` returns (its MAX_DETAIL_LIMIT). */
export const ENTITY_CLAIMS_MAX = 1000;

export interface Request<T> {
  key: string;
  run: (client: ClaimscopeClient) => Promise<T>;
}

export const requests = {
  /**
   * Page `n` (from 0) of the article list in the order `sort`, of the articles whose headline,
   * dek or id holds `text` ('' for all); `cursor` is page n − 1's `nextCursor`.
   */
  articlePage: (
    n: number,
    cursor: string | null,
    text = '',
    sort: ArticleSort = 'added',
  ): Request<ArticlePage> => ({
    key: `articles:${sort}:${n}:${text}`,
    run: (c) =>
      c.article.list.query({
        cursor,
        limit: ARTICLE_PAGE,
        ...(sort === 'added' ? {} : { sort }),
        ...(text ? { text } : {}),
      }),
  }),
  /** One article's summary, for an article not on the pages read so far (`--article`). */
  articleSummary: (id: string): Request<ArticleSummary> => ({
    key: `article:${id}`,
    run: (c) => c.article.get.query({ id }),
  }),
  document: (articleId: string): Request<ArticleDocument> => ({
    key: `document:${articleId}`,
    run: (c) => c.article.export.query({ id: articleId }),
  }),
  entities: (articleId: string): Request<EntityItem[]> => ({
    key: `entities:${articleId}`,
    run: (c) => fetchAllPages((cursor) => c.entity.list.query({ articleId, cursor, limit: PAGE })),
  }),
  /** An entity with the first `claimsLimit` claims it makes and of those about it. */
  entity: (id: string, claimsLimit = ENTITY_CLAIMS_PAGE): Request<EntityDetail> => ({
    key: `entity:${id}:${claimsLimit}`,
    run: (c) => c.entity.get.query({ id, claimsLimit }),
  }),
  claims: (articleId: string): Request<ClaimItem[]> => ({
    key: `claims:${articleId}`,
    run: (c) => fetchAllPages((cursor) => c.claim.list.query({ articleId, cursor, limit: PAGE })),
  }),
  claim: (id: string): Request<ClaimDetail> => ({
    key: `claim:${id}`,
    run: (c) => c.claim.get.query({ id }),
  }),
  relations: (articleId: string): Request<RelationItem[]> => ({
    key: `relations:${articleId}`,
    run: (c) =>
      fetchAllPages((cursor) => c.relation.list.query({ articleId, cursor, limit: PAGE })),
  }),
  disagreements: (articleId: string): Request<Disagreement[]> => ({
    key: `disagreements:${articleId}`,
    run: (c) =>
      fetchAllPages((cursor) => c.claim.disagreements.query({ articleId, cursor, limit: PAGE })),
  }),
  /** Paragraph numbers as readers count them, by block id, for the blocks of these articles. */
  paragraphNumbers: (articleIds: readonly string[]): Request<Map<string, number>> => ({
    key: `paragraphs:${[...articleIds].sort().join(',')}`,
    run: async (c) => {
      const articles = await Promise.all(articleIds.map((id) => c.article.get.query({ id })));
      return new Map(articles.flatMap((a) => [...paragraphNumbers(a.blocks)]));
    },
  }),
  search: (q: string): Request<SearchResult> => ({
    key: `search:${q}`,
    run: (c) => c.search.query({ q, limit: 50 }),
  }),
};
