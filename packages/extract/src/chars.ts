// Character classes tested on UTF-16 code units, for the loops that read text in place (a regular
// expression per character costs several times more).

/** JavaScript's `\s`: space, tab, line breaks, no-break and the other Unicode spaces, BOM. */
export function isWhitespace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** JavaScript's `\w`: ASCII letters, digits and the underscore. */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Whether `text` holds a `\s` character (a loop: cheaper than a pattern on the short strings it gets). */
export function hasWhitespace(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isWhitespace(text.charCodeAt(k))) return true;
  return false;
}
