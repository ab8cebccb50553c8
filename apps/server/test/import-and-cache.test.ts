import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ClaimStore, createMemoryStore, openEmbeddedStore } from '@claimscope/api';
import { openSqliteStore } from '@claimscope/api/sqlite';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { syntheticDocument } from '@claimscope/corpus/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, QUERY_CACHE_CONTROL } from '../src/server.js';
import { readJson } from './json.js';

const ADMIN_TOKEN = 'a-long-enough-admin-token';
const silent = { info: () => {}, error: () => {} };
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'claimscope-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const get = (base: string, path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
const importOverHttp = (base: string, documents: unknown[], authorization?: string) =>
  fetch(`${base}/trpc/article.import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ documents }),
  });

describe('over HTTP: cached queries with ETags, and imports that invalidate them', () => {
  const app = createServer({
    port: 0,
    store: createMemoryStore([makeFixtureDocument('first')]),
    logger: silent,
    adminToken: ADMIN_TOKEN,
  });
  let base = '';
  beforeAll(async () => {
    base = (await app.start()).url;
  });
  afterAll(() => app.stop());

  it('answers a repeated query with the same ETag, and If-None-Match with 304', async () => {
    const first = await get(base, 'entity.get', { id: 'sanderson' });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe(QUERY_CACHE_CONTROL);
    const body = await first.text();
    const second = await get(base, 'entity.get', { id: 'sanderson' });
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe(body);
    const revalidated = await get(
      base,
      'entity.get',
      { id: 'sanderson' },
      { 'if-none-match': etag ?? '' },
    );
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('does not cache errors', async () => {
    const missing = await get(base, 'entity.get', { id: 'nobody' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
  });

  it('refuses an import without the bearer token with 401, naming what to send', async () => {
    const response = await importOverHttp(base, [makeFixtureDocument('second')]);
    expect(response.status).toBe(401);
    expect((await readJson(response)).error.message).toContain('Authorization: Bearer');
  });

  it('imports with the token, and the next query sees the change (new ETag, no stale 304)', async () => {
    const before = await get(base, 'article.list', {});
    const etag = before.headers.get('etag') ?? '';
    expect((await readJson(before)).result.data.total).toBe(1);
    const response = await importOverHttp(
      base,
      [makeFixtureDocument('second')],
      `Bearer ${ADMIN_TOKEN}`,
    );
    expect(response.status).toBe(200);
    expect((await readJson(response)).result.data.outcomes[0]).toMatchObject({
      articleId: 'second',
      status: 'created',
    });
    const after = await get(base, 'article.list', {}, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await readJson(after)).result.data.total).toBe(2);
  });

  it('lists every problem of an invalid document by path, and stores none of it', async () => {
    const broken = makeFixtureDocument('third');
    broken.article.textSha256 = '0'.repeat(64);
    const response = await importOverHttp(base, [broken], `Bearer ${ADMIN_TOKEN}`);
    const outcome = (await readJson(response)).result.data.outcomes[0];
    expect(outcome).toMatchObject({ status: 'rejected', articleId: 'third' });
    expect(outcome.issues).toEqual([{ path: 'article.textSha256', message: expect.any(String) }]);
    expect((await get(base, 'article.get', { id: 'third' })).status).toBe(404);
  });
});

describe('a read-only server (no CLAIMSCOPE_ADMIN_TOKEN)', () => {
  it('answers an import with 403 FORBIDDEN saying why', async () => {
    const app = createServer({ port: 0, store: createMemoryStore([]), logger: silent });
    const { url } = await app.start();
    try {
      const response = await importOverHttp(url, [makeFixtureDocument()], 'Bearer anything');
      expect(response.status).toBe(403);
      expect((await readJson(response)).error.message).toContain('read-only');
    } finally {
      await app.stop();
    }
  });
});

describe('the import command (node dist/cli.js import)', () => {
  const run = (args: string[], env: Record<string, string>) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { child, exited, stdout: () => stdout };
  };
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run the build script first`);
  });

  it('imports a directory, reports each document, and exits 1 naming the invalid one', async () => {
    const dir = join(scratch, 'small');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify([syntheticDocument(0), syntheticDocument(1)]),
    );
    const bad = syntheticDocument(2);
    const firstMention = bad.mentions[0];
    if (firstMention) firstMention.entityId = 'nobody';
    writeFileSync(join(dir, 'b.json'), JSON.stringify(bad));
    const dataDir = join(scratch, 'small-data');
    const importer = run(['import', dir, '--data-dir', dataDir], {});
    expect(await importer.exited).toBe(1);
    expect(importer.stdout()).toMatch(/created +syn-000000 v1/);
    expect(importer.stdout()).toMatch(
      /rejected +\S+b\.json \(syn-000002\)\n {2}mentions\[0\]\.entityId: no entity/,
    );
    expect(importer.stdout()).toContain('2 stored, 0 unchanged, 1 rejected');
    const again = run(['import', join(dir, 'a.json'), '--data-dir', dataDir], {});
    expect(await again.exited).toBe(0);
    expect(again.stdout()).toContain('0 stored, 2 unchanged, 0 rejected');
  });

  // The default embedded store (SQLite) and the earlier one (JSON files), each killed mid-import.
  const embeddedStores: {
    kind: string;
    env: Record<string, string>;
    open: (dataDir: string) => Promise<ClaimStore>;
  }[] = [
    {
      kind: 'sqlite',
      env: {},
      open: async (dataDir: string) => openSqliteStore({ dataDir, builtin: [] }),
    },
    {
      kind: 'json',
      env: { CLAIMSCOPE_EMBEDDED_STORE: 'json' },
      open: (dataDir: string) => openEmbeddedStore({ dataDir, builtin: [] }),
    },
  ];
  it.each(embeddedStores)(
    'leaves only whole documents when killed mid-import ($kind)',
    async (embedded) => {
      const dir = join(scratch, 'large');
      mkdirSync(dir, { recursive: true });
      const total = 1500;
      for (let i = 0; i < total; i++)
        writeFileSync(
          join(dir, `${String(i).padStart(5, '0')}.json`),
          JSON.stringify(syntheticDocument(i)),
        );
      const dataDir = join(scratch, `large-data-${embedded.kind}`);
      const importer = run(['import', dir], { CLAIMSCOPE_DATA_DIR: dataDir, ...embedded.env });
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if ((importer.stdout().match(/created/g) ?? []).length >= 40) {
            clearInterval(check);
            resolve();
          }
        }, 5);
      });
      importer.child.kill('SIGKILL');
      await importer.exited;

      const store = await embedded.open(dataDir);
      // The SQLite store also keeps the built-in corpus the command started with.
      const builtin = await store.listArticles({ limit: 100 });
      const builtinArticles = builtin.items.filter((a) => !a.id.startsWith('syn-'));
      const builtinClaims = builtinArticles.reduce((sum, a) => sum + a.counts.claims, 0);
      const stored = builtin.total - builtinArticles.length;
      const items = builtin.items.filter((a) => a.id.startsWith('syn-'));
      expect(stored).toBeGreaterThanOrEqual(40);
      expect(stored).toBeLessThan(total);
      for (const item of items) {
        const index = Number(item.id.slice(4));
        expect(await store.exportArticle(item.id)).toEqual(syntheticDocument(index));
      }
      expect((await store.counts()).claims).toBe(
        builtinClaims +
          Array.from({ length: stored }, (_, i) => syntheticDocument(i).claims.length).reduce(
            (a, b) => a + b,
            0,
          ),
      );
      if (embedded.kind === 'sqlite') {
        const { default: Database } = await import('better-sqlite3');
        const db = new Database(join(dataDir, 'claimscope.sqlite'), { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      }
      await store.close();
    },
    60_000,
  );
});
