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

/** Text as a full-text index holds it: the words the in-memory index sees, folded, space-separated. */
export const searchText = (text: string) =>
  [...text.matchAll(TOKEN_PATTERN)].flatMap((m) => normalizeTerm(m[0]) ?? []).join(' ');
