export { foldText as fold } from '@claimscope/schema';

/** The tokens minisearch indexes: runs of characters between spaces and punctuation. */
export const TOKEN_PATTERN = /[^\n\r\p{Z}\p{P}]+/gu;

/** Printable ASCII has no diacritics to strip: most words, folded without NFD. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Lowercase, without diacritics ("Maqdisī" finds "Maqdisi"); one-letter tokens (a possessive "s") are dropped. */
export function normalizeTerm(term: string): string | null {
  const folded = PLAIN_ASCII.test(term)
    ? term.toLowerCase()
    : term
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  return folded.length < 2 ? null : folded;
}

/** Outside ASCII: ASCII has no diacritics and no case rule that depends on neighbours. */
const NON_ASCII = /[\u0080-\uffff]/;

/** Text as a full-text index holds it: the words the in-memory index sees, folded, space-separated. */
export function searchText(text: string): string {
  if (NON_ASCII.test(text))
    return [...text.matchAll(TOKEN_PATTERN)].flatMap((m) => normalizeTerm(m[0]) ?? []).join(' ');
  // The same words as normalizeTerm's, token by token: lowercasing ASCII keeps token boundaries.
  let words = '';
  for (const word of text.toLowerCase().match(TOKEN_PATTERN) ?? [])
    if (word.length >= 2) words = words === '' ? word : `${words} ${word}`;
  return words;
}
