import type { Metadata } from 'next';
import { ArticleList } from '~/components/article-list';
import { plural } from '~/lib/labels';
import { getQueryClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Articles' };

export default async function Articles() {
  const articles = await getQueryClient().fetchQuery(
    trpc.article.list.queryOptions({ limit: 100 }),
  );
  return (
    <div className="page">
      <h1>Articles</h1>
      <p className="lede">{plural(articles.total, 'annotated article')}.</p>
      <ArticleList articles={articles.items} />
    </div>
  );
}
