import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '@claimscope/corpus';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDigest, importDocuments } from '../src/index.js';
import { articlePageSql, openSqliteStore, SQLITE_FILE } from '../src/store/sqlite/sqlite-store.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';
import { describeStoreContract } from '../src/testing/store-contract.js';

const dirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimscope-sqlite-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('SQLite store', async (builtin) =>
  openSqliteStore({ dataDir: freshDataDir(), builtin }),
);

describe('the SQLite data folder', () => {
  it("fills the speakers of a database's existing claim links when it brings its schema to step 2", async () => {
    const dataDir = freshDataDir();
    const documents = [makeFixtureDocument('first'), makeFixtureDocument('second')];
    const store = openSqliteStore({ dataDir, builtin: [] });
    await importDocuments(store, documents);
    await store.close();
    // The database as schema step 1 left it: no speakers on the links.
    const db = new Database(join(dataDir, SQLITE_FILE));
    backToSchemaStep1(db);
    db.close();

    const reopened = openSqliteStore({ dataDir, builtin: [] });
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
    await reopened.close();
  });

  it('migrates a database of schema step 1 on first open: claim lists filter, order and count as before', async () => {
    const dataDir = freshDataDir();
    const documents = [...syntheticCorpus(40)];
    const store = openSqliteStore({ dataDir, builtin: [] });
    await importDocuments(store, documents);
    // A new version of the first article whose claims are stored out of reading order.
    const revised = structuredClone(documents[0]);
    if (!revised) throw new Error('no synthetic article');
    revised.claims.reverse();
    await importDocuments(store, [revised]);
    const sample = (await store.listClaims({ limit: 100 })).items;
    const outletId = sample.find((c) => c.channel.outletId)?.channel.outletId ?? '';
    const queries = [
      { limit: 100 },
      { channel: ['interview' as const], limit: 100 },
      { outletId, limit: 100 },
      { review: ['unreviewed' as const], limit: 100, cursor: 200 },
      { text: 'said', limit: 100 },
      { text: 'said', limit: 100, cursor: 300 },
      {
        channel: ['letter' as const, 'statement' as const],
        kind: ['direct_quote' as const],
        limit: 50,
      },
    ];
    const before = await Promise.all(queries.map((q) => store.listClaims(q)));
    const headline = documents[3]?.article.headline ?? '';
    const articleQueries = [
      { text: headline.toUpperCase() },
      { text: 'syn-00002' },
      { text: 'x y z' },
      // Step 6: the orders, each along its index.
      { sort: 'headline' as const },
      { sort: 'newest' as const, text: 'syn-0000' },
      { sort: 'oldest' as const },
      { sort: 'claims' as const },
      { sort: 'recent' as const },
    ];
    const articlesBefore = await Promise.all(
      articleQueries.map((q) => store.listArticles({ ...q, limit: 100 })),
    );
    expect(articlesBefore[1]?.total).toBe(10);
    // Sorted by headline, the list is not in the order added.
    expect(articlesBefore[3]?.items.map((a) => a.id)).not.toEqual(
      documents.map((d) => d.article.id),
    );
    await store.close();

    // Back to schema step 1 as an earlier release left it.
    const db = new Database(join(dataDir, SQLITE_FILE));
    backToSchemaStep1(db);
    db.close();

    const migrated = openSqliteStore({ dataDir, builtin: [] });
    const after = await Promise.all(queries.map((q) => migrated.listClaims(q)));
    expect(after).toEqual(before);
    // Step 5 folded the stored articles' headlines, deks and ids for the text filter.
    expect(
      await Promise.all(articleQueries.map((q) => migrated.listArticles({ ...q, limit: 100 }))),
    ).toEqual(articlesBefore);
    expect(before[4]?.items.length).toBe(100);
    expect(before[1]?.total).toBeGreaterThan(0);
    // Imports after the migration keep the counts and the reading order.
    await importDocuments(migrated, [documents[0]]);
    const reverted = await migrated.listClaims({ articleId: documents[0]?.article.id, limit: 100 });
    expect(reverted.items.map((c) => c.id)).toEqual(
      (
        await migrated.listClaims({
          channel: [...new Set(reverted.items.map((c) => c.channel.kind))],
          limit: 100,
        })
      ).items
        .filter((c) => c.articleId === documents[0]?.article.id)
        .map((c) => c.id),
    );
    await migrated.close();
    const check = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(6);
    // Each order is read along its index, not sorted out of every article.
    for (const sort of ['newest', 'oldest', 'headline', 'claims', 'recent'] as const) {
      const plan = check
        .prepare(`EXPLAIN QUERY PLAN ${articlePageSql(sort)}`)
        .all(100, 0)
        .map((step) => (step as { detail: string }).detail);
      expect(plan.join('\n'), sort).not.toMatch(/TEMP B-TREE/);
    }
    check.close();
  });

  it('keeps imported documents, their versions and the built-in corpus across a restart', async () => {
    const dataDir = freshDataDir();
    const builtin = loadCorpus();
    const first = openSqliteStore({ dataDir, builtin });
    const original = makeFixtureDocument('kept');
    const revised = makeFixtureDocument('kept');
    for (const claim of revised.claims) claim.statement = 'A revised statement.';
    await importDocuments(first, [original, revised, makeFixtureDocument('also-kept')]);
    const generation = first.generation();
    await first.close();

    const reopened = openSqliteStore({ dataDir, builtin });
    const ids = (await reopened.listArticles({ limit: 100 })).items.map((a) => a.id);
    expect(ids).toEqual([...builtin.map((d) => d.article.id), 'kept', 'also-kept']);
    expect(reopened.generation()).toBe(generation);
    expect((await reopened.versions('kept'))?.map((v) => v.version)).toEqual([1, 2]);
    expect(await reopened.exportArticle('kept', 1)).toEqual(original);
    expect(await reopened.exportArticle('kept')).toEqual(revised);
    await reopened.close();
  });

  it('reads a data folder of JSON version files on first start, keeping versions and import times', async () => {
    const dataDir = freshDataDir();
    const original = makeFixtureDocument('from-json');
    const revised = makeFixtureDocument('from-json');
    for (const claim of revised.claims) claim.statement = 'Revised in JSON.';
    const versions = [
      { document: original, version: 1, importedAt: '2026-11-01T10:00:00.000Z' },
      { document: revised, version: 2, importedAt: '2026-11-02T10:00:00.000Z' },
    ];
    mkdirSync(join(dataDir, 'articles', 'from-json'), { recursive: true });
    for (const { document, version, importedAt } of versions)
      writeFileSync(
        join(dataDir, 'articles', 'from-json', `v00000${version}.json`),
        JSON.stringify({
          articleId: 'from-json',
          version,
          contentSha256: contentDigest(document),
          importedAt,
          document,
        }),
      );
    writeFileSync(join(dataDir, 'articles', 'from-json', '.cafe.tmp'), '{"articleId":"from-js');

    const store = openSqliteStore({ dataDir, builtin: [] });
    expect(await store.versions('from-json')).toEqual([
      expect.objectContaining({ version: 1, importedAt: versions[0]?.importedAt, current: false }),
      expect.objectContaining({ version: 2, importedAt: versions[1]?.importedAt, current: true }),
    ]);
    expect(await store.exportArticle('from-json', 1)).toEqual(original);
    expect((await store.listClaims({ articleId: 'from-json', limit: 1 })).items[0]?.statement).toBe(
      'Revised in JSON.',
    );
    await store.close();
    // Once only: a second start does not import the files again.
    const again = openSqliteStore({ dataDir, builtin: [] });
    expect((await again.versions('from-json'))?.length).toBe(2);
    await again.close();
  });

  it('writes nothing into a folder until the first import', async () => {
    const dataDir = join(freshDataDir(), 'not-yet');
    const store = openSqliteStore({ dataDir, builtin: loadCorpus() });
    expect((await store.counts()).articles).toBe(loadCorpus().length);
    expect(existsSync(dataDir)).toBe(false);
    await importDocuments(store, [makeFixtureDocument('first-import')]);
    expect(readdirSync(dataDir)).toContain('claimscope.sqlite');
    expect((await store.counts()).articles).toBe(loadCorpus().length + 1);
    await store.close();
  });

  it('shows a process the documents another process imported into the same folder', async () => {
    const dataDir = freshDataDir();
    // Both start before the folder has a database: the writer's import makes it.
    const reader = openSqliteStore({ dataDir, builtin: [] });
    const writer = openSqliteStore({ dataDir, builtin: [] });
    const before = reader.generation();
    let told = 0;
    const stop = reader.onChange(() => {
      told += 1;
    });
    await importDocuments(writer, [makeFixtureDocument('elsewhere')]);
    expect(reader.generation()).not.toBe(before);
    expect(told).toBe(1);
    expect((await reader.listArticles({ limit: 10 })).items.map((a) => a.id)).toEqual([
      'elsewhere',
    ]);
    stop();
    await writer.close();
    await reader.close();
  });
});

