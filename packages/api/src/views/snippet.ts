import type { Highlight, Snippet } from '../contracts/shared.js';
import { normalizeTerm, TOKEN_PATTERN } from './terms.js';

const ELLIPSIS = '…';

/**
 * How much of one text a snippet looks through for matched words. It bounds the work of a search
 * per hit (a document may hold a paragraph of hundreds of thousands of characters), so that no
 * request holds the event loop for long; a match further in still ranks the hit, and its snippet
 * shows the text's beginning.
 */
export const SNIPPET_SCAN_LENGTH = 10_000;

/**
 * Ranges of the words in `text` whose normalised form (as the index folds it) is `wanted`, in
 * the first SNIPPET_SCAN_LENGTH characters.
 */
export function findTermRanges(text: string, wanted: (term: string) => boolean): Highlight[] {
  const ranges: Highlight[] = [];
  const scanned = text.length > SNIPPET_SCAN_LENGTH ? text.slice(0, SNIPPET_SCAN_LENGTH) : text;
  for (const match of scanned.matchAll(TOKEN_PATTERN)) {
    const term = normalizeTerm(match[0]);
    if (term !== null && wanted(term))
      ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
}

/**
 * A window of about `width` characters of `text` around `focus` (the first highlight), cut at
 * word boundaries and marked with an ellipsis where text was left out.
 */
export function makeSnippet(text: string, highlights: readonly Highlight[], width = 220): Snippet {
  const focus = highlights[0];
  if (text.length <= width) return { text, highlights: [...highlights] };
  let start = focus ? Math.max(0, focus.start - Math.floor(width / 3)) : 0;
  let end = Math.min(text.length, start + width);
  start = Math.max(0, end - width);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < (focus?.start ?? end)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= (focus?.end ?? start)) end = space;
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    highlights: highlights
      .filter((h) => h.start >= start && h.end <= end)
      .map((h) => ({ start: h.start + shift, end: h.end + shift })),
  };
}

/** True for the normalised words an index reported as matched. */
export const oneOf = (terms: readonly string[]) => {
  const set = new Set(terms);
  return (term: string) => set.has(term);
};

/** True for a normalised word that a query term matches (whole word, or prefix for 3+ letters). */
export const matchedBy =
  (terms: string[]) =>
  (word: string): boolean =>
    terms.some((t) => word === t || (t.length >= 3 && word.startsWith(t)));

/**
 * A snippet of the text that contains the most distinct matched words (the earliest on a tie),
 * `matched` telling which normalised words matched.
 */
export function snippetOf(texts: string[], matched: (term: string) => boolean): Snippet {
  let best: { text: string; ranges: ReturnType<typeof findTermRanges>; words: number } | null =
    null;
  for (const text of texts) {
    const ranges = findTermRanges(text, matched);
    const words = new Set(ranges.map((r) => text.slice(r.start, r.end).toLowerCase())).size;
    if (words > (best?.words ?? 0)) best = { text, ranges, words };
  }
  return best ? makeSnippet(best.text, best.ranges) : makeSnippet(texts[0] ?? '', []);
}
