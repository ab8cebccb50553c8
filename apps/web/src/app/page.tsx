import { ArticleIndex } from '~/components/article-index';
import { ArticlePage, type SearchParams } from '~/components/article-page';
import { getQueryClient, trpc } from '~/trpc/server';

/** With one article in the corpus, open it; with several, list them a page at a time. */
export default async function Home({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const articles = await getQueryClient().fetchQuery(trpc.article.list.queryOptions({ limit: 1 }));
  const [only] = articles.items;
  if (articles.total === 1 && only)
    return <ArticlePage id={only.id} searchParams={await searchParams} />;
  return (
    <ArticleIndex
      position={{ cursor: null, back: [] }}
      lede={
        articles.total === 0
          ? 'The corpus is empty: no articles have been annotated yet.'
          : 'Annotated news articles: open one to see who is quoted, what each source claims and how the actors connect.'
      }
    />
  );
}
