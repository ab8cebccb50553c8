// Anchors made from offsets, without zod: for the review page's browser bundle too (through
// `@claimscope/schema/display`). Extensionless specifiers, as in display.ts, for Turbopack.
import type { Anchor } from './anchor';

/** How many characters of context a quote selector keeps either side. */
export const QUOTE_CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Builds the W3C selector pair for `text.slice(start, end)`. The context either side is up to
 * `QUOTE_CONTEXT_LENGTH` code units, one fewer where the limit would cut a character outside the
 * Basic Multilingual Plane (an emoji) in half: half a character is not text, and the schema
 * refuses it.
 */
export function makeAnchor(text: string, blockId: string, start: number, end: number): Anchor {
  let from = Math.max(0, start - QUOTE_CONTEXT_LENGTH);
  if (from > 0 && from < start && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH);
  if (to < text.length && to > end && isHighSurrogate(text.charCodeAt(to - 1))) to -= 1;
  return {
    blockId,
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(from, start),
      suffix: text.slice(end, to),
    },
  };
}
