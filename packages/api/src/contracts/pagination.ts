import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const CURSOR_VERSION = 1;

/** The opaque cursor that stands for `offset`: what `CursorSchema` reads back. */
export function encodeCursor(offset: number): string {
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

/** Counted only up to this many (or the end of the page asked for) when the count is not kept. */
export const CLAIM_COUNT_CAP = 1_000;
/**
 * The `totalIsLowerBound` of a list that counts its matches only up to `CLAIM_COUNT_CAP` (or the
 * end of the page asked for): true when more match than were counted; `nextCursor` still says
 * whether there is a next page. Absent when `total` is exact.
 */
export const totalIsLowerBound = {
  totalIsLowerBound: z
    .literal(true)
    .optional()
    .describe(
      `true when total is a lower bound: the matches were counted only up to ${CLAIM_COUNT_CAP} (or the end of this page); absent when total is exact`,
    ),
};
