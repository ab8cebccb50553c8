import type { Metadata } from 'next';
import { ArticlePage, type SearchParams } from '~/components/article-page';
import { getQueryClient, isNotFound, trpc } from '~/trpc/server';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    const article = await getQueryClient().fetchQuery(trpc.article.get.queryOptions({ id }));
    return { title: article.headline, description: article.dek ?? undefined };
  } catch (error) {
    return { title: isNotFound(error) ? 'Article not found' : 'Article' };
  }
}

export default async function Page({ params, searchParams }: Props) {
  const { id } = await params;
  return <ArticlePage id={id} searchParams={await searchParams} />;
}
