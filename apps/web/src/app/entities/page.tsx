import type { Metadata } from 'next';
import { EntityBrowser } from '~/components/entity-browser';
import { ENTITY_KINDS } from '~/lib/labels';
import { REVIEW_STATUSES } from '~/lib/review';
import { fetchAllPages, getQueryClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Entities' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Entities({ searchParams }: Props) {
  const params = await searchParams;
  const kindParam = ([] as string[]).concat(params.kind ?? []);
  const q = ([] as string[]).concat(params.q ?? [])[0] ?? '';
  const reviewParam = ([] as string[]).concat(params.review ?? []).flatMap((v) => v.split(','));
  const entities = await fetchAllPages((cursor) =>
    getQueryClient().fetchQuery(
      trpc.entity.list.queryOptions({ limit: 100, ...(cursor ? { cursor } : {}) }),
    ),
  );
  return (
    <div className="page">
      <h1>Entities</h1>
      <p className="lede">
        People, organizations, places, outlets and groups named in the articles.
      </p>
      <EntityBrowser
        entities={entities}
        initialKinds={ENTITY_KINDS.filter((k) => kindParam.includes(k))}
        initialText={q}
        initialReviews={REVIEW_STATUSES.filter((s) => reviewParam.includes(s))}
      />
    </div>
  );
}
