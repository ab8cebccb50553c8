import { articleDownloads } from '~/lib/downloads';
import { readerViewFromParams } from '~/lib/reader-view';
import { getQueryClient, orNotFound, trpc } from '~/trpc/server';
import { ArticleJsonLd } from './article-json-ld';
import { ArticleReader } from './article-reader';
import { DownloadMenu } from './download-menu';

export type SearchParams = Record<string, string | string[] | undefined>;

/** Loads an article on the server (404 for an unknown id) and hands it to the reader. */
export async function ArticlePage({
  id,
  searchParams,
}: {
  id: string;
  searchParams: SearchParams;
}) {
  const doc = await orNotFound(
    getQueryClient().fetchQuery(trpc.article.export.queryOptions({ id })),
  );
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams))
    if (typeof value === 'string') params.set(key, value);
  const disagreements = doc.claimLinks.filter((l) => l.kind !== 'supports').length;
  return (
    <div className="page">
      <ArticleJsonLd articleId={doc.article.id} />
      <DownloadMenu links={articleDownloads(doc.article.id)} label="Download this article" />
      {disagreements > 0 || doc.relations.length > 0 ? (
        <p className="small">
          {doc.relations.length > 0 ? (
            <a href={`/graph?article=${encodeURIComponent(doc.article.id)}`}>
              Relations graph of this article
            </a>
          ) : null}
          {disagreements > 0 && doc.relations.length > 0 ? ' · ' : null}
          {disagreements > 0 ? (
            <a href={`/disagreements?article=${encodeURIComponent(doc.article.id)}`}>
              Disagreements in this article ({disagreements})
            </a>
          ) : null}
        </p>
      ) : null}
      <ArticleReader doc={doc} view={readerViewFromParams(params)} />
    </div>
  );
}
