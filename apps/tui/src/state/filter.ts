import { foldText } from '@claimscope/schema/display';

/** The rows whose text contains every word of the query, in their original order. */
export function filterRows<T>(rows: readonly T[], query: string, textOf: (row: T) => string): T[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = foldText(textOf(row));
    return words.every((w) => text.includes(w));
  });
}
