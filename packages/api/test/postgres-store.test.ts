import { loadCorpus } from '@claimscope/corpus';
import { syntheticCorpus, syntheticDocument } from '@claimscope/corpus/synthetic';
import type { ArticleDocument } from '@claimscope/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  contracts,
  createMemoryStore,
  DocumentStoreError,
  importBatches,
  importDocuments,
} from '../src/index.js';
import type { ClaimStore } from '../src/store/claim-store.js';
import { ARTICLE_ORDER_SQL } from '../src/store/postgres/articles.js';
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
/**
 * Back to the schema of the release before migration 018 (records as json or jsonb; the review
 * status of relations read from their records), for the tests of earlier migrations too.
 */
const BEFORE_018 = `
  DROP INDEX relations_review;
  ALTER TABLE relations DROP COLUMN review_status;
  ALTER TABLE claims ALTER COLUMN record TYPE jsonb USING record::jsonb;
  ALTER TABLE relations ALTER COLUMN record TYPE jsonb USING record::jsonb;
  ALTER TABLE mentions ALTER COLUMN record TYPE json USING record::json;
  ALTER TABLE entity_records ALTER COLUMN record TYPE json USING record::json;
  ALTER TABLE claim_links ALTER COLUMN record TYPE json USING record::json;
  DELETE FROM schema_migrations WHERE name = '018_text_records';`;

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
    // The database as migration 010 (the one before 011) left it: no speakers on the links.
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
      await client.query(BEFORE_018);
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

  describe('migrations 013 and 014 on a database of the release before', () => {
    it('read the records of mentions, entity records and links as before, and imports go on', async () => {
      const connectionString = await freshDatabase();
      const documents = [...syntheticCorpus(12)];
      const store = await createPostgresStore({ connectionString, poolSize: 2 });
      await importDocuments(store, documents);
      const speakerId = documents[0]?.claims[0]?.speakerId ?? '';
      const claimId = documents[0]?.claimLinks[0]?.fromId ?? '';
      const reads = (s: typeof store) =>
        Promise.all([
          s.getEntityDetail(speakerId),
          s.getClaimDetail(claimId),
          s.listDisagreements({ kind: ['contradicts', 'qualifies', 'supports'], limit: 100 }),
          s.exportArticle(documents[3]?.article.id ?? ''),
          s.stats({ topSpeakers: 5 }),
        ]);
      const before = await reads(store);
      await store.close();
      // Back to the schema of the release before migration 013: jsonb records, 64 KB lists.
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(BEFORE_018);
      await client.query(`
        ALTER TABLE mentions ALTER COLUMN record TYPE jsonb USING record::jsonb;
        ALTER TABLE entity_records ALTER COLUMN record TYPE jsonb USING record::jsonb;
        ALTER TABLE claim_links ALTER COLUMN record TYPE jsonb USING record::jsonb;
        ALTER INDEX search_entries_bucket_claim SET (gin_pending_list_limit = 64);
        ALTER INDEX search_entries_bucket_paragraph SET (gin_pending_list_limit = 64);
        DELETE FROM schema_migrations WHERE name IN ('013_json_records', '014_search_pending_lists_per_batch');`);
      await client.end();
      const migrated = await createPostgresStore({ connectionString, poolSize: 2 });
      try {
        expect(before[0]?.mentions.length).toBeGreaterThan(0);
        expect(before[2].items.length).toBeGreaterThan(0);
        expect(await reads(migrated)).toEqual(before);
        // New articles and a new version of an old one after the migration.
        const revised = structuredClone(documents[0] as ArticleDocument);
        for (const claim of revised.claims) claim.statement = 'Revised.';
        await importDocuments(migrated, [syntheticDocument(20), syntheticDocument(21), revised]);
        const memory = createMemoryStore([]);
        await importDocuments(memory, [
          ...documents.slice(1),
          syntheticDocument(20),
          syntheticDocument(21),
          revised,
        ]);
        expect((await migrated.getEntityDetail(speakerId))?.totals.mentions).toBe(
          (await memory.getEntityDetail(speakerId))?.totals.mentions,
        );
        expect(await migrated.counts()).toEqual(await memory.counts());
      } finally {
        await migrated.close();
      }
    });
  });

  describe('migration 015 on a database of the release before', () => {
    it('drops the unread claim indexes; claims read as before and imports go on', async () => {
      const connectionString = await freshDatabase();
      const documents = [...syntheticCorpus(6)];
      const store = await createPostgresStore({ connectionString, poolSize: 2 });
      await importDocuments(store, documents);
      const claimId = documents[0]?.claims[0]?.id ?? '';
      const reads = (s: typeof store) =>
        Promise.all([s.getClaimDetail(claimId), s.listClaims({ limit: 100 })]);
      const before = await reads(store);
      await store.close();
      // Back to the schema of the release before migration 015.
      const client = new pg.Client({ connectionString });
      await client.connect();
      const claimIndexes = async () =>
        (
          await client.query<{ name: string }>(
            "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'claims' ORDER BY 1",
          )
        ).rows.map((r) => r.name);
      await client.query(`
        CREATE INDEX claims_parent ON claims (parent_id);
        CREATE INDEX claims_continues ON claims (continues_id);
        DELETE FROM schema_migrations WHERE name = '015_drop_unread_claim_indexes';`);
      expect(await claimIndexes()).toContain('claims_parent');
      const migrated = await createPostgresStore({ connectionString, poolSize: 2 });
      try {
        const indexes = await claimIndexes();
        expect(indexes).not.toContain('claims_parent');
        expect(indexes).not.toContain('claims_continues');
        expect(await reads(migrated)).toEqual(before);
        await importDocuments(migrated, [syntheticDocument(30)]);
        expect((await migrated.listClaims({ limit: 200 })).total).toBe(
          before[1].total + syntheticDocument(30).claims.length,
        );
      } finally {
        await client.end();
        await migrated.close();
      }
    });
  });

  describe('migration 016 on a database of the release before', () => {
    it('folds the articles already stored, so the text filter finds them as it finds new ones', async () => {
      const connectionString = await freshDatabase();
      const documents = [...syntheticCorpus(6)];
      const store = await createPostgresStore({ connectionString, poolSize: 2 });
      await importDocuments(store, documents);
      const memory = await createMemoryStore([...documents, syntheticDocument(40)]);
      await store.close();
      // Back to the schema of the release before migration 016.
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(`
        DROP INDEX articles_folded;
        ALTER TABLE articles DROP COLUMN folded;
        DELETE FROM schema_migrations WHERE name = '016_article_filter_text';`);
      const migrated = await createPostgresStore({ connectionString, poolSize: 2 });
      try {
        await importDocuments(migrated, [syntheticDocument(40)]);
        const headline = documents[2]?.article.headline ?? '';
        for (const text of [headline.toUpperCase(), 'SYN-00000', 'no such words', 'a']) {
          const ids = async (s: ClaimStore) =>
            (await s.listArticles({ text, limit: 100 })).items.map((a) => a.id);
          expect(await ids(migrated), text).toEqual(await ids(memory));
        }
      } finally {
        await client.end();
        await migrated.close();
        await memory.close();
      }
    });
  });

  describe('migrations 017 and 018 on a database of the release before', () => {
    it('read every record and filter as before, and new articles and versions import as they would have', async () => {
      const connectionString = await freshDatabase();
      const documents = [...syntheticCorpus(8)];
      const store = await createPostgresStore({ connectionString, poolSize: 2 });
      await importDocuments(store, documents);
      const first = documents[0] as ArticleDocument;
      const articleId = documents[2]?.article.id ?? '';
      const speakerId = first.claims[0]?.speakerId ?? '';
      const reviewed = first.relations[0]?.provenance.review?.status ?? 'unreviewed';
      const reads = (s: ClaimStore) =>
        Promise.all([
          s.getEntityDetail(speakerId),
          s.getClaimDetail(first.claimLinks[0]?.fromId ?? ''),
          s.listClaims({ articleId, limit: 100 }),
          s.listClaims({ review: ['unreviewed'], channel: ['interview'], limit: 100 }),
          s.listRelations({ articleId, limit: 100 }),
          s.listRelations({ review: [reviewed], limit: 100 }),
          s.listDisagreements({
            kind: ['contradicts', 'qualifies', 'supports'],
            articleId,
            limit: 100,
          }),
          s.listEntities({ articleId, limit: 100, sort: 'mentions' }),
          s.search({
            q: first.claims[0]?.statement.split(' ').slice(0, 2).join(' ') ?? '',
            limit: 10,
            types: ['entity', 'claim', 'paragraph'],
          }),
          s.exportArticle(articleId),
          s.stats({ topSpeakers: 5 }),
        ]);
      const before = await reads(store);
      await store.close();
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(BEFORE_018);
      // Back to the indexes of the release before migration 017.
      await client.query(`
        CREATE INDEX mentions_article ON mentions (article_id);
        CREATE INDEX claims_article ON claims (article_id);
        CREATE INDEX claim_links_article ON claim_links (article_id);
        CREATE INDEX relations_article ON relations (article_id);
        CREATE INDEX search_entries_article ON search_entries (article_id);
        ALTER TABLE entity_records DROP CONSTRAINT entity_records_pkey,
          ADD CONSTRAINT entity_records_pkey PRIMARY KEY (entity_id, article_id);
        CREATE INDEX entity_records_by_entity ON entity_records (entity_id, article_seq) INCLUDE (article_id, kind);
        DELETE FROM schema_migrations WHERE name = '017_fewer_import_indexes';`);
      const migrated = await createPostgresStore({ connectionString, poolSize: 2 });
      try {
        const types = await client.query<{ table_name: string; data_type: string }>(
          `SELECT table_name, data_type FROM information_schema.columns
            WHERE column_name = 'record' AND table_name IN ('claims', 'relations', 'mentions', 'entity_records', 'claim_links')`,
        );
        expect(new Set(types.rows.map((r) => r.data_type))).toEqual(new Set(['text']));
        expect(before[2].items.length).toBeGreaterThan(0);
        expect(before[5].items.length).toBeGreaterThan(0);
        expect(before[6].items.length).toBeGreaterThan(0);
        expect(await reads(migrated)).toEqual(before);
        // New articles and a new version of an old one: as in a store that never migrated.
        const revised = structuredClone(documents[2] as ArticleDocument);
        for (const claim of revised.claims) claim.statement = `Revised: ${claim.statement}`;
        revised.relations = revised.relations.slice(1);
        revised.mentions = revised.mentions.slice(0, -1);
        const later = [syntheticDocument(30), revised, syntheticDocument(31)];
        await importDocuments(migrated, later);
        const memory = createMemoryStore([]);
        await importDocuments(memory, [...documents, ...later]);
        const after = (s: ClaimStore) =>
          Promise.all([
            s.counts(),
            s.listClaims({ articleId, limit: 100 }),
            s.listRelations({ articleId, limit: 100 }),
            s.listRelations({ review: [reviewed], limit: 100 }),
            s.listDisagreements({
              kind: ['contradicts', 'qualifies', 'supports'],
              articleId,
              limit: 100,
            }),
            s.getEntityDetail(speakerId),
          ]);
        expect(await after(migrated)).toEqual(await after(memory));
        // The new version's words are found, the old version's search entries are gone.
        const { hits } = await migrated.search({ q: 'Revised', limit: 50, types: ['claim'] });
        expect(hits.map((h) => h.articleId)).toEqual(revised.claims.map(() => articleId));
      } finally {
        await client.end();
        await migrated.close();
      }
    });
  });

  describe('migration 019 on a database of the release before', () => {
    it('orders the articles already stored as the memory store does, each order along its index', async () => {
      const connectionString = await freshDatabase();
      // Some without a known date, for the orders by publication date.
      const documents = [...syntheticCorpus(30)].map((document, i) =>
        i % 4 === 1
          ? {
              ...document,
              article: {
                ...document.article,
                published: { status: 'unknown' as const, note: 'No date on the page.' },
              },
            }
          : document,
      );
      const store = await createPostgresStore({ connectionString, poolSize: 2 });
      await importDocuments(store, documents.slice(0, 20));
      await store.close();
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(`
        DROP INDEX articles_newest; DROP INDEX articles_oldest;
        DROP INDEX articles_headline; DROP INDEX articles_claims;
        DELETE FROM schema_migrations WHERE name = '019_article_orders';`);
      const migrated = await createPostgresStore({ connectionString, poolSize: 2 });
      const memory = createMemoryStore([]);
      try {
        await importDocuments(migrated, documents.slice(20));
        await importDocuments(memory, documents);
        for (const sort of contracts.ARTICLE_SORTS) {
          const ids = async (s: ClaimStore, text?: string) =>
            (
              await s.listArticles({ sort, limit: 7, cursor: 7, ...(text ? { text } : {}) })
            ).items.map((a) => a.id);
          expect(await ids(migrated), sort).toEqual(await ids(memory));
          expect(await ids(migrated, 'syn-00001'), sort).toEqual(await ids(memory, 'syn-00001'));
        }
        // Each order can be read along an index: with sorting priced out, no plan sorts.
        await client.query('SET enable_sort = off; SET enable_seqscan = off');
        for (const sort of contracts.ARTICLE_SORTS) {
          const { rows } = await client.query(
            `EXPLAIN (FORMAT JSON) SELECT summary, seq FROM articles ORDER BY ${ARTICLE_ORDER_SQL[sort]} LIMIT 50`,
          );
          expect(JSON.stringify(rows[0]), sort).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
        }
      } finally {
        await client.end();
        await migrated.close();
        await memory.close();
      }
    });
  });

  describe('migration 020 on a database of the release before', () => {
    it('counts the articles and relations of the entities already stored, and keeps them counted', async () => {
      const connectionString = await freshDatabase();
      const documents = [...syntheticCorpus(24)];
      const store = await createPostgresStore({ connectionString, poolSize: 2 });
      await importDocuments(store, documents.slice(0, 16));
      await store.close();
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(`
        ALTER TABLE entities DROP COLUMN article_count, DROP COLUMN relation_count;
        DROP INDEX relations_subject; DROP INDEX relations_object;
        CREATE INDEX relations_subject ON relations (subject_id);
        CREATE INDEX relations_object ON relations (object_id);
        DELETE FROM schema_migrations WHERE name = '020_entity_counts_and_relations_in_order';`);
      const migrated = await createPostgresStore({ connectionString, poolSize: 2 });
      const memory = createMemoryStore([]);
      try {
        // New articles, and a new version of an old one with a relation fewer.
        const revised = structuredClone(documents[3] as ArticleDocument);
        revised.relations = revised.relations.slice(1);
        const later = [...documents.slice(16), revised];
        await importDocuments(migrated, later);
        await importDocuments(memory, [...documents, ...later]);
        // The entities on a side of the most relations, and the most mentioned.
        const sides = new Map<string, number>();
        for (const d of [...documents, ...later])
          for (const r of d.relations)
            for (const id of new Set([r.subjectId, r.objectId]))
              sides.set(id, (sides.get(id) ?? 0) + 1);
        const mostRelated = [...sides].sort((a, b) => b[1] - a[1]).slice(0, 3);
        const mostMentioned = (await memory.listEntities({ sort: 'mentions', limit: 2 })).items;
        const ids = [...mostRelated.map(([id]) => id), ...mostMentioned.map((e) => e.id)];
        expect(mostRelated[0]?.[1]).toBeGreaterThan(4);
        const reads = (s: ClaimStore) =>
          Promise.all([
            s.listEntities({ sort: 'mentions', limit: 40 }),
            s.listEntities({ sort: 'name', limit: 40, cursor: 40 }),
            s.listEntities({ articleId: documents[3]?.article.id, sort: 'mentions', limit: 40 }),
            ...ids.flatMap((id) => [
              s.getEntityDetail(id, { mentionsLimit: 5, claimsLimit: 5, relationsLimit: 3 }),
              s.listRelations({ entityId: id, limit: 2 }),
              s.listRelations({ entityId: id, limit: 2, cursor: 2 }),
              s.listRelations({ entityId: id, limit: 100, cursor: 3 }),
            ]),
          ]);
        expect(await reads(migrated)).toEqual(await reads(memory));
      } finally {
        await client.end();
        await migrated.close();
        await memory.close();
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

  describe('batches handed over before the last is written', () => {
    it('are written in the order given; a refused document takes no other down and leaves nothing', async () => {
      const store = await createPostgresStore({
        connectionString: await freshDatabase(),
        poolSize: 3,
      });
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const documents = [...syntheticCorpus(30)];
        // Past validation (as a caller of the store could be), text PostgreSQL cannot hold.
        const refused = syntheticDocument(30);
        refused.article.source.origin = 'wire\u0000copy';
        // The second copy of syn-000003 is a new version only if the first batch is written first.
        const revised = syntheticDocument(3, 2);
        if (!store.importDocuments) throw new Error('the PostgreSQL store imports batches');
        const calls = [
          store.importDocuments(documents.slice(0, 12)),
          store.importDocuments([...documents.slice(12, 20), refused, revised]),
          store.importDocuments(documents.slice(20)),
        ];
        const [first, second, third] = await Promise.all(calls);
        const statusOf = (r: object) =>
          r instanceof DocumentStoreError ? 'failed' : 'status' in r ? r.status : 'conflict';
        expect(first?.map(statusOf)).toEqual(Array(12).fill('created'));
        expect(second?.map(statusOf)).toEqual([...Array(8).fill('created'), 'failed', 'updated']);
        expect(third?.map(statusOf)).toEqual(Array(10).fill('created'));
        expect(await store.versions('syn-000030')).toBeNull();
        expect((await store.versions('syn-000003'))?.map((v) => v.version)).toEqual([1, 2]);
        // Nothing of the refused document remains, and the rest reads as imported one by one.
        const memory = createMemoryStore([
          ...documents.slice(0, 3),
          revised,
          ...documents.slice(4),
        ]);
        expect(await store.counts()).toEqual(await memory.counts());
        expect(await store.stats({ topSpeakers: 10 })).toEqual(
          await memory.stats({ topSpeakers: 10 }),
        );
      } finally {
        error.mockRestore();
        await store.close();
      }
    }, 60_000);

    it('report in order through importBatches, with indexes counted across batches', async () => {
      const store = await createPostgresStore({
        connectionString: await freshDatabase(),
        poolSize: 3,
      });
      try {
        const documents = [...syntheticCorpus(25)];
        const conflicting = syntheticDocument(25);
        const [taken] = documents[2]?.relations ?? [];
        const [relation] = conflicting.relations;
        if (!relation || !taken) throw new Error('synthetic articles have relations');
        relation.id = taken.id;
        const batches = [
          { candidates: documents.slice(0, 10) },
          { candidates: [conflicting, { not: 'a document' }, ...documents.slice(10, 18)] },
          { candidates: documents.slice(18) },
        ];
        const reports = [];
        for await (const report of importBatches(store, batches)) reports.push(report);
        expect(reports.map((r) => [r.stored, r.rejected])).toEqual([
          [10, 0],
          [8, 2],
          [7, 0],
        ]);
        const outcomes = reports.flatMap((r) => r.outcomes);
        expect(outcomes.map((o) => o.index)).toEqual(outcomes.map((_, i) => i));
        expect(outcomes[10]?.issues.map((i) => i.path)).toEqual(['relations[0].id']);
        expect(outcomes[11]?.status).toBe('rejected');
        expect((await store.counts()).articles).toBe(25);
      } finally {
        await store.close();
      }
    }, 60_000);
  });

  describe('a batch of more new articles than one statement writes', () => {
    it('is stored whole or not at all: a connection lost after its first run leaves nothing', async () => {
      const url = await freshDatabase();
      const store = await createPostgresStore({ connectionString: url, poolSize: 2 });
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        // 450 articles: runs of 200, 200 and 50. Another transaction inserts the article the
        // second run begins with, uncommitted, so the batch waits there after writing its first run.
        const documents = Array.from({ length: 450 }, (_, i) =>
          makeFixtureDocument(`atomic-${String(i).padStart(3, '0')}`),
        );
        await blocker.query('BEGIN');
        await blocker.query(
          "INSERT INTO articles (id, current_version, summary) VALUES ('atomic-200', 1, '{}')",
        );
        const report = importDocuments(store, documents);
        const waiting = async () => {
          // Inside a transaction, pg_stat_activity is read once unless told to read it again.
          await blocker.query('SELECT pg_stat_clear_snapshot()');
          const { rows } = await blocker.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
          );
          return rows[0]?.pid;
        };
        const importer = await vi.waitFor(
          async () => {
            const pid = await waiting();
            if (!pid) throw new Error('the batch is not waiting yet');
            return pid;
          },
          { timeout: 90_000, interval: 50 },
        );
        // The batch's first run is written in its transaction, uncommitted: its connection dies.
        await blocker.query('SELECT pg_terminate_backend($1)', [importer]);
        await blocker.query('ROLLBACK');
        const { outcomes } = await report;
        expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
        expect(await store.counts()).toMatchObject({ articles: 0, claims: 0, mentions: 0 });
        expect(await store.versions('atomic-000')).toBeNull();
        // The store goes on: the same batch imports whole afterwards.
        const again = await importDocuments(store, documents);
        expect(again.stored).toBe(450);
      } finally {
        error.mockRestore();
        await blocker.end();
        await store.close();
      }
    }, 240_000);
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
