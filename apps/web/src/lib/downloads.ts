/*
 * The files a page offers: the API's downloads (`/api/…/export?format=…`), reached through this
 * site's same-origin proxy (app/api/[...path]/route.ts), among them the claims list as CSV,
 * exactly as filtered (`/api/claims/export?<the list's filters>`).
 */

export interface DownloadLink {
  label: string;
  /** What the file is for, in a few words. */
  hint: string;
  href: string;
}

/** The API's export formats, in the order the menu lists them. */
export const DOWNLOAD_FORMATS = [
  { format: 'w3c', label: 'W3C Web Annotations', hint: 'JSON-LD, for annotation tools' },
  { format: 'schemaorg', label: 'schema.org', hint: 'JSON-LD NewsArticle with quotations' },
  { format: 'brat', label: 'brat standoff', hint: '.txt and .ann in a tar archive' },
  { format: 'csv', label: 'CSV of claims', hint: 'one row per claim, for spreadsheets' },
  { format: 'jsonl', label: 'JSON Lines', hint: 'the whole annotated document' },
] as const;

/** Every format of one article. */
export function articleDownloads(articleId: string): DownloadLink[] {
  const base = `/api/articles/${encodeURIComponent(articleId)}/export`;
  return DOWNLOAD_FORMATS.map(({ format, label, hint }) => ({
    label,
    hint,
    href: `${base}?format=${format}`,
  }));
}

/** Every format of the whole corpus, streamed by the API. */
export function corpusDownloads(): DownloadLink[] {
  return DOWNLOAD_FORMATS.map(({ format, label, hint }) => ({
    label: `${label}, whole corpus`,
    hint,
    href: `/api/export?format=${format}`,
  }));
}

/** The claims `claim.list` gives for this input (the list's filters, every page) as CSV. */
export function filteredClaimsCsvHref(input: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(input)) {
    if (field === 'limit' || field === 'cursor' || value === undefined) continue;
    // The plain API names `speakerId` `speaker`, and takes lists comma-separated.
    const name = /^[a-z]+Id$/.test(field) ? field.slice(0, -2) : field;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return `/api/claims/export${query ? `?${query}` : ''}`;
}
