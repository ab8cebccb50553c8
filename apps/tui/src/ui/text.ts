import stringWidth from 'string-width';

/**
 * Text measured in terminal cells, not characters: CJK and emoji take two cells, combining
 * marks none. Everything that pads, truncates or wraps goes through here.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters that always take one cell on their own and never join with their neighbours:
 * printable ASCII, Latin-1 and Latin Extended-A/B (not the soft hyphen), general punctuation
 * (dashes, curly quotes, bullet, ellipsis; not the zero-width and direction marks, nor ‼ and ⁉,
 * which can be emoji), arrows, box drawing and geometric shapes up to U+25FC (◽ and ◾ are
 * emoji), Braille (the spinner) and ✕ ✗. What news text and this UI are made of; a string with
 * anything else (a variation selector, a combining mark, CJK) goes to string-width.
 * `test/text.test.ts` checks each of them against string-width.
 */
const ONE_CELL_EACH =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u21ff\u2500-\u25fc\u2715\u2717\u2800-\u28ff]*$/;

export function cellWidth(text: string): number {
  // string-width is far slower, and its first call compiles large Unicode regular expressions.
  return ONE_CELL_EACH.test(text) ? text.length : stringWidth(text);
}

export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Cuts `text` to at most `width` cells, ending with "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of splitGraphemes(text)) {
    const w = cellWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** Truncates, then pads with spaces to exactly `width` cells. */
export function fit(text: string, width: number): string {
  const cut = truncate(text.replace(/\s+/g, ' '), width);
  return cut + ' '.repeat(Math.max(0, width - cellWidth(cut)));
}

/** A run of text with one style; `T` is whatever the caller styles by. */
export interface Span<T> {
  text: string;
  style: T;
  /** Offset of the span's first character in the source text (UTF-16 units). */
  offset: number;
}

/**
 * Greedy word wrap of styled spans to `width` cells. Spaces at a break are dropped; a word
 * wider than a line is broken between graphemes. Offsets stay attached to each piece.
 */
export function wrapSpans<T>(spans: readonly Span<T>[], width: number): Span<T>[][] {
  const lines: Span<T>[][] = [];
  let line: Span<T>[] = [];
  let used = 0;
  const push = (piece: Span<T>) => {
    const last = line[line.length - 1];
    if (last && last.style === piece.style && last.offset + last.text.length === piece.offset)
      last.text += piece.text;
    else line.push({ ...piece });
    used += cellWidth(piece.text);
  };
  const breakLine = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  // Split every span into words and single spaces, keeping style and offset.
  const tokens: Span<T>[] = [];
  for (const span of spans) {
    for (const match of span.text.matchAll(/\s|[^\s]+/g)) {
      tokens.push({ text: match[0], style: span.style, offset: span.offset + match.index });
    }
  }
  // A word can span several tokens when styles change mid-word ("al-Qaeda's").
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Span<T>;
    if (/^\s$/.test(token.text)) {
      if (token.text === '\n') breakLine();
      else if (used > 0 && used < width) push({ ...token, text: ' ' });
      i += 1;
      continue;
    }
    let j = i;
    let wordWidth = 0;
    while (j < tokens.length && !/^\s$/.test((tokens[j] as Span<T>).text)) {
      wordWidth += cellWidth((tokens[j] as Span<T>).text);
      j += 1;
    }
    if (used > 0 && used + wordWidth > width) {
      // Drop a trailing space before breaking.
      const last = line[line.length - 1];
      if (last?.text.endsWith(' ')) last.text = last.text.slice(0, -1);
      breakLine();
    }
    for (const part of tokens.slice(i, j)) {
      if (used + cellWidth(part.text) <= width) {
        push(part);
        continue;
      }
      let offset = part.offset;
      for (const g of splitGraphemes(part.text)) {
        if (used + cellWidth(g) > width && used > 0) breakLine();
        push({ text: g, style: part.style, offset });
        offset += g.length;
      }
    }
    i = j;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** Like `fit`, for runs of text that each keep their own emphasis. */
export function fitRuns(
  runs: readonly { text: string; strong: boolean }[],
  width: number,
): { text: string; strong: boolean }[] {
  const total = runs.reduce((sum, r) => sum + cellWidth(r.text), 0);
  const room = total > width ? width - 1 : width;
  const out: { text: string; strong: boolean }[] = [];
  let used = 0;
  for (const run of runs) {
    let text = '';
    for (const g of splitGraphemes(run.text.replace(/\s+/g, ' '))) {
      const w = cellWidth(g);
      if (used + w > room) break;
      text += g;
      used += w;
    }
    if (text) out.push({ text, strong: run.strong });
    if (used >= room) break;
  }
  if (total > width) out.push({ text: '…', strong: false });
  const filled = out.reduce((sum, r) => sum + cellWidth(r.text), 0);
  if (filled < width) out.push({ text: ' '.repeat(width - filled), strong: false });
  return out;
}

/** Splits text into runs at the given ranges (UTF-16 offsets), marking the ranges strong. */
export function highlightRuns(
  text: string,
  ranges: readonly { start: number; end: number }[],
): { text: string; strong: boolean }[] {
  const runs: { text: string; strong: boolean }[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    if (r.start > at) runs.push({ text: text.slice(at, r.start), strong: false });
    runs.push({ text: text.slice(r.start, r.end), strong: true });
    at = r.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), strong: false });
  return runs;
}
