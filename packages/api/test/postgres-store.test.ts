import { loadCorpus } from '@claimscope/corpus';
import { syntheticCorpus, syntheticDocument } from '@claimscope/corpus/synthetic';
import type { ArticleDocument } from '@claimscope/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, DocumentStoreError, importDocuments } from '../src/index.js';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';
import {
  type PostgresCluster,
  postgresSkipReason,
  startPostgresCluster,
} from '../src/testing/postgres-cluster.js';
import { describeStoreContract } from '../src/testing/store-contract.js';

const unavailable = postgresSkipReason('PostgreSQL store tests');

let cluster: PostgresCluster | undefined;
let databases = 0;
const freshDatabase = async () => {
  if (!cluster) cluster = await startPostgresCluster();
  databases += 1;
  return cluster.createDatabase(`contract_${databases}`);
};
afterAll(() => cluster?.stop());

describe.skipIf(unavailable !== null)('PostgreSQL store', () => {
  describeStoreContract('postgres store', async (documents) => {
    const store = await createPostgresStore({
      connectionString: await freshDatabase(),
      poolSize: 4,
    });
    await importDocuments(store, documents);
    return store;
  });

  it("migration 011 fills the speakers of a database's existing claim links", async () => {
    const connectionString = await freshDatabase();
    const documents = [makeFixtureDocument('first'), makeFixtureDocument('second')];
    const store = await createPostgresStore({ connectionString, poolSize: 2 });
    await importDocuments(store, documents);
    await store.close();
    // The database as migration 010 left it: no speakers on the links.
    const client = new pg.Client({ connectionString });
    await client.connect();
    await client.query(`ALTER TABLE claim_links DROP COLUMN same_speaker,
      DROP COLUMN from_speaker_id, DROP COLUMN to_speaker_id`);
    await client.query(`DROP INDEX claim_links_kind; DROP TABLE claim_link_counts;
      DROP TRIGGER claim_links_counted_in ON claim_links; DROP TRIGGER claim_links_counted_out ON claim_links;
      DROP FUNCTION claim_links_added(); DROP FUNCTION claim_links_removed()`);
    await client.query("DELETE FROM schema_migrations WHERE name = '011_claim_link_speakers'");
    await client.end();

    const reopened = await createPostgresStore({ connectionString, poolSize: 2 });
    try {
      const others = await reopened.listDisagreements({
        kind: ['contradicts', 'qualifies'],
        sameSpeaker: false,
        limit: 100,
      });
      expect(others.total).toBeGreaterThan(0);
      expect(others.total).toBe(others.items.length);
      expect(others.items.every((d) => d.from.speaker.id !== d.to.speaker.id)).toBe(true);
      const sanderson = await reopened.listDisagreements({
        kind: ['contradicts', 'qualifies', 'supports'],
        speakerId: 'sanderson',
        limit: 100,
      });
      const expected = documents.flatMap((doc) => {
        const speaker = new Map(doc.claims.map((c) => [c.id, c.speakerId]));
        return doc.claimLinks
          .filter((l) => [speaker.get(l.fromId), speaker.get(l.toId)].includes('sanderson'))
          .map((l) => l.id);
      });
      expect(expected.length).toBeGreaterThan(1);
      expect(sanderson.items.map((d) => d.id)).toEqual(expected);
      // The kept counts follow a new version of an article (its links removed and added again).
      const revised = makeFixtureDocument('first');
      for (const claim of revised.claims) claim.statement = 'Revised.';
      await importDocuments(reopened, [revised]);
      const all = documents.flatMap((d) => d.claimLinks);
      for (const kind of ['contradicts', 'qualifies', 'supports'] as const)
        expect((await reopened.listDisagreements({ kind: [kind], limit: 1 })).total).toBe(
          all.filter((l) => l.kind === kind).length,
        );
    } finally {
      await reopened.close();
    }
  });
  describe('migration 012 on a database of the release before', () => {
    it('lists, orders and counts channel, outlet, review and text filters as before', async () => {
      const connectionString = await freshDatabase();
      const store = await createPostgresStore({ connectionString, poolSize: 2 });
      await importDocuments(store, [...syntheticCorpus(30)]);
      const sample = (await store.listClaims({ limit: 100 })).items;
      const outletId = sample.find((c) => c.channel.outletId)?.channel.outletId ?? '';
      const queries = [
        { channel: ['interview' as const], limit: 100 },
        { outletId, limit: 100 },
        { review: ['unreviewed' as const], limit: 100, cursor: 100 },
        { text: 'said', limit: 50, cursor: 50 },
      ];
      const before = await Promise.all(queries.map((q) => store.listClaims(q)));
      await store.close();
      // Back to the schema of the release before migration 012.
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(`
        DROP TRIGGER claims_counted_in ON claims; DROP TRIGGER claims_counted_out ON claims;
        DROP FUNCTION count_claim_filters(); DROP TABLE claim_filter_counts;
        ALTER TABLE claims DROP COLUMN channel_kind, DROP COLUMN outlet_id, DROP COLUMN review_status;
        DELETE FROM schema_migrations WHERE name = '012_claim_list_filters';`);
      await client.end();
      const migrated = await createPostgresStore({ connectionString, poolSize: 2 });
      try {
        expect(await Promise.all(queries.map((q) => migrated.listClaims(q)))).toEqual(before);
        expect(before[0]?.total).toBeGreaterThan(0);
        // Imports after the migration keep the counts.
        await importDocuments(migrated, [syntheticDocument(31)]);
        const all = (await migrated.listClaims({ limit: 100, cursor: 300 })).total;
        expect((await migrated.listClaims({ review: ['unreviewed'], limit: 1 })).total).toBe(all);
      } finally {
        await migrated.close();
      }
    });
  });

  describe('snapshots of one request', () => {
    it('keep reading the state of their first read while an import commits', async () => {
      const store = await createPostgresStore({
        connectionString: await freshDatabase(),
        poolSize: 3,
      });
      try {
        await importDocuments(store, [makeFixtureDocument('first')]);
        const snapshot = store.snapshot();
        const before = await snapshot.counts();
        await importDocuments(store, [makeFixtureDocument('second')]);
        // The import committed: a fresh read sees it, the snapshot does not.
        expect((await store.listArticles({ limit: 10 })).total).toBe(2);
        expect((await snapshot.listArticles({ limit: 10 })).total).toBe(1);
        expect((await snapshot.listClaims({ limit: 1 })).total).toBe(before.claims);
        expect(await snapshot.versions('second')).toBeNull();
        await snapshot.release();
        await snapshot.release();
        // After release a read runs in its own snapshot, and nothing stays checked out.
        expect((await snapshot.listArticles({ limit: 10 })).total).toBe(2);
        expect(store.poolStatus()).toMatchObject({ waiting: 0 });
        const { total, idle } = store.poolStatus();
        expect(idle).toBe(total - 1); // the LISTEN connection
      } finally {
        await store.close();
      }
    });

    it('hold no connection until the first read, and give it back on release', async () => {
      const store = await createPostgresStore({
        connectionString: await freshDatabase(),
        poolSize: 2,
      });
      try {
        await importDocuments(store, [makeFixtureDocument('only')]);
        const idle = store.poolStatus().idle;
        const unused = store.snapshot();
        expect(store.poolStatus().idle).toBe(idle);
        await unused.release();
        // With one connection left for reads, a leak would make the second snapshot wait forever.
        for (let i = 0; i < 40; i++) {
          const snapshot = store.snapshot();
          await Promise.all([snapshot.counts(), snapshot.listClaims({ limit: 2 })]);
          // A failed statement aborts the transaction: later reads run on their own, nothing leaks.
          if (i % 10 === 0) {
            await expect(snapshot.listClaims({ limit: 2, cursor: -1 })).rejects.toThrow(/OFFSET/);
            expect((await snapshot.counts()).articles).toBe(1);
          }
          await snapshot.release();
        }
        expect(store.poolStatus()).toMatchObject({
          waiting: 0,
          idle: store.poolStatus().total - 1,
        });
      } finally {
        await store.close();
      }
    });
  });

  describe('search hits', () => {
    // PostgreSQL selects only the fields a hit shows (migration 005); the in-memory store builds
    // its hits from whole records. Every hit both stores find must read the same but for its score.
    const corpus = loadCorpus();
    let store: Awaited<ReturnType<typeof createPostgresStore>>;
    beforeAll(async () => {
      store = await createPostgresStore({ connectionString: await freshDatabase(), poolSize: 2 });
      await importDocuments(store, corpus);
    }, 60_000);
    afterAll(() => store?.close());

    it.each([
      'Sanderson',
      'ISIS',
      'reconcil',
      'caliph',
      'truce Syria',
      'al Qaeda',
      'Zawahri',
      'Baghdadi pledge',
    ])(
      '%s: the same names, kinds, speakers, headlines, indexes and snippets as in memory',
      async (q) => {
        const memory = createMemoryStore(corpus);
        const withoutScore = ({ score: _score, ...hit }: { score: number }) => hit;
        const query = {
          q,
          limit: 50,
          types: ['entity', 'claim', 'paragraph'] as ('entity' | 'claim' | 'paragraph')[],
        };
        const inMemory = new Map(
          (await memory.search(query)).hits.map((h) => [h.id, withoutScore(h)]),
        );
        const found = (await store.search(query)).hits;
        const shared = found.filter((h) => inMemory.has(h.id));
        expect(shared.length).toBeGreaterThan(0);
        for (const hit of shared) expect(withoutScore(hit)).toEqual(inMemory.get(hit.id));
      },
    );
  });

  describe('search over many articles', () => {
    // 250 articles: three buckets of 100 articles in import order, the newest partly filled.
    const documents = [...syntheticCorpus(250)];
    let url = '';
    let store: Awaited<ReturnType<typeof createPostgresStore>>;
    beforeAll(async () => {
      url = await freshDatabase();
      store = await createPostgresStore({ connectionString: url, poolSize: 2 });
      for (let i = 0; i < documents.length; i += 50)
        await importDocuments(store, documents.slice(i, i + 50));
    }, 60_000);
    afterAll(() => store?.close());

    it('ranks a sample of a common word’s matches, from the newest articles', async () => {
      const { hits } = await store.search({ q: 'said', types: ['claim'], limit: 50 });
      expect(hits).toHaveLength(50);
      for (const hit of hits) {
        expect(hit.snippet.highlights.length).toBeGreaterThan(0);
        // The newest bucket (articles 200 to 249) holds far more than the candidates ranked.
        expect(Number(hit.articleId.slice(4))).toBeGreaterThanOrEqual(199);
      }
    });

    it('finds every match of words that rarely meet, as the in-memory store does', async () => {
      const memory = createMemoryStore(documents);
      // Full names: each of the two words is common, the pair rare.
      const names = documents[7]?.entities.filter((e) => e.kind === 'person').map((e) => e.name);
      expect(names?.length).toBeGreaterThan(1);
      for (const name of names ?? []) {
        const query = { q: name, types: ['claim', 'paragraph'] as const, limit: 50 };
        const inMemory = await memory.search({ ...query, types: [...query.types] });
        expect(inMemory.hits.length).toBeLessThan(50);
        const found = await store.search({ ...query, types: [...query.types] });
        expect(found.hits.map((h) => h.id).sort()).toEqual(inMemory.hits.map((h) => h.id).sort());
      }
    });

    it('keeps the word and claim counts it plans with equal to the rows, through new versions', async () => {
      // Another seed gives article 3 other words under the same ids: a new version of it.
      const report = await importDocuments(store, [syntheticDocument(3, 2)]);
      expect(report.outcomes[0]?.issues).toEqual([]);
      expect(report.outcomes[0]?.status).toBe('updated');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const counted = `SELECT type, lexeme, entries FROM search_lexemes WHERE entries > 0 ORDER BY 1, 2`;
        const actual = `SELECT t.type, word AS lexeme, ndoc AS entries FROM unnest(ARRAY['claim', 'paragraph']) t(type),
          ts_stat(format('SELECT tsv FROM search_entries WHERE type = %L', t.type)) ORDER BY 1, 2`;
        expect((await client.query(counted)).rows).toEqual((await client.query(actual)).rows);
        const totals = await client.query(
          `SELECT n.entries, (SELECT count(*)::int FROM search_entries s WHERE s.type = n.type) AS actual
             FROM search_totals n`,
        );
        for (const row of totals.rows) expect(row.entries).toBe(row.actual);
        const facets = `SELECT kind, modality, claims FROM claim_facets WHERE claims > 0 ORDER BY 1, 2`;
        const claims = `SELECT kind, modality, count(*)::int AS claims FROM claims GROUP BY 1, 2 ORDER BY 1, 2`;
        expect((await client.query(facets)).rows).toEqual((await client.query(claims)).rows);
      } finally {
        await client.end();
      }
    });
  });

  describe('a batch', () => {
    it('keeps the other documents when the database refuses one (each has its own savepoint)', async () => {
      const store = await createPostgresStore({
        connectionString: await freshDatabase(),
        poolSize: 2,
      });
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        // Past validation (as a caller of the store could be), text PostgreSQL cannot hold.
        const refused = makeFixtureDocument('refused');
        refused.article.source.origin = 'wire\u0000copy';
        if (!store.importDocuments) throw new Error('the PostgreSQL store imports batches');
        const results = await store.importDocuments([
          makeFixtureDocument('kept-before'),
          refused,
          makeFixtureDocument('kept-after'),
        ]);
        expect(
          results.map((r) =>
            r instanceof DocumentStoreError ? 'failed' : 'status' in r ? r.status : 'conflict',
          ),
        ).toEqual(['created', 'failed', 'created']);
        expect((await store.listArticles({ limit: 10 })).items.map((a) => a.id).sort()).toEqual([
          'kept-after',
          'kept-before',
        ]);
        // The kept counts include the stored documents only.
        const memory = createMemoryStore([
          makeFixtureDocument('kept-before'),
          makeFixtureDocument('kept-after'),
        ]);
        expect(await store.stats({ topSpeakers: 10 })).toEqual(
          await memory.stats({ topSpeakers: 10 }),
        );
        expect(error).toHaveBeenCalledWith(expect.stringContaining('refused'));
      } finally {
        error.mockRestore();
        await store.close();
      }
    });
  });

  describe('a batch of new articles', () => {
    /**
     * 40 new articles, with one that reuses a relation id of an earlier article of the batch and
     * one that names an earlier article's entity with another kind: both are rejected as conflicts.
     */
    function batch() {
      const documents = [...syntheticCorpus(40)];
      const reusesId = syntheticDocument(40);
      const [relation] = reusesId.relations;
      const [taken] = documents[3]?.relations ?? [];
      if (!relation || !taken) throw new Error('synthetic articles have relations');
      relation.id = taken.id;
      const otherKind = syntheticDocument(41);
      const named = documents[5]?.entities.find((e) => e.kind === 'person');
      if (!named) throw new Error('synthetic articles name people');
      otherKind.entities.push({ ...named, kind: 'organization' });
      return [...documents.slice(0, 20), reusesId, otherKind, ...documents.slice(20)];
    }

    async function expectStoredAsOneByOne(documents: ArticleDocument[]) {
      const together = await createPostgresStore({
        connectionString: await freshDatabase(),
        poolSize: 2,
      });
      const oneByOne = await createPostgresStore({
        connectionString: await freshDatabase(),
        poolSize: 2,
      });
      const error = vi.spyOn(console, 'error');
      try {
        const report = await importDocuments(together, documents);
        // Written as runs: none refused by the database (and retried one by one, more slowly).
        expect(error).not.toHaveBeenCalled();
        const single = [];
        for (const document of documents)
          for (const outcome of (await importDocuments(oneByOne, [document])).outcomes)
            single.push({ ...outcome, index: single.length });
        expect(report.outcomes).toEqual(single);
        const read = async (store: typeof together) => ({
          counts: await store.counts(),
          articles: (await store.listArticles({ limit: 100 })).items,
          entities: await store.listEntities({ limit: 100, sort: 'mentions' }),
          byName: await store.listEntities({ limit: 100, sort: 'name' }),
          shared: await store.getEntityDetail(documents[0]?.claims[0]?.speakerId ?? ''),
          stats: await store.stats({ topSpeakers: 10 }),
          search: await store.search({ q: 'said', types: ['claim', 'entity'], limit: 20 }),
          people: await store.search({ q: 'minister', types: ['entity'], limit: 20 }),
        });
        expect(await read(together)).toEqual(await read(oneByOne));
        // The kept counts and merged entities agree with the in-memory store's, built from scratch.
        const stored = documents.filter((_, i) => report.outcomes[i]?.issues.length === 0);
        if (new Set(stored.map((d) => d.article.id)).size === stored.length) {
          const memory = createMemoryStore(stored);
          for (const sort of ['mentions', 'name'] as const)
            expect(await together.listEntities({ limit: 100, sort })).toEqual(
              await memory.listEntities({ limit: 100, sort }),
            );
          expect(await together.stats({ topSpeakers: 10 })).toEqual(
            await memory.stats({ topSpeakers: 10 }),
          );
        }
        return report.outcomes;
      } finally {
        error.mockRestore();
        await together.close();
        await oneByOne.close();
      }
    }

    it('is stored as importing its documents one by one would store it', async () => {
      const outcomes = await expectStoredAsOneByOne(batch());
      expect(outcomes.filter((o) => o.issues.length > 0).map((o) => o.index)).toEqual([20, 21]);
      expect(outcomes[20]?.issues.map((i) => i.path)).toEqual(['relations[0].id']);
      expect(outcomes[21]?.issues[0]?.path).toMatch(/^entities\[\d+\]\.kind$/);
    }, 60_000);

    it('takes a second copy of an article as its new version, in batch order', async () => {
      const documents = batch();
      documents.splice(10, 0, syntheticDocument(7, 2));
      const outcomes = await expectStoredAsOneByOne(documents);
      expect(outcomes[10]).toMatchObject({
        articleId: 'syn-000007',
        status: 'updated',
        version: 2,
      });
    }, 60_000);
  });

  describe('shared by several API servers', () => {
    let url = '';
    beforeAll(async () => {
      url = await freshDatabase();
    });

    it('tells every server about an import, so their caches can be dropped', async () => {
      const writer = await createPostgresStore({ connectionString: url, poolSize: 2 });
      const reader = await createPostgresStore({ connectionString: url, poolSize: 2 });
      try {
        const before = reader.generation();
        const changed = vi.fn();
        reader.onChange(changed);
        await importDocuments(writer, [makeFixtureDocument('shared')]);
        await vi.waitFor(() => expect(changed).toHaveBeenCalled(), { timeout: 30_000 });
        expect(reader.generation()).not.toBe(before);
        expect(reader.generation()).toBe(writer.generation());
        expect((await reader.versions('shared'))?.length).toBe(1);
      } finally {
        await Promise.all([writer.close(), reader.close()]);
      }
    });
  });
});
