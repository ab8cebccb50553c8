import { readerCards } from '~/lib/reader-index';
import { apiClient, isNotFound } from '~/trpc/server';

/**
 * The facts the reader's hover cards show for one article (entities with their counts, claims
 * with speaker and channel), fetched by the reader on the first pointer or focus in the text so
 * they do not weigh on the page's first load.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const doc = await apiClient.article.export.query({ id });
    return Response.json(readerCards(doc), {
      headers: { 'cache-control': 'public, max-age=60' },
    });
  } catch (error) {
    if (isNotFound(error))
      return Response.json({ error: `No article with id "${id}".` }, { status: 404 });
    return Response.json({ error: 'The claimscope API cannot be reached.' }, { status: 502 });
  }
}