/** Undoes schema steps 2-5, leaving a database as schema step 1 (an earlier release) left it. */
function backToSchemaStep1(db: Database.Database): void {
  for (const index of ['newest', 'oldest', 'headline', 'claims'])
    db.exec(`DROP INDEX articles_${index}`);
  db.exec('ALTER TABLE articles DROP COLUMN headline_key');
  db.exec('ALTER TABLE articles DROP COLUMN folded');
  for (const index of ['order', 'same_speaker', 'from_speaker', 'to_speaker'])
    db.exec(`DROP INDEX claim_links_${index}`);
  for (const column of ['same_speaker', 'from_speaker_id', 'to_speaker_id'])
    db.exec(`ALTER TABLE claim_links DROP COLUMN ${column}`);
  db.exec(`
    DELETE FROM tallies WHERE name = 'claim_links.same_speaker';
    DROP INDEX claims_reading_key; ALTER TABLE claims DROP COLUMN reading_key;
    DROP INDEX claims_channel; DROP INDEX claims_outlet; DROP INDEX claims_review;
    ALTER TABLE claims DROP COLUMN channel_kind; ALTER TABLE claims DROP COLUMN outlet_id;
    ALTER TABLE claims DROP COLUMN review_status;
    DELETE FROM tallies WHERE name IN ('claims.channel', 'claims.review', 'claims.outlet');
    DROP TABLE claim_trigrams;
    CREATE VIRTUAL TABLE claim_trigrams USING fts5 (folded, content = '', contentless_delete = 1, tokenize = 'trigram');
    INSERT INTO claim_trigrams (rowid, folded) SELECT seq, folded FROM claims;
    PRAGMA user_version = 1;
  `);
}
