import { z } from 'zod';

/**
 * Offsets count UTF-16 code units into `Article.text` (what JavaScript's String indexes by),
 * with `start` inclusive and `end` exclusive, as in the W3C Web Annotation TextPositionSelector.
 */
export const OFFSET_UNIT = 'utf16-code-unit' as const;

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
  })
  .refine((s) => s.end > s.start, { message: 'end must be greater than start', path: ['end'] })
  .meta({
    id: 'TextPositionSelector',
    description:
      'W3C Web Annotation position selector; offsets in UTF-16 code units into the article text.',
  });

export const TextQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  })
  .meta({
    id: 'TextQuoteSelector',
    description:
      'W3C Web Annotation quote selector: the exact text with some context either side, so an anchor can be re-found.',
  });

/** A span of the article text, located both by position and by quote, inside one block. */
export const AnchorSchema = z
  .object({
    blockId: z.string().min(1),
    position: TextPositionSelectorSchema,
    quote: TextQuoteSelectorSchema,
  })
  .meta({ id: 'Anchor', description: 'A span of the article text inside one block.' });

export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;
export type Anchor = z.infer<typeof AnchorSchema>;

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
