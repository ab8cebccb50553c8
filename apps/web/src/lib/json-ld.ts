/**
 * JSON for a `<script type="application/ld+json">` element: the HTML parser ends a script at
 * the first `</script`, and an article's own words (a headline, a quote) may hold one, so every
 * `<`, `>` and `&` is written as a JSON escape, which JSON-LD readers decode back. U+2028 and
 * U+2029 are escaped too, for readers that evaluate the JSON as JavaScript.
 */
export function jsonLdScriptText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
