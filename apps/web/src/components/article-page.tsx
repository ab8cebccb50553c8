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
  return (
    <div className="page">
      <ArticleJsonLd articleId={doc.article.id} />
      <DownloadMenu links={articleDownloads(doc.article.id)} label="Download this article" />
      {doc.relations.length > 0 ? (
        <p className="small">
          <a href={`/graph?article=${doc.article.id}`}>Relations graph of this article</a>
        </p>
      ) : null}
      <ArticleReader doc={doc} view={readerViewFromParams(params)} />
    </div>
  );
}
