import { jsonLdScriptText } from '~/lib/json-ld';
import { API_REVALIDATE_SECONDS, apiOrigin, apiTimeoutMs } from '~/trpc/api-url';

/**
 * The article as schema.org JSON-LD (a NewsArticle with its mentions and its direct quotes as
 * Quotations), for search engines and other readers of structured data. The API writes it with
 * `@claimscope/formats`' schema.org writer; a page whose API cannot give it is served without.
 */
export async function ArticleJsonLd({ articleId }: { articleId: string }) {
  const data = await fetch(
    `${apiOrigin()}/api/articles/${encodeURIComponent(articleId)}/export?format=schemaorg`,
    {
      signal: AbortSignal.timeout(apiTimeoutMs()),
      next: { revalidate: API_REVALIDATE_SECONDS },
    } as RequestInit,
  )
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .catch(() => null);
  if (!data) return null;
  return (
    <script
      type="application/ld+json"
      // Data, not code: escaped so that no text inside can end the element (lib/json-ld.ts).
      dangerouslySetInnerHTML={{ __html: jsonLdScriptText(data) }}
    />
  );
}
