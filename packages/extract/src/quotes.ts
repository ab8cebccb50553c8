// Quotation spans in a block: straight and curly double quotes, a quote left open at the end of a
// paragraph (it runs on), and single-quoted quotes inside them.

export interface Span {
  start: number;
  end: number;
}

export interface Quote {
  /** The marks included. */
  outer: Span;
  /** The words inside the marks. */
  inner: Span;
  /** Opened and not closed before the block ends: the quote runs on into the next paragraph. */
  open: boolean;
  /** Quotes inside this one (single marks inside double ones). */
  nested: Span[];
}

/** Finds the double-quoted spans of `text.slice(start, end)`; offsets are into `text`. */
export function findQuotes(text: string, start: number, end: number): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  for (let i = start; i < end; i++) {
    const ch = text[i] as string;
    if (openAt < 0) {
      if (ch === '“' || ch === '"' || ch === '«' || ch === '„') openAt = i;
      continue;
    }
    if (ch === '”' || ch === '"' || ch === '»') {
      quotes.push(makeQuote(text, openAt, i + 1, false));
      openAt = -1;
    } else if (ch === '“') {
      // A new opening mark before a close: the previous quote was left open by a typo.
      openAt = i;
    }
  }
  if (openAt >= 0 && end - openAt > 2) quotes.push(makeQuote(text, openAt, end, true));
  return quotes;
}

function makeQuote(text: string, from: number, to: number, open: boolean): Quote {
  const inner = { start: from + 1, end: open ? to : to - 1 };
  return { outer: { start: from, end: to }, inner, open, nested: findNested(text, inner) };
}

/** Single-quoted spans inside a quote: an opening ' or ‘ at a word start, closed before a non-letter. */
function findNested(text: string, within: Span): Span[] {
  const found: Span[] = [];
  const pattern = /(^|[\s(—–-])['‘]([^'’]{3,}?)['’](?=[\s,.;:!?)—–-]|$)/gu;
  const slice = text.slice(within.start, within.end);
  for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
    const start = within.start + m.index + (m[1]?.length ?? 0) + 1;
    found.push({ start, end: start + (m[2]?.length ?? 0) });
  }
  return found;
}

/** How many words a span holds: short quoted phrases are titles or scare quotes, not speech. */
export function wordCount(text: string, span: Span): number {
  return text
    .slice(span.start, span.end)
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
}
