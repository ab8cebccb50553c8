/** Case- and accent-insensitive form, so "zarqawi" finds "Zarqāwī". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The rows whose text contains every word of the query, in their original order. */
export function filterRows<T>(rows: readonly T[], query: string, textOf: (row: T) => string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = fold(textOf(row));
    return words.every((w) => text.includes(w));
  });
}
