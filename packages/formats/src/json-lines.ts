import type { ArticleDocument } from '@claimscope/schema';

/** One document as one line of JSON Lines (JSON escapes every line break inside it). */
export function jsonLine(doc: ArticleDocument): string {
  return `${JSON.stringify(doc)}\n`;
}

/**
 * Whole documents as JSON Lines, one line per document, produced as the documents arrive: only
 * one document is held at a time, so memory stays flat however large the corpus.
 */
export async function* writeJsonLines(
  documents: AsyncIterable<ArticleDocument> | Iterable<ArticleDocument>,
): AsyncGenerator<string> {
  for await (const doc of documents) yield jsonLine(doc);
}

/** The documents of JSON Lines text, one value per non-empty line; names the line that is not JSON. */
export function* readJsonLines(text: string): Generator<unknown> {
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line);
    } catch (error) {
      throw new Error(`line ${i + 1}: not JSON (${(error as Error).message})`);
    }
  }
}
