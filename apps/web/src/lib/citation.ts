/** What a citation of a claim, an entity or a relation names, as a reader would look it up. */
export interface CitationSource {
  headline: string;
  /** Authors' names, as the byline gives them. */
  authors: string[];
  publisher: string | null;
  /** ISO date, or null when the article gives none. */
  date: string | null;
  /** The original article's address, when known. */
  sourceUrl: string | null;
}

export interface Citation {
  /** What is cited, in a sentence: "Tom Sanderson: …", "Al Qaeda (organization)". */
  subject: string;
  /** The article's own words, verbatim (spans of one quote joined by " [...] "). */
  quote: string | null;
  /** Paragraph number as a reader counts them, or null (a headline, a credit). */
  paragraph: number | null;
  source: CitationSource;
  /** The permanent address of the record on this site. */
  permalink: string;
}

/** Spans of one quote for a citation: the editor's " [...] " marks words left out between them. */
export function quoteOf(spans: readonly string[]): string {
  return spans.join(' [...] ');
}

/**
 * A citation as plain text, one line: what, the words, then the article as a reference list
 * would give it (authors, “headline”, publisher, date, paragraph), the original's address and the
 * record's permalink.
 */
export function citationText(citation: Citation): string {
  const { source } = citation;
  const reference = [
    source.authors.length > 0 ? source.authors.join(', ') : null,
    `“${source.headline}”`,
    source.publisher,
    source.date ?? 'date not given',
    citation.paragraph ? `paragraph ${citation.paragraph}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    citation.quote ? `${citation.subject}: “${citation.quote}”` : `${citation.subject}.`,
    `${reference}.`,
    source.sourceUrl ? `${source.sourceUrl}.` : null,
    `claimscope: ${citation.permalink}`,
  ]
    .filter(Boolean)
    .join(' ');
}
