import { getQueryClient, orNotFound, trpc } from '~/trpc/server';
import { ArticleReader } from './article-reader';

/** Loads an article on the server (404 for an unknown id) and hands it to the reader. */
export async function ArticlePage({ id }: { id: string }) {
  const doc = await orNotFound(
    getQueryClient().fetchQuery(trpc.article.export.queryOptions({ id })),
  );
  return (
    <div className="page">
      <ArticleReader doc={doc} />
    </div>
  );
}
