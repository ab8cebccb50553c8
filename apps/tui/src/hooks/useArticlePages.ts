import { useEffect } from 'react';
import {
  type ArticlePage,
  type ArticleSort,
  type ArticleSummary,
  requests,
} from '../api/queries.js';
import type { QueryState } from '../api/query-cache.js';
import { useApi, useQueryCache } from './useQuery.js';

export interface ArticlePages {
  /** The first page's state; `data` is every article read so far, in the list's order. */
  state: QueryState<ArticleSummary[]>;
  /** How many articles the corpus holds (0 until the first page is in). */
  total: number;
  /** The API counted the matches of `text` only up to its cap: `total` is a lower bound. */
  totalIsLowerBound: boolean;
  /** Every page is in. */
  complete: boolean;
  /** Asks for the next page, unless it is in, on its way, or there is none. */
  loadMore: () => void;
}

/**
 * The corpus's article list, or the articles whose headline, dek or id holds `text`, in the order
 * `sort`, read a page at a time: start-up asks for the first page only, and the pages read stay
 * in the query cache, so every screen sees the same ones.
 */
export function useArticlePages(text = '', sort: ArticleSort = 'added'): ArticlePages {
  const { connection } = useApi();
  const cache = useQueryCache();
  const first = requests.articlePage(0, null, text, sort);
  useEffect(() => {
    cache.ensure(first.key, () => first.run(connection.client));
  }, [cache, connection, first.key]);

  const items: ArticleSummary[] = [];
  let total = 0;
  let totalIsLowerBound = false;
  let done = false;
  let next: { n: number; cursor: string } | null = null;
  for (let n = 0; ; n += 1) {
    const page = cache.get<ArticlePage>(requests.articlePage(n, null, text, sort).key);
    if (page?.status !== 'success') break;
    items.push(...page.data.items);
    total = page.data.total;
    totalIsLowerBound = page.data.totalIsLowerBound === true;
    if (page.data.nextCursor === null) {
      done = true;
      break;
    }
    next = { n: n + 1, cursor: page.data.nextCursor };
  }
  const firstPage = cache.get<ArticlePage>(first.key);
  const state: QueryState<ArticleSummary[]> =
    firstPage?.status === 'success'
      ? { status: 'success', data: items }
      : firstPage?.status === 'error'
        ? firstPage
        : { status: 'loading' };
  return {
    state,
    total,
    totalIsLowerBound,
    complete: done,
    loadMore: () => {
      if (done || !next || cache.get(requests.articlePage(next.n, null, text, sort).key)) return;
      const request = requests.articlePage(next.n, next.cursor, text, sort);
      cache.ensure(request.key, () => request.run(connection.client));
    },
  };
}
