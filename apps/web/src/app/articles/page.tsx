import type { Metadata } from 'next';
import { ArticleIndex } from '~/components/article-index';
import { parseArticleSort } from '~/lib/article-sort';
import { parsePagePosition } from '~/lib/page-links';
import { type SearchParamsRecord, textParam } from '~/lib/search-params';

export const metadata: Metadata = { title: 'Articles' };

export default async function Articles({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const params = await searchParams;
  return (
    <ArticleIndex
      position={parsePagePosition(params)}
      q={textParam(params, 'q')}
      sort={parseArticleSort(params)}
      lede="Every annotated article, in the order you choose."
    />
  );
}
