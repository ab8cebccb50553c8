import type { Metadata } from 'next';
import { ArticleIndex } from '~/components/article-index';
import { parsePagePosition } from '~/lib/page-links';
import type { SearchParamsRecord } from '~/lib/search-params';

export const metadata: Metadata = { title: 'Articles' };

export default async function Articles({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  return (
    <ArticleIndex
      position={parsePagePosition(await searchParams)}
      lede="Every annotated article, in the order it was added."
    />
  );
}
