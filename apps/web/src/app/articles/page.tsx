import type { Metadata } from 'next';
import { ArticleIndex, articleFilterOf } from '~/components/article-index';
import { parsePagePosition } from '~/lib/page-links';
import type { SearchParamsRecord } from '~/lib/search-params';

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
      q={articleFilterOf(params)}
      lede="Every annotated article, in the order it was added."
    />
  );
}
