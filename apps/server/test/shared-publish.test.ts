import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migratePostgres } from '@claimscope/api/postgres';
import {
  type PostgresCluster,
  postgresSkipReason,
  startPostgresCluster,
} from '@claimscope/api/testing/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_SERVER, startBuiltServer } from './built-server.js';
import { type Json, readJson } from './json.js';

/*
 * Publishing reviewed drafts from two server processes on one store (a data folder, a PostgreSQL
 * database): of two publishes on top of one version, however they interleave, exactly one is
 * stored and the other is refused with what changed, because the store checks the base version
 * inside its write transaction or lock, not each process in its own memory.
 */

const main = BUILT_SERVER;
const scratch = mkdtempSync(join(tmpdir(), 'claimscope-publish-'));
const children = new Set<ChildProcess>();
const ADMIN_TOKEN = 'shared-publish-admin-token';
const ROUNDS = 4;
const ARTICLE = `Harbour council delays ferry vote

The Millbrook harbour council postponed its vote on the new ferry route on Tuesday.

"We need another month to read the safety report," said Dana Whitlock, the council's chair.
`;

beforeAll(() => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run the build script first`);
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts the built server on `store`; resolves with its URL once it listens. */
function startServer(store: Record<string, string>): Promise<string> {
  const server = startBuiltServer({
    HOME: scratch,
    CLAIMSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
    ...store,
  });
  children.add(server.child);
  return server.url;
}

async function call(
  url: string,
  path: string,
  input: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await readJson(response) };
}

async function versionsOn(url: string, id: string) {
  const input = encodeURIComponent(JSON.stringify({ id }));
  const response = await fetch(`${url}/trpc/article.versions?input=${input}`);
  if (response.status === 404) return [];
  return (await readJson(response)).result.data as { version: number; published: unknown }[];
}

/**
 * Each round opens a draft of the article on each server at the same version and publishes both
 * at once: one version per round is stored, the other publish is a 409 naming the version.
 */
async function publishRace(store: Record<string, string>): Promise<void> {
  const urls = await Promise.all([startServer(store), startServer(store)]);
  let articleId = '';
  for (let round = 0; round < ROUNDS; round++) {
    const drafts = await Promise.all(
      urls.map(async (url) => {
        const created = await call(url, 'draft.create', { format: 'text', content: ARTICLE });
        expect(created.status, JSON.stringify(created.body)).toBe(200);
        return created.body.result.data as {
          id: string;
          articleId: string;
          baseVersion: number | null;
        };
      }),
    );
    articleId = drafts[0]?.articleId ?? '';
    expect(drafts.map((d) => d.baseVersion)).toEqual(Array(2).fill(round === 0 ? null : round));
    const results = await Promise.all(
      urls.map((url, i) => call(url, 'draft.publish', { draftId: drafts[i]?.id })),
    );
    expect(results.map((r) => r.status).sort(), JSON.stringify(results)).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409);
    expect(refused?.body.error.message).toContain(
      `was published as version ${round + 1} since this draft was opened`,
    );
    for (const url of urls) expect(await versionsOn(url, articleId)).toHaveLength(round + 1);
  }
  const versions = await versionsOn(urls[1] ?? '', articleId);
  expect(versions.map((v) => [v.version, v.published])).toEqual(
    Array.from({ length: ROUNDS }, (_, i) => [
      i + 1,
      { by: 'admin-token', at: expect.any(String) },
    ]),
  );
}

describe('two servers publishing on one data folder', () => {
  it(
    'SQLite: of two publishes on one version, one is stored and the other refused',
    () => publishRace({ CLAIMSCOPE_DATA_DIR: join(scratch, 'sqlite') }),
    180_000,
  );

  it(
    'JSON folder: of two publishes on one version, one is stored and the other refused',
    () =>
      publishRace({
        CLAIMSCOPE_DATA_DIR: join(scratch, 'json'),
        CLAIMSCOPE_EMBEDDED_STORE: 'json',
      }),
    180_000,
  );
});

const unavailable = postgresSkipReason('publishing from two servers');
describe.skipIf(unavailable !== null)('two servers publishing on one PostgreSQL database', () => {
  let cluster: PostgresCluster | undefined;
  afterAll(() => cluster?.stop());

  it('of two publishes on one version, one is stored and the other refused', async () => {
    cluster = await startPostgresCluster();
    const databaseUrl = await cluster.createDatabase('publish');
    await migratePostgres(databaseUrl);
    await publishRace({ CLAIMSCOPE_DATABASE_URL: databaseUrl });
  }, 180_000);
});
