import { seededRandom, syntheticDocument } from '@claimscope/corpus/synthetic';

/**
 * What users type: VARIED_QUERIES different searches of one or two neighbouring words from the
 * paragraphs of the corpus, the same list on every run for a size. Cycled through the uncached
 * server, so neither the response cache nor a repeated plan can hide anything.
 */
export const VARIED_QUERIES = 200;
export function variedSearches(size: number): string[] {
  const random = seededRandom(42);
  const queries: string[] = [];
  while (queries.length < VARIED_QUERIES) {
    const document = syntheticDocument(Math.floor(random() * size));
    const paragraphs = document.article.blocks.filter((b) => b.kind === 'paragraph');
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)];
    const words = [...(paragraph?.text ?? '').matchAll(/\p{L}{3,}/gu)].map((m) => m[0]);
    const count = 1 + Math.floor(random() * 2);
    const start = Math.floor(random() * Math.max(1, words.length - count));
    queries.push(words.slice(start, start + count).join(' '));
  }
  return queries;
}
