import { isWhitespace, isWordChar } from './chars.js';

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

const APOSTROPHE = 0x27; // '
const BACKTICK = 0x60; // `
const STRAIGHT_DOUBLE = 0x22; // "
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_DOUBLE = 0x201d; // ”
const LOW_DOUBLE = 0x201e; // „
const LEFT_GUILLEMET = 0xab; // «
const RIGHT_GUILLEMET = 0xbb; // »
/** A character that may be (part of) a double quotation mark. */
const MARK_CANDIDATE = /["“”«»„'`]/g;

/** Finds the double-quoted spans of `text.slice(start, end)`; offsets are into `text`. */
export function findQuotes(text: string, start: number, end: number): Quote[] {
  const quotes: Quote[] = [];
  let openAt = -1;
  let openWidth = 1;
  // Only the characters that can be a mark are visited: the expression finds the next one.
  MARK_CANDIDATE.lastIndex = start;
  for (
    let found = MARK_CANDIDATE.exec(text);
    found !== null && found.index < end;
    found = MARK_CANDIDATE.exec(text)
  ) {
    let i = found.index;
    const ch = text.charCodeAt(i);
    // Two apostrophes or backticks stand for a double quotation mark in some wire styles.
    const doubled = (ch === APOSTROPHE || ch === BACKTICK) && text.charCodeAt(i + 1) === ch;
    const width = doubled ? 2 : 1;
    const mark =
      doubled ||
      ch === LEFT_DOUBLE ||
      ch === STRAIGHT_DOUBLE ||
      ch === LEFT_GUILLEMET ||
      ch === LOW_DOUBLE ||
      ch === RIGHT_DOUBLE ||
      ch === RIGHT_GUILLEMET;
    if (!mark) continue;
    if (openAt < 0) {
      if (ch !== RIGHT_DOUBLE && ch !== RIGHT_GUILLEMET) {
        openAt = i;
        openWidth = width;
      }
    } else if (ch === LEFT_DOUBLE || ch === BACKTICK) {
      // A new opening mark before a close: the previous quote was left open by a typo.
      openAt = i;
      openWidth = width;
    } else {
      // "…this,'''": a single mark closing a nested quote comes before the doubled one.
      if (doubled && ch === APOSTROPHE && text.charCodeAt(i + 2) === APOSTROPHE) i++;
      quotes.push(makeQuote(openAt, i + width, openWidth, width, false));
      openAt = -1;
    }
    i += width - 1;
    MARK_CANDIDATE.lastIndex = i + 1;
  }
  if (openAt >= 0 && end - openAt > 2) quotes.push(makeQuote(openAt, end, openWidth, 0, true));
  return quotes.map((q) => ({ ...q, nested: findNested(text, q.inner) }));
}

function makeQuote(
  from: number,
  to: number,
  openWidth: number,
  closeWidth: number,
  open: boolean,
): Quote {
  const inner = { start: from + openWidth, end: to - closeWidth };
  return { outer: { start: from, end: to }, inner, open, nested: [] };
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
  // Counted in place: runs of non-space characters (JavaScript's `\s`) holding a word character
  // (`\w`), what splitting at `\s+` and keeping the pieces with a `\w` would count.
  let count = 0;
  let inWord = false;
  let counted = false;
  for (let k = span.start; k < span.end; k++) {
    const c = text.charCodeAt(k);
    if (isWhitespace(c)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && isWordChar(c)) {
      counted = true;
      count++;
    }
  }
  return count;
}
