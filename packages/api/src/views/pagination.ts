import { encodeCursor, type Page, type PageRequest } from '../contracts/pagination.js';

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
