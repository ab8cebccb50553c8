import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir, importDocuments, openEmbeddedStore } from '../src/index.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';
import { describeStoreContract } from '../src/testing/store-contract.js';

const dirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimscope-embedded-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('embedded store', (builtin) =>
  openEmbeddedStore({ dataDir: freshDataDir(), builtin }),
);

describe('the embedded data directory', () => {
  it('is CLAIMSCOPE_DATA_DIR, else under XDG_DATA_HOME, else under ~/.local/share', () => {
    expect(defaultDataDir({ CLAIMSCOPE_DATA_DIR: '/srv/cs', XDG_DATA_HOME: '/x' })).toBe('/srv/cs');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' })).toBe('/data/claimscope');
    expect(defaultDataDir({ HOME: '/home/ann' })).toBe('/home/ann/.local/share/claimscope');
  });

  it('keeps imported documents and their versions across a restart', async () => {
    const dataDir = freshDataDir();
    const first = await openEmbeddedStore({ dataDir, builtin: [] });
    const original = makeFixtureDocument('kept');
    const revised = makeFixtureDocument('kept');
    for (const claim of revised.claims) claim.statement = 'A revised statement.';
    await importDocuments(first, [original, revised, makeFixtureDocument('also-kept')]);
    await first.close();

    const reopened = await openEmbeddedStore({ dataDir, builtin: [] });
    expect((await reopened.listArticles({ limit: 10 })).items.map((a) => a.id)).toEqual([
      'kept',
      'also-kept',
    ]);
    expect((await reopened.versions('kept'))?.map((v) => v.version)).toEqual([1, 2]);
    expect(await reopened.exportArticle('kept', 1)).toEqual(original);
    expect(await reopened.exportArticle('kept')).toEqual(revised);
  });

  it('ignores and removes the temporary file of an interrupted write', async () => {
    const dataDir = freshDataDir();
    const store = await openEmbeddedStore({ dataDir, builtin: [] });
    await importDocuments(store, [makeFixtureDocument('whole')]);
    const articleDir = join(dataDir, 'articles', 'whole');
    writeFileSync(join(articleDir, '.deadbeef.tmp'), '{"articleId":"whole","vers');
    const reopened = await openEmbeddedStore({ dataDir, builtin: [] });
    expect((await reopened.versions('whole'))?.length).toBe(1);
    expect(readdirSync(articleDir)).toEqual(['v000001.json']);
  });
});
