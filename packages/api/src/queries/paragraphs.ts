import { type ArticleDocument, BlockSchema } from '@claimscope/schema';
import { paragraphNumbers } from '@claimscope/schema/display';
import { z } from 'zod';
import type { CorpusIndex } from '../store/corpus-index.js';

/**
 * A block's paragraph number as a reader counts it (only paragraphs count, from 1); null for a
 * headline, credit, promo or footer. Outputs carry it beside the block's `index`, which counts
 * every block from 0.
 */
export const ParagraphNumberSchema = z.int().positive().nullable();

/** A block with its paragraph number. */
export const NumberedBlockSchema = BlockSchema.extend({ paragraph: ParagraphNumberSchema });

const numbersByDocument = new WeakMap<ArticleDocument, Map<string, number>>();

/** The paragraph number of a block of an article in the in-memory index. */
export function paragraphNumber(
  store: CorpusIndex,
  articleId: string,
  blockId: string,
): number | null {
  const doc = store.document(articleId);
  if (!doc) return null;
  let numbers = numbersByDocument.get(doc);
  if (!numbers) {
    numbers = paragraphNumbers(doc.article.blocks);
    numbersByDocument.set(doc, numbers);
  }
  return numbers.get(blockId) ?? null;
}
