import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const CURSOR_VERSION = 1;

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, o: offset })).toString('base64url');
}

/** An opaque cursor from a previous page's `nextCursor`, decoded to the offset it stands for. */
export const CursorSchema = z.string().transform((cursor, ctx) => {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const parsed = z
      .object({ v: z.literal(CURSOR_VERSION), o: z.int().nonnegative() })
      .safeParse(decoded);
    if (parsed.success) return parsed.data.o;
  } catch {
    // Not base64url JSON: reported below like any other unreadable cursor.
  }
  ctx.addIssue({
    code: 'custom',
    message: 'not a cursor returned by this API; pass nextCursor from the previous page',
  });
  return z.NEVER;
});

/** The `cursor` and `limit` fields every list procedure accepts. */
export const pageInput = {
  cursor: CursorSchema.nullish(),
  limit: z.int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

export interface PageRequest {
  cursor?: number | null;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** How many items match the filters, over all pages. */
  total: number;
}

export function pageOutput<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.int().nonnegative(),
  });
}

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
