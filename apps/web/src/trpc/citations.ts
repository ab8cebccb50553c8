import { paragraphNumbers } from '@claimscope/schema/display';
import { headers } from 'next/headers';
import type { CitationSource } from '~/lib/citation';
import { getQueryClient, trpc } from './server';

export interface ArticleReference {
  source: CitationSource;
  /** Paragraph numbers as readers count them, by block id. */
  paragraphs: Map<string, number>;
}

/** What a citation names of an article: headline, byline, publisher, date, original address. */
export async function articleReference(articleId: string): Promise<ArticleReference> {
  const article = await getQueryClient().fetchQuery(
    trpc.article.get.queryOptions({ id: articleId }),
  );
  return {
    source: {
      headline: article.headline,
      authors: article.authors.map((a) => a.name),
      publisher: article.publisher?.name ?? null,
      date: article.published.status === 'known' ? article.published.date : null,
      sourceUrl: article.source.url,
    },
    paragraphs: paragraphNumbers(article.blocks),
  };
}

/** The absolute address of a path on this site, as the request reached it. */
export async function absoluteUrl(path: string): Promise<string> {
  const request = await headers();
  const host = request.get('x-forwarded-host') ?? request.get('host');
  const protocol = request.get('x-forwarded-proto') ?? 'http';
  return host ? `${protocol}://${host}${path}` : path;
}

/** Evidence, asserters and citations for a relation table (see RelationTable). */
export async function relationContext(
  relations: readonly { articleId: string; assertedBy: { kind: string; claimId?: string } }[],
) {
  const articleIds = [...new Set(relations.map((r) => r.articleId))];
  const claimIds = [
    ...new Set(relations.flatMap((r) => (r.assertedBy.claimId ? [r.assertedBy.claimId] : []))),
  ];
  const queryClient = getQueryClient();
  const [references, claims, origin] = await Promise.all([
    Promise.all(articleIds.map(async (id) => [id, await articleReference(id)] as const)),
    Promise.all(
      claimIds.map((id) =>
        queryClient.fetchQuery(trpc.claim.get.queryOptions({ id })).then((d) => d.claim),
      ),
    ),
    absoluteUrl(''),
  ]);
  return {
    references: new Map(references),
    asserters: new Map(claims.map((c) => [c.id, c.speaker.name])),
    origin,
  };
}
