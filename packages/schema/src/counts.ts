const COUNT_FORMAT = new Intl.NumberFormat('en');

/** A count as readers expect it at any size: "12,408", not "12408". */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** "1 claim", "2 claims", "1,204 entities" (pass the plural when it is not the noun plus "s"). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : nouns}`;
}
