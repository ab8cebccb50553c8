import type { Metadata } from 'next';
import { ArticlePage } from '~/components/article-page';
import { getQueryClient, isNotFound, trpc } from '~/trpc/server';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    const article = await getQueryClient().fetchQuery(trpc.article.get.queryOptions({ id }));
    return { title: article.headline, description: article.dek ?? undefined };
  } catch (error) {
    return { title: isNotFound(error) ? 'Article not found' : 'Article' };
  }
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  return <ArticlePage id={id} />;
}
