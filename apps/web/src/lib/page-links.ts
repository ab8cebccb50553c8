import { formatCount } from '@claimscope/schema/display';
import type { SearchParamsRecord } from './search-params';

/**
 * Paging a list by the API's opaque cursors in plain links (no script needed): a page's URL holds
 * its cursor and the cursors of the pages before it (`back`, '' for the first page), so
 * "previous" is a link too.
 */
export interface PagePosition {
  cursor: string | null;
  /** The cursors of the pages before this one, oldest first ('' for the first page). */
  back: string[];
}

const first = (params: SearchParamsRecord, key: string) => [params[key] ?? []].flat()[0] || null;

/** The search params a page position is written in; a page with two paged lists names each its own. */
export interface PageParams {
  cursor: string;
  back: string;
}
const PAGE_PARAMS: PageParams = { cursor: 'cursor', back: 'back' };

/** Reads `cursor` and `back` (or the params `names` gives) from search params. */
export function parsePagePosition(
  params: SearchParamsRecord,
  names: PageParams = PAGE_PARAMS,
): PagePosition {
  const cursor = first(params, names.cursor);
  // `back=` (empty) is one page back: the first page, which has no cursor.
  const back = [params[names.back] ?? []].flat()[0];
  return { cursor, back: cursor && back !== undefined ? back.split(',') : [] };
}

/** Adds a page position to search params (nothing for the first page). */
export function appendPagePosition(
  params: URLSearchParams,
  position: PagePosition,
  names: PageParams = PAGE_PARAMS,
): void {
  if (!position.cursor) return;
  params.set(names.cursor, position.cursor);
  if (position.back.length > 0) params.set(names.back, position.back.join(','));
}

/** The 1-based number of the first item on this page, for "showing 101–200 of 950". */
export function firstItemNumber(position: PagePosition, pageSize: number): number {
  return position.cursor ? position.back.length * pageSize + 1 : 1;
}

/** The positions of the next and the previous page, keeping the way back; null at either end. */
export function neighbourPages(
  position: PagePosition,
  nextCursor: string | null,
): { next: PagePosition | null; previous: PagePosition | null } {
  return {
    next: nextCursor
      ? { cursor: nextCursor, back: [...position.back, position.cursor ?? ''] }
      : null,
    previous: position.cursor
      ? { cursor: position.back.at(-1) || null, back: position.back.slice(0, -1) }
      : null,
  };
}

/** One end of a pager: where it goes and what it says ("← Previous 50", "Next 12 →"). */
export interface PagerLink {
  href: string;
  label: string;
}

/**
 * The links of a list paged `pageSize` at a time: "← Previous 50" and "Next 12 →", where
 * `remaining` is how many items follow this page.
 */
export function pageSizeLinks(
  pages: { previous: PagePosition | null; next: PagePosition | null },
  href: (position: PagePosition) => string,
  pageSize: number,
  remaining: number,
): { previous: PagerLink | null; next: PagerLink | null } {
  return {
    previous: pages.previous && {
      href: href(pages.previous),
      label: `← Previous ${formatCount(pageSize)}`,
    },
    next: pages.next && {
      href: href(pages.next),
      label: `Next ${formatCount(Math.min(pageSize, remaining))} →`,
    },
  };
}

/**
 * The number of items a list page reports: its total, or "1,000+" when the API counted only up to
 * that many (`totalIsLowerBound`: claims and articles filtered by text, claims by several facets).
 */
export function totalLabel(page: { total: number; totalIsLowerBound?: boolean }): string {
  return `${formatCount(page.total)}${page.totalIsLowerBound ? '+' : ''}`;
}
