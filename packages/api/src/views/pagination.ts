import type { ClaimsPageOf, ListClaimsQuery } from '../contracts/claims.js';
import {
  CLAIM_COUNT_CAP,
  encodeCursor,
  type Page,
  type PageRequest,
} from '../contracts/pagination.js';

/** Cuts one page out of the full, ordered list of matches, mapping only the items on it. */
export function paginate<T, U>(
  matches: readonly T[],
  page: PageRequest,
  toItem: (match: T) => U,
): Page<U> {
  return paginateCounted(matches.length, page, (start, end) => matches.slice(start, end), toItem);
}

/**
 * One page of `total` ordered matches that are not in one list: `slice` gives the matches from
 * `start` up to `end`, so only the page is ever put together.
 */
export function paginateCounted<T, U>(
  total: number,
  page: PageRequest,
  slice: (start: number, end: number) => readonly T[],
  toItem: (match: T) => U,
): Page<U> {
  const offset = page.cursor ?? 0;
  const end = offset + page.limit;
  return {
    items: slice(offset, end).map(toItem),
    nextCursor: end < total ? encodeCursor(end) : null,
    total,
  };
}

/**
 * Whether claim.list counts a query's matches only up to a cap (see `ListClaimsOutput`): no store
 * keeps their count, and nothing as selective as an article, a speaker or an entity bounds them.
 */
export function claimCountIsCapped(query: ListClaimsQuery): boolean {
  if (query.text) return true;
  if (query.articleId || query.speakerId || query.aboutId) return false;
  const filters = [query.kind || query.modality, query.channel, query.outletId, query.review];
  return filters.filter(Boolean).length > 1;
}

/** How far a capped count (see `paginateCapped`) counts for a page: one past its cap. */
export function cappedCountLimit(page: PageRequest): number {
  return Math.max(CLAIM_COUNT_CAP, (page.cursor ?? 0) + page.limit) + 1;
}

/** The page of `items` when `counted` matches were counted up to `cappedCountLimit(page)`. */
export function cappedPage<U>(page: PageRequest, counted: number, items: U[]): ClaimsPageOf<U> {
  const end = (page.cursor ?? 0) + page.limit;
  const cap = cappedCountLimit(page) - 1;
  if (counted > cap)
    return { items, nextCursor: encodeCursor(end), total: cap, totalIsLowerBound: true };
  return { items, nextCursor: end < counted ? encodeCursor(end) : null, total: counted };
}

/**
 * One page of a list counted only as far as needed: `count(upTo)` gives min(matches, upTo). The
 * total is exact up to `CLAIM_COUNT_CAP` (or the end of the page asked for); past it, it is a
 * lower bound, flagged, and the page still says whether another follows.
 */
export function paginateCapped<U>(
  page: PageRequest,
  count: (upTo: number) => number,
  rows: (limit: number, offset: number) => U[],
): ClaimsPageOf<U> {
  const offset = page.cursor ?? 0;
  const counted = count(cappedCountLimit(page));
  return cappedPage(page, counted, offset < counted ? rows(page.limit, offset) : []);
}
