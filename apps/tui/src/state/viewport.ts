/**
 * Cursor and scroll arithmetic for a window of `height` rows over `count` rows. Lists move a
 * cursor and the window follows it; the article text moves the window itself.
 */

import { formatCount } from '@claimscope/schema/display';

export type Motion =
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'halfPageDown'
  | 'halfPageUp'
  | 'top'
  | 'bottom';

export interface Viewport {
  /** The selected row (lists only). */
  cursor: number;
  /** The first visible row. */
  scroll: number;
}

const clamp = (value: number, min: number, max: number) =>
  Math.min(Math.max(value, min), Math.max(min, max));

function step(motion: Motion, count: number, height: number): number {
  const page = Math.max(1, height);
  switch (motion) {
    case 'down':
      return 1;
    case 'up':
      return -1;
    case 'pageDown':
      return page;
    case 'pageUp':
      return -page;
    case 'halfPageDown':
      return Math.max(1, Math.floor(page / 2));
    case 'halfPageUp':
      return -Math.max(1, Math.floor(page / 2));
    case 'top':
      return -count;
    case 'bottom':
      return count;
  }
}

/** Keeps the cursor in range and inside the window, and the window inside the rows. */
export function settle(view: Viewport, count: number, height: number): Viewport {
  if (count <= 0) return { cursor: 0, scroll: 0 };
  const cursor = clamp(view.cursor, 0, count - 1);
  let scroll = clamp(view.scroll, 0, count - height);
  if (cursor < scroll) scroll = cursor;
  if (cursor >= scroll + height) scroll = cursor - height + 1;
  return { cursor, scroll: clamp(scroll, 0, count - height) };
}

/** Moves the cursor; pages move the window by the same amount, as in less and vim. */
export function moveCursor(
  view: Viewport,
  motion: Motion,
  count: number,
  height: number,
): Viewport {
  const delta = step(motion, count, height);
  const paging = motion !== 'down' && motion !== 'up' && motion !== 'top' && motion !== 'bottom';
  return settle(
    { cursor: view.cursor + delta, scroll: paging ? view.scroll + delta : view.scroll },
    count,
    height,
  );
}

/** Scrolls the window; the cursor is unused. */
export function moveScroll(
  view: Viewport,
  motion: Motion,
  count: number,
  height: number,
): Viewport {
  const delta = step(motion, count, height);
  return { cursor: view.cursor, scroll: clamp(view.scroll + delta, 0, count - height) };
}

/** A window that shows `line` about a third of the way down, for opening text at a quote. */
export function reveal(line: number, count: number, height: number): number {
  return clamp(line - Math.floor(height / 3), 0, count - height);
}

/** "12–31 of 240": 1-based, inclusive, as people count rows. */
export function positionLabel(scroll: number, height: number, count: number): string {
  if (count === 0) return '0 of 0';
  const first = scroll + 1;
  const last = Math.min(count, scroll + height);
  return `${formatCount(first)}–${formatCount(last)} of ${formatCount(count)}`;
}
