import { getQueryClient, HydrateClient, orNotFound, trpc } from '~/trpc/server';
import { ArticleReader } from './article-reader';

/** Loads an article on the server (404 for an unknown id) and hands it to the reader. */
export async function ArticlePage({ id }: { id: string }) {
  await orNotFound(getQueryClient().fetchQuery(trpc.article.export.queryOptions({ id })));
  return (
    <div className="page">
      <HydrateClient>
        <ArticleReader id={id} />
      </HydrateClient>
    </div>
  );
}
