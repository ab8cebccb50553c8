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

/** The most UTF-8 bytes one UTF-16 unit of a string takes in JSON: an escape such as `\u001f`. */
const MAX_JSON_BYTES_PER_UNIT = 6;
/** The longest JSON of a number: `-1.2345678901234567e-308`. */
const MAX_JSON_NUMBER_LENGTH = 24;
/** Deeper than any document: a value nested further (or a cycle) is measured by stringifying it. */
const MAX_BOUNDED_DEPTH = 64;

/** What one walk over a candidate document finds out before it is parsed. */
export interface CandidateScan {
  /**
   * An upper bound of `utf8Length(JSON.stringify(value))`, or Infinity when the walk cannot tell:
   * a value that is not plain data (a class instance, a `toJSON` method, a bigint) or nested
   * deeper than MAX_BOUNDED_DEPTH. Most documents are far under MAX_DOCUMENT_BYTES by this bound;
   * only the others need their JSON measured exactly.
   */
  jsonByteBound: number;
  /**
   * Whether a string value (not an object key) may hold a NUL or a surrogate; true when the walk
   * cannot tell. When false, a document parsed from the value holds none: its strings are the
   * value's (or a URL's trimmed part of one), its keys the schema's.
   */
  valuesMaySuspectText: boolean;
}

/** Measures a candidate in one walk, building nothing (see CandidateScan). */
export function scanCandidate(value: unknown): CandidateScan {
  let suspect = false;
  const bound = (item: unknown, depth: number): number => {
    switch (typeof item) {
      case 'string':
        if (!suspect && SUSPECT_TEXT.test(item)) suspect = true;
        return MAX_JSON_BYTES_PER_UNIT * item.length + 2;
      case 'number':
        return MAX_JSON_NUMBER_LENGTH;
      case 'boolean':
      case 'undefined':
      case 'function':
      case 'symbol':
        return 5; // `false`; the others are left out or written as `null`
      case 'bigint':
        return Number.POSITIVE_INFINITY;
    }
    if (item === null) return 4;
    if (depth >= MAX_BOUNDED_DEPTH) return Number.POSITIVE_INFINITY;
    const prototype = Object.getPrototypeOf(item);
    const plain = Array.isArray(item)
      ? prototype === Array.prototype
      : prototype === Object.prototype || prototype === null;
    if (!plain || typeof (item as { toJSON?: unknown }).toJSON === 'function')
      return Number.POSITIVE_INFINITY;
    let bytes = 2; // the brackets
    if (Array.isArray(item)) {
      for (const element of item) bytes += bound(element, depth + 1) + 1; // and a comma
      return bytes;
    }
    for (const key in item)
      bytes +=
        MAX_JSON_BYTES_PER_UNIT * key.length +
        4 + // quotes, `:` and `,`
        bound((item as Record<string, unknown>)[key], depth + 1);
    return bytes;
  };
  const jsonByteBound = bound(value, 0);
  return {
    jsonByteBound,
    valuesMaySuspectText: suspect || jsonByteBound === Number.POSITIVE_INFINITY,
  };
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
 * neither: one pass that builds no paths and allocates nothing clears them (the walk below builds
 * a path per value). `for…in` also visits inherited keys, a superset of what the walk reports.
 */
function maySuspectText(value: unknown): boolean {
  if (typeof value === 'string') return SUSPECT_TEXT.test(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (maySuspectText(item)) return true;
    return false;
  }
  for (const key in value)
    if (SUSPECT_TEXT.test(key) || maySuspectText((value as Record<string, unknown>)[key]))
      return true;
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
