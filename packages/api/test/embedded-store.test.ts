import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDigest, defaultDataDir, importDocuments, openEmbeddedStore } from '../src/index.js';
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

describe('one data directory shared by several processes', () => {
  /** A fixture document whose statements carry `mark`: a different version for each mark. */
  const versionOf = (articleId: string, mark: string) => {
    const document = makeFixtureDocument(articleId);
    for (const claim of document.claims) claim.statement = `${claim.statement} (${mark})`;
    return document;
  };

  it('never replaces a version another store wrote, even when both import at once', async () => {
    const dataDir = freshDataDir();
    const [a, b] = await Promise.all([
      openEmbeddedStore({ dataDir, builtin: [] }),
      openEmbeddedStore({ dataDir, builtin: [] }),
    ]);
    const reports = await Promise.all(
      ['a1', 'b1', 'a2', 'b2'].map((mark) =>
        importDocuments(mark.startsWith('a') ? a : b, [versionOf('shared', mark)]),
      ),
    );
    const acknowledged = reports.map((r) => r.outcomes[0]?.version);
    expect([...acknowledged].sort()).toEqual([1, 2, 3, 4]);
    const fresh = await openEmbeddedStore({ dataDir, builtin: [] });
    for (const [i, mark] of ['a1', 'b1', 'a2', 'b2'].entries())
      expect(await fresh.exportArticle('shared', acknowledged[i] ?? undefined)).toEqual(
        versionOf('shared', mark),
      );
    // Both stores see all four without a restart.
    for (const store of [a, b])
      expect((await store.versions('shared'))?.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it('serves what another store imported on the next read, and changes its generation at once', async () => {
    const dataDir = freshDataDir();
    const server = await openEmbeddedStore({ dataDir, builtin: [] });
    const cli = await openEmbeddedStore({ dataDir, builtin: [] });
    await importDocuments(server, [versionOf('interleaved', 'server')]);
    const generation = server.generation();
    await importDocuments(cli, [versionOf('interleaved', 'cli'), makeFixtureDocument('cli-only')]);
    expect(server.generation()).not.toBe(generation);
    expect((await server.listArticles({ limit: 10 })).items.map((a) => a.id).sort()).toEqual([
      'cli-only',
      'interleaved',
    ]);
    const next = await importDocuments(server, [versionOf('interleaved', 'server again')]);
    expect(next.outcomes[0]).toMatchObject({ status: 'updated', version: 3 });
    expect(await cli.exportArticle('interleaved', 2)).toEqual(versionOf('interleaved', 'cli'));
    expect((await cli.versions('interleaved'))?.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('checks conflicts against every article stored, when two stores import clashing articles at once', async () => {
    const dataDir = freshDataDir();
    const [a, b] = await Promise.all([
      openEmbeddedStore({ dataDir, builtin: [] }),
      openEmbeddedStore({ dataDir, builtin: [] }),
    ]);
    // Two articles with the same claim ids: only one of them may join the corpus.
    const thief = makeFixtureDocument('owner');
    thief.article.id = 'thief';
    const [first, second] = await Promise.all([
      importDocuments(a, [makeFixtureDocument('owner')]),
      importDocuments(b, [thief]),
    ]);
    expect([first.outcomes[0]?.status, second.outcomes[0]?.status].sort()).toEqual([
      'created',
      'rejected',
    ]);
    const fresh = await openEmbeddedStore({ dataDir, builtin: [] });
    expect((await fresh.listArticles({ limit: 10 })).total).toBe(1);
    expect(readdirSync(dataDir)).not.toContain('import.lock');
  });

  it('breaks the import lock of a process that died holding it', async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'import.lock'), '99999999 deadbeef');
    const store = await openEmbeddedStore({ dataDir, builtin: [] });
    const report = await importDocuments(store, [makeFixtureDocument('after-a-crash')]);
    expect(report.outcomes[0]?.status).toBe('created');
    expect(readdirSync(dataDir).filter((name) => name.includes('lock'))).toEqual([]);
  });

  it('lets every store see the last version of a process killed before it journaled it', async () => {
    const dataDir = freshDataDir();
    const reader = await openEmbeddedStore({ dataDir, builtin: [] });
    const writer = await openEmbeddedStore({ dataDir, builtin: [] });
    await importDocuments(writer, [versionOf('orphan', 'first')]);
    expect((await reader.versions('orphan'))?.length).toBe(1);
    // What a process killed between writing version 2 and journaling it leaves behind.
    const orphan = {
      articleId: 'orphan',
      version: 2,
      contentSha256: contentDigest(versionOf('orphan', 'second')),
      importedAt: new Date().toISOString(),
      document: versionOf('orphan', 'second'),
    };
    writeFileSync(join(dataDir, 'articles', 'orphan', 'v000002.json'), JSON.stringify(orphan));
    writeFileSync(join(dataDir, 'import.lock'), '99999999 deadbeef');
    // The next import anywhere breaks the dead lock and journals the orphan for everyone.
    await importDocuments(writer, [makeFixtureDocument('unrelated')]);
    expect((await reader.versions('orphan'))?.map((v) => v.version)).toEqual([1, 2]);
    expect(await reader.exportArticle('orphan', 2)).toEqual(versionOf('orphan', 'second'));
  });

  it("keeps another live process's write in progress when a store opens", async () => {
    const dataDir = freshDataDir();
    const store = await openEmbeddedStore({ dataDir, builtin: [] });
    await importDocuments(store, [makeFixtureDocument('busy')]);
    const articleDir = join(dataDir, 'articles', 'busy');
    const inProgress = `.${process.ppid}-cafe.tmp`;
    writeFileSync(join(articleDir, inProgress), '{"articleId":"busy","vers');
    await openEmbeddedStore({ dataDir, builtin: [] });
    expect(readdirSync(articleDir).sort()).toEqual([inProgress, 'v000001.json']);
  });
});
