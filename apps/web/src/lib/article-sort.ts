import type { ArticleSort } from '@claimscope/client';
import { paramValues, type SearchParamsRecord } from './search-params';

export type { ArticleSort };

/** Each order as the list's "Order" menu names it, in the menu's order. */
export const ARTICLE_SORT_LABEL: Record<ArticleSort, string> = {
  added: 'In the order added',
  recent: 'Most recently added',
  newest: 'Newest published',
  oldest: 'Oldest published',
  headline: 'Headline, A to Z',
  claims: 'Most claims',
};

/** The `sort` of the URL if it is an order the list knows, else the order articles were added. */
export function parseArticleSort(params: SearchParamsRecord): ArticleSort {
  const value = paramValues(params, 'sort')[0];
  return value !== undefined && Object.hasOwn(ARTICLE_SORT_LABEL, value)
    ? (value as ArticleSort)
    : 'added';
}
