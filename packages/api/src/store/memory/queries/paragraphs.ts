import type { ArticleDocument } from '@claimscope/schema';
import { paragraphNumbers } from '@claimscope/schema/display';
import type { CorpusIndex } from '../corpus-index.js';

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
