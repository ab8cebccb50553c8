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

export { makeAnchor, QUOTE_CONTEXT_LENGTH } from './quote-context.js';
