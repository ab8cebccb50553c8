import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Connection, connectLocal } from '../src/api/client.js';
import { type LocalStoreChoice, openLocalStore } from '../src/api/local.js';
import { ARTICLE_PAGE } from '../src/api/queries.js';

/**
 * Start-up draws the first frame from data read without the API: the built-in corpus when the
 * data folder holds nothing imported, else the store. Either way it must be what the API says.
 */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'claimscope-first-frame-'));
  folders.push(folder);
  return folder;
}

async function expectSameAsApi(connection: Connection) {
  const direct = await connection.firstFrame?.articles();
  const listed = await connection.client.article.list.query({ limit: ARTICLE_PAGE });
  expect(direct).toEqual(listed);
  for (const { id } of listed.items)
    expect(await connection.firstFrame?.document(id)).toEqual(
      await connection.client.article.export.query({ id }),
    );
  return listed.items.map((article) => article.id);
}

describe('the first frame’s data', () => {
  it('is what article.list and article.export return for the built-in corpus', async () => {
    await expectSameAsApi(await connectLocal());
  });

  it.each<LocalStoreChoice['kind'] | 'json'>(['embedded', 'json'])(
    'is what the API returns for an empty data folder (%s store)',
    async (kind) => {
      const previous = process.env.CLAIMSCOPE_EMBEDDED_STORE;
      if (kind === 'json') process.env.CLAIMSCOPE_EMBEDDED_STORE = 'json';
      try {
        const dataDir = emptyFolder();
        const ids = await expectSameAsApi(await connectLocal({ kind: 'embedded', dataDir }));
        expect(ids).toEqual(['vice-aq-is-reconciliation']);
      } finally {
        if (previous === undefined) delete process.env.CLAIMSCOPE_EMBEDDED_STORE;
        else process.env.CLAIMSCOPE_EMBEDDED_STORE = previous;
      }
    },
  );

  it('lists what was imported into the data folder, as the API does', async () => {
    const dataDir = emptyFolder();
    const store = await openLocalStore({ kind: 'embedded', dataDir });
    await store.importDocument(makeFixtureDocument('imported-story'));

    const connection = await connectLocal({ kind: 'embedded', dataDir });
    const ids = await expectSameAsApi(connection);
    expect(ids).toContain('imported-story');
    expect(ids).toContain('vice-aq-is-reconciliation');
  });

  it('is the first page of the list, with the cursor to the next, when one page does not hold it', async () => {
    const dataDir = emptyFolder();
    const store = await openLocalStore({ kind: 'embedded', dataDir });
    for (let i = 0; i < ARTICLE_PAGE; i += 1)
      await store.importDocument(makeFixtureDocument(`imported-${i}`));
    await store.close();

    const connection = await connectLocal({ kind: 'embedded', dataDir });
    const page = await connection.firstFrame?.articles();
    expect(page?.items).toHaveLength(ARTICLE_PAGE);
    expect(page?.total).toBe(ARTICLE_PAGE + 1);
    expect(page?.nextCursor).not.toBeNull();
    await expectSameAsApi(connection);
  }, 120_000);

  it('opens the store on the first request when the first frame did not need it', async () => {
    const connection = await connectLocal({ kind: 'embedded', dataDir: emptyFolder() });
    const page = await connection.client.entity.list.query({ limit: 5 });
    expect(page.items).toHaveLength(5);
  });
});
