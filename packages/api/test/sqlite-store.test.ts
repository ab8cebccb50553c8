import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '@claimscope/corpus';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDigest, importDocuments } from '../src/index.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
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
