// Type-checked and run in a fresh project outside the workspace, against the packed client.
import {
  type Claim,
  createClaimscopeClient,
  type Entity,
  type RouterOutputs,
  TRPCClientError,
} from '@claimscope/client';

export async function main(url: string) {
  const client = createClaimscopeClient({
    url,
    headers: { 'x-trpc-source': 'outside-project-test' },
  });

  const people = await client.entity.list.query({ kind: 'person', limit: 5 });
  const first: Entity | undefined = people.items[0];
  const mentionCount: number = people.items[0]?.mentionCount ?? 0;

  // Never called: these lines only have to fail to type-check. A client typed as `any` would
  // accept them, and tsc would then report the directives as unused.
  const _wrongCalls = () => {
    // @ts-expect-error limit is a number, not a string
    void client.entity.list.query({ limit: 'ten' });
    // @ts-expect-error there is no such procedure
    void client.entity.remove;
    // @ts-expect-error an entity has no `speaker`
    void first?.speaker;
  };

  const [stats, hits] = await Promise.all([
    client.stats.query(),
    client.search.query({ q: 'reconcil' }),
  ]);
  const firstHit: RouterOutputs['search']['hits'][number] | undefined = hits.hits[0];
  const claimKind: Claim['kind'] | undefined =
    firstHit?.type === 'claim' ? firstHit.kind : undefined;

  let notFound = '';
  try {
    await client.entity.get.query({ id: 'no-such-entity' });
  } catch (error) {
    if (error instanceof TRPCClientError) notFound = String(error.data?.code);
  }

  return {
    firstPerson: first?.name ?? null,
    mentionCount,
    totalClaims: stats.claims.total,
    firstHitType: firstHit?.type ?? null,
    claimKind: claimKind ?? null,
    notFound,
  };
}
