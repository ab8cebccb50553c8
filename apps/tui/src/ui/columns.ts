import type { TextStyle } from './theme.js';

/** One column of a list: its header, how wide it may be, and what each row shows in it. */
export interface Column<T> {
  header: string;
  /** Cells, or 'fill' to share what is left with the other 'fill' columns. */
  width: number | 'fill';
  /** A 'fill' column is never narrower than this (8 unless given). */
  min?: number;
  /** Left out when the list is narrower than this many cells. */
  hideBelow?: number;
  align?: 'left' | 'right';
  text: (row: T) => string;
  style?: (row: T) => TextStyle;
  /** Parts of the text to emphasise (search matches), as UTF-16 ranges into `text(row)`. */
  highlights?: (row: T) => readonly { start: number; end: number }[];
}

export interface PlacedColumn<T> {
  column: Column<T>;
  width: number;
}

const DEFAULT_MIN = 8;
/** A fixed column shrinks to no less than this before the list gives up on the fill width. */
const SHRUNK_MIN = 3;

/**
 * Places the columns in exactly `width` cells, one space between them: optional columns drop
 * out when the list is narrow, the 'fill' columns share what is left (at least their minimum,
 * by shrinking the widest fixed column first), and the last 'fill' column takes the remainder,
 * so every row is exactly as wide as the list and the columns line up.
 */
export function layoutColumns<T>(columns: readonly Column<T>[], width: number): PlacedColumn<T>[] {
  const shown = columns.filter((c) => c.hideBelow === undefined || width >= c.hideBelow);
  const widths = shown.map((c) => (c.width === 'fill' ? 0 : c.width));
  const fills = shown.map((c, i) => (c.width === 'fill' ? i : -1)).filter((i) => i >= 0);
  const gaps = Math.max(0, shown.length - 1);
  const needed = fills.reduce((sum, i) => sum + (shown[i]?.min ?? DEFAULT_MIN), 0);
  const fixedTotal = () => widths.reduce((sum, w) => sum + w, 0);
  // Shrink the widest fixed column, one cell at a time, until the fill columns get their minimum.
  while (width - gaps - fixedTotal() < needed) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (!fills.includes(i) && w > SHRUNK_MIN && (widest === -1 || w > (widths[widest] ?? 0)))
        widest = i;
    });
    if (widest === -1) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  let room = Math.max(0, width - gaps - fixedTotal());
  if (fills.length === 0) {
    // No fill column: the last one takes whatever is left, or gives up what does not fit.
    const last = widths.length - 1;
    if (last >= 0) widths[last] = Math.max(0, (widths[last] ?? 0) + width - gaps - fixedTotal());
  } else {
    const share = Math.floor(room / fills.length);
    fills.forEach((i, n) => {
      const w = n === fills.length - 1 ? room : share;
      widths[i] = w;
      room -= w;
    });
  }
  // Too narrow even for the shrunk columns: cut from the right so the row still fits.
  let over = widths.reduce((sum, w) => sum + w, 0) + gaps - width;
  for (let i = widths.length - 1; i >= 0 && over > 0; i -= 1) {
    const cut = Math.min(over, widths[i] ?? 0);
    widths[i] = (widths[i] ?? 0) - cut;
    over -= cut;
  }
  return shown.map((column, i) => ({ column, width: widths[i] ?? 0 }));
}
