/** Outside ASCII, where text may have something to decompose or strip. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The case- and accent-insensitive form every text filter and search compares, so "zarqawi"
 * finds "Zarqāwī" the same way in the API, the web site and the terminal.
 */
export function foldText(text: string): string {
  // ASCII has nothing to decompose or strip: most text, lowercased without NFD.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
