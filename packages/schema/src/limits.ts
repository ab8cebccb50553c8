/**
 * What every way into the store (the API's `article.import`, the CLI's `import`, a documents
 * file) accepts, decided once here so the stores never disagree about a document.
 */

/** The longest id: short enough for a file name on any file system and a URL. */
export const MAX_ID_LENGTH = 128;

/**
 * The largest document, as UTF-8 JSON. The API's request body limit is derived from it, and a
 * search over a document this size stays within a few tens of milliseconds.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** The number of bytes of `text` in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Why a string cannot be stored as it is, or null when it can. U+0000 and lone UTF-16 surrogates
 * have no place in text (PostgreSQL cannot hold the first, UTF-8 cannot encode the second), and
 * text is never altered to fit (an article's text is kept verbatim), so such strings are refused.
 */
export function unstorableText(text: string): string | null {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return `contains U+0000 (a NUL character) at ${nul}, which text may not hold`;
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (lone)
    return `contains a lone UTF-16 surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at ${lone.index}, which is not Unicode text`;
  return null;
}

/** A NUL or any UTF-16 surrogate, paired or not: what a string must hold to be unstorable. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what it looks for
const SUSPECT_TEXT = /[\u0000\uD800-\uDFFF]/;

/**
 * Whether any string or object key in `value` holds a NUL or a surrogate. Most documents hold
 * neither: one pass that builds no paths clears them (the walk below builds a path per value).
 */
function maySuspectText(value: unknown): boolean {
  if (typeof value === 'string') return SUSPECT_TEXT.test(value);
  if (Array.isArray(value)) return value.some(maySuspectText);
  if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value))
      if (SUSPECT_TEXT.test(key) || maySuspectText(item)) return true;
  return false;
}

/**
 * Every unstorable string in `value` (a parsed JSON value: strings, numbers, arrays, objects),
 * object keys included, with its path.
 */
export function findUnstorableText(
  value: unknown,
  report: (path: (string | number)[], message: string) => void,
): void {
  if (maySuspectText(value)) reportUnstorableText(value, report, []);
}

function reportUnstorableText(
  value: unknown,
  report: (path: (string | number)[], message: string) => void,
  path: (string | number)[],
): void {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    if (problem) report(path, problem);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) reportUnstorableText(item, report, [...path, i]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorableText(key);
      if (problem) report([...path, key], `the field name ${problem}`);
      reportUnstorableText(item, report, [...path, key]);
    }
  }
}
