/**
 * Turns annotations given as absolute offsets into the article text (UTF-16, end exclusive) into a
 * tree of nested spans over one block's text, so overlapping annotations (a mention inside a
 * quote, a quote inside a quote) render as nested elements. Where two spans cross, the later one
 * is split at the boundary; only its first piece is marked `first`, so ids stay unique.
 */

export interface Span<T> {
  start: number;
  end: number;
  /** Orders spans with the same range: lower is outer. */
  layer: number;
  value: T;
}

export type SpanNode<T> =
  | { type: 'text'; start: number; text: string }
  | { type: 'span'; start: number; end: number; value: T; first: boolean; children: SpanNode<T>[] };

interface Piece<T> extends Span<T> {
  first: boolean;
}

const outerFirst = <T>(a: Piece<T>, b: Piece<T>) =>
  a.start - b.start || b.end - a.end || a.layer - b.layer;

export function nestSpans<T>(
  text: string,
  textStart: number,
  spans: readonly Span<T>[],
): SpanNode<T>[] {
  const textEnd = textStart + text.length;
  const pieces: Piece<T>[] = spans
    .map((s) => ({
      ...s,
      start: Math.max(s.start, textStart),
      end: Math.min(s.end, textEnd),
      first: s.start >= textStart,
    }))
    .filter((s) => s.end > s.start);
  const slice = (from: number, to: number) => text.slice(from - textStart, to - textStart);
  return nest(pieces.sort(outerFirst), textStart, textEnd, slice);
}

function nest<T>(
  sorted: Piece<T>[],
  from: number,
  to: number,
  slice: (from: number, to: number) => string,
): SpanNode<T>[] {
  const nodes: SpanNode<T>[] = [];
  let cursor = from;
  let queue = sorted;
  while (queue.length > 0) {
    const [outer, ...others] = queue as [Piece<T>, ...Piece<T>[]];
    if (outer.start > cursor)
      nodes.push({ type: 'text', start: cursor, text: slice(cursor, outer.start) });
    const inside: Piece<T>[] = [];
    const after: Piece<T>[] = [];
    for (const piece of others) {
      if (piece.start >= outer.end) after.push(piece);
      else if (piece.end <= outer.end) inside.push(piece);
      else {
        inside.push({ ...piece, end: outer.end });
        after.push({ ...piece, start: outer.end, first: false });
      }
    }
    nodes.push({
      type: 'span',
      start: outer.start,
      end: outer.end,
      value: outer.value,
      first: outer.first,
      children: nest(inside, outer.start, outer.end, slice),
    });
    cursor = outer.end;
    queue = after.sort(outerFirst);
  }
  if (cursor < to) nodes.push({ type: 'text', start: cursor, text: slice(cursor, to) });
  return nodes;
}
