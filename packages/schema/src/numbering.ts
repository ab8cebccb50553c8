import type { Block } from './article.js';

/**
 * The one number a claim is cited by: the number its id ends with ("…claim-07" → 7), so a label
 * read in the reader, a list, the terminal or a citation always leads back to the same id.
 * Null when the id ends without digits.
 */
export function claimNumber(claimId: string): number | null {
  const digits = /(\d+)$/.exec(claimId)?.[1];
  return digits === undefined ? null : Number.parseInt(digits, 10);
}

/** "claim 7", or the id itself when it carries no number. */
export function claimLabel(claimId: string): string {
  const n = claimNumber(claimId);
  return n === null ? claimId : `claim ${n}`;
}

/**
 * Paragraph numbers as a reader counts them: only `paragraph` blocks count, from 1, in reading
 * order; headlines, credits, promos and footers have none.
 */
export function paragraphNumbers(
  blocks: readonly Pick<Block, 'id' | 'kind' | 'index'>[],
): Map<string, number> {
  const numbers = new Map<string, number>();
  let n = 0;
  for (const block of [...blocks].sort((a, b) => a.index - b.index)) {
    if (block.kind === 'paragraph') numbers.set(block.id, ++n);
  }
  return numbers;
}
