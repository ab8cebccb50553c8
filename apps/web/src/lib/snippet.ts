/** A piece of plain text, marked or not; never HTML. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

export interface HighlightRange {
  start: number;
  end: number;
}

/**
 * Splits `text` at the highlight ranges (UTF-16 offsets, end exclusive). Ranges out of bounds
 * are clipped, empty ones dropped, and overlapping or touching ones merged.
 */
export function snippetParts(text: string, highlights: readonly HighlightRange[]): SnippetPart[] {
  const ranges = highlights
    .map((h) => ({ start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const merged: HighlightRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const parts: SnippetPart[] = [];
  let cursor = 0;
  for (const { start, end } of merged) {
    if (start > cursor) parts.push({ text: text.slice(cursor, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), marked: false });
  return parts;
}
