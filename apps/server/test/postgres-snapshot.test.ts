import { type ClaimStore, importDocuments } from '@claimscope/api';
import { createPostgresStore, type PostgresStore } from '@claimscope/api/postgres';
import { makeFixtureDocument } from '@claimscope/api/testing';
import {
  type PostgresCluster,
  postgresSkipReason,
  startPostgresCluster,
} from '@claimscope/api/testing/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';

const unavailable = postgresSkipReason('PostgreSQL snapshot tests');

let cluster: PostgresCluster | undefined;
afterAll(() => cluster?.stop());

const BATCH = `/trpc/article.list,claim.list?batch=1&input=${encodeURIComponent(
  JSON.stringify({ 0: { limit: 50 }, 1: { limit: 1 } }),
)}`;

/**
 * The store, with a pause inside each request's snapshot: `claim.list` waits until `article.list`
 * has read, then an import of a new article commits, then it reads. Deterministic, whatever order
 * tRPC runs the calls of the batch in.
 */
function importBetweenCalls(store: PostgresStore, nextId: () => string): ClaimStore {
  return {
    ...store,
    snapshot: () => {
      const snapshot = store.snapshot();
      let firstRead = () => {};
      const first = new Promise<void>((resolve) => {
        firstRead = resolve;
      });
      return {
        ...snapshot,
        listArticles: (query) => snapshot.listArticles(query).finally(firstRead),
        listClaims: async (query) => {
          await first;
          await importDocuments(store, [makeFixtureDocument(nextId())]);
          return snapshot.listClaims(query);
        },
      };
    },
  };
}

describe.skipIf(unavailable !== null)('one HTTP request reads one PostgreSQL snapshot', () => {
  let store: PostgresStore;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    store = await createPostgresStore({
      connectionString: await cluster.createDatabase('snapshot_per_request'),
      poolSize: 3,
    });
    await importDocuments(store, [makeFixtureDocument('a0')]);
  }, 60_000);
  afterAll(() => store?.close());

  const claimsPerArticle = async () =>
    (await store.counts()).claims / (await store.counts()).articles;

  it.each([
    { cacheResponses: false, via: 'the standalone handler' },
    { cacheResponses: true, via: 'the response cache' },
  ])(
    'sees one state when an import commits between the calls of a batch ($via)',
    async ({ cacheResponses }) => {
      let n = 0;
      const app = createServer({
        store: importBetweenCalls(store, () => `${cacheResponses ? 'c' : 's'}${++n}`),
        port: 0,
        logger: silentLogger,
        cacheResponses,
      });
      const { url } = await app.start();
      try {
        const perArticle = await claimsPerArticle();
        const before = await store.counts();
        const response = await fetch(`${url}${BATCH}`);
        expect(response.status).toBe(200);
        const [articles, claims] = (await response.json()) as {
          result: { data: { total: number } };
        }[];
        // The import committed during the request (a fresh read sees it) ...
        expect((await store.counts()).articles).toBe(before.articles + 1);
        // ... yet both calls answered from the state before it.
        expect(articles?.result.data.total).toBe(before.articles);
        expect(claims?.result.data.total).toBe(before.claims);
        expect(claims?.result.data.total).toBe(before.articles * perArticle);
      } finally {
        await app.stop();
      }
    },
  );

  it('gives every connection back to the pool, after answers, errors and aborts', async () => {
    const app = createServer({ store, port: 0, logger: silentLogger, cacheResponses: false });
    const { url } = await app.start();
    try {
      const requests = [];
      for (let i = 0; i < 60; i++) {
        const path =
          i % 3 === 0
            ? BATCH
            : i % 3 === 1
              ? '/trpc/entity.get,claim.get?batch=1&input={"0":{"id":"nobody"},"1":{"id":"none"}}'
              : `/trpc/claim.list?input=${encodeURIComponent('{"limit":-1}')}`;
        requests.push(fetch(`${url}${path}`).then((r) => r.arrayBuffer()));
        if (requests.length === 6) await Promise.all(requests.splice(0));
      }
      // Aborted mid-request: the client goes away before the answer.
      for (let i = 0; i < 10; i++) {
        const controller = new AbortController();
        const pending = fetch(`${url}${BATCH}`, { signal: controller.signal }).catch(() => null);
        setTimeout(() => controller.abort(), i);
        await pending;
      }
      // Every connection idle but the store's LISTEN connection.
      await expect
        .poll(() => store.poolStatus().total - store.poolStatus().idle, { timeout: 30_000 })
        .toBe(1);
      expect(store.poolStatus().waiting).toBe(0);
      expect((await fetch(`${url}${BATCH}`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
