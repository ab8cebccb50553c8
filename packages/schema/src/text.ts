/**
 * The case- and accent-insensitive form every text filter and search compares, so "zarqawi"
 * finds "Zarqāwī" the same way in the API, the web site and the terminal.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
