import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migratePostgres } from '@claimscope/api/postgres';
import { makeFixtureDocument } from '@claimscope/api/testing';
import {
  type PostgresCluster,
  postgresSkipReason,
  startPostgresCluster,
} from '@claimscope/api/testing/postgres';
import { MAX_DOCUMENT_BYTES } from '@claimscope/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_SERVER, startBuiltServer } from './built-server.js';
import { readJson } from './json.js';

/*
 * Servers and command-line imports as separate processes on one store (a data folder, a
 * PostgreSQL database): every version a process acknowledged stays readable, from every server,
 * without a restart.
 */

const main = BUILT_SERVER;
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'claimscope-shared-'));
const children = new Set<ChildProcess>();
const ADMIN_TOKEN = 'shared-folder-admin-token';
const unavailable = postgresSkipReason('the PostgreSQL soak');

beforeAll(() => {
  for (const file of [main, cli])
    if (!existsSync(file)) throw new Error(`${file} is missing: run the build script first`);
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** Where the processes keep their data: a data folder, or a PostgreSQL database. */
type StoreEnv = { CLAIMSCOPE_DATA_DIR: string } | { CLAIMSCOPE_DATABASE_URL: string };

const baseEnv = (store: StoreEnv | string) => ({
  PATH: process.env.PATH ?? '',
  HOME: scratch,
  ...(typeof store === 'string' ? { CLAIMSCOPE_DATA_DIR: store } : store),
});

/** Starts the built server on the data folder; resolves with its URL once it listens. */
function startServer(dataDir: StoreEnv | string): Promise<string> {
  const server = startBuiltServer({ ...baseEnv(dataDir), CLAIMSCOPE_ADMIN_TOKEN: ADMIN_TOKEN });
  children.add(server.child);
  return server.url;
}

/** Runs `cli.js import <files>`; resolves with its exit code and output. */
function runImport(
  dataDir: StoreEnv | string,
  files: string[],
): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, [cli, 'import', ...files], {
    env: baseEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve({ code: code ?? -1, output });
    }),
  );
}

/** A version of the fixture article `articleId` whose statements carry `mark`. */
function versionOf(articleId: string, mark: string) {
  const document = makeFixtureDocument(articleId);
  for (const claim of document.claims) claim.statement = `${claim.statement} (${mark})`;
  return document;
}

type Acknowledged = { articleId: string; version: number; mark: string };

/** The versions an import acknowledged, by the mark in each file's name (`<mark>.json`). */
function acknowledgedBy(output: string): Acknowledged[] {
  return [...output.matchAll(/^(?:created|updated)\s+(\S+) v(\d+)\s+\S*\/([^/\s]+)\.json$/gm)].map(
    ([, articleId, version, mark]) => ({
      articleId: String(articleId),
      version: Number(version),
      mark: String(mark),
    }),
  );
}

async function exported(url: string, articleId: string, version: number) {
  const input = encodeURIComponent(JSON.stringify({ id: articleId, version }));
  const response = await fetch(`${url}/trpc/article.export?input=${input}`);
  expect(response.status, `${url} ${articleId} v${version}`).toBe(200);
  return (await readJson(response)).result.data;
}

async function importOverApi(url: string, documents: unknown[]) {
  const response = await fetch(`${url}/trpc/article.import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ documents }),
  });
  expect(response.status).toBe(200);
  return (await readJson(response)).result.data.outcomes as {
    articleId: string;
    status: string;
    version: number | null;
  }[];
}

/**
 * Two servers and three concurrent command-line imports on one store, the servers importing and
 * reading meanwhile; afterwards every acknowledged version is read back from both servers.
 */
async function soak(name: string, store: StoreEnv): Promise<void> {
  const [first, second] = await Promise.all([startServer(store), startServer(store)]);
  const urls = [first, second];
  const articleIds = ['soak-a', 'soak-b'];
  const runs: Promise<{ code: number; output: string }>[] = [];
  for (let p = 0; p < 3; p++) {
    const dir = join(scratch, `soak-files-${name.replace(/\W+/g, '-')}-${p}`);
    mkdirSync(dir, { recursive: true });
    const paths: string[] = [];
    for (let i = 0; i < 4; i++)
      for (const articleId of articleIds) {
        const mark = `${articleId}-p${p}-${i}`;
        const path = join(dir, `${String(i)}-${mark}.json`);
        writeFileSync(path, JSON.stringify(versionOf(articleId, mark)));
        paths.push(path);
      }
    runs.push(runImport(store, paths));
  }
  // The servers import and read while the CLI runs.
  const serverAcks: Acknowledged[] = [];
  let reads = 0;
  for (let i = 0; i < 4; i++)
    for (const [s, url] of urls.entries()) {
      const mark = `server${s}-${i}`;
      const articleId = articleIds[i % 2] ?? 'soak-a';
      const [outcome] = await importOverApi(url, [versionOf(articleId, mark)]);
      expect(outcome?.status).toMatch(/created|updated/);
      serverAcks.push({ articleId, version: Number(outcome?.version), mark });
      const list = await fetch(`${url}/trpc/article.list`);
      expect(list.status).toBe(200);
      reads += 1;
    }
  const cliAcks: Acknowledged[] = [];
  for (const run of await Promise.all(runs)) {
    expect(run.code, run.output).toBe(0);
    cliAcks.push(
      ...acknowledgedBy(run.output).map((a) => ({ ...a, mark: a.mark.replace(/^\d+-/, '') })),
    );
  }
  const acknowledged = [...cliAcks, ...serverAcks];
  expect(cliAcks).toHaveLength(24);
  // No two acknowledgements share a version: nothing acknowledged was replaced.
  const keys = acknowledged.map((a) => `${a.articleId} v${a.version}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const url of urls)
    for (const { articleId, version, mark } of acknowledged)
      expect(await exported(url, articleId, version)).toEqual(versionOf(articleId, mark));
  console.info(
    `${name} soak: ${acknowledged.length} acknowledged versions (${cliAcks.length} from 3 CLI processes, ${serverAcks.length} from 2 servers), ${reads} reads between, all ${acknowledged.length * urls.length} read back`,
  );
}

describe('one data folder shared by servers and command-line imports', () => {
  it('loses no acknowledged version when a server and CLI imports interleave, and serves the CLI’s at once', async () => {
    const dataDir = join(scratch, 'interleaved');
    const files = join(scratch, 'interleaved-files');
    mkdirSync(files, { recursive: true });
    const url = await startServer(dataDir);
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < 3; round++) {
      const mark = `cli-${round}`;
      const file = join(files, `${mark}.json`);
      writeFileSync(file, JSON.stringify(versionOf('shared', mark)));
      const cliRun = await runImport(dataDir, [file]);
      expect(cliRun.code, cliRun.output).toBe(0);
      acknowledged.push(...acknowledgedBy(cliRun.output));
      // The server sees the CLI's version on its next read, and numbers its own after it.
      const versions = await readJson(
        await fetch(`${url}/trpc/article.versions?input=${encodeURIComponent('{"id":"shared"}')}`),
      );
      expect(versions.result.data.length).toBe(acknowledged.length);
      const serverMark = `server-${round}`;
      const [outcome] = await importOverApi(url, [versionOf('shared', serverMark)]);
      expect(outcome?.version).toBe(acknowledged.length + 1);
      acknowledged.push({
        articleId: 'shared',
        version: Number(outcome?.version),
        mark: serverMark,
      });
    }
    expect(acknowledged.map((a) => a.version)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const { articleId, version, mark } of acknowledged)
      expect(await exported(url, articleId, version)).toEqual(versionOf(articleId, mark));
  }, 120_000);

  it(
    'soak: two servers and three concurrent CLI imports, with reads between; every acknowledged version stays readable from both servers',
    () => soak('shared data folder', { CLAIMSCOPE_DATA_DIR: join(scratch, 'soak') }),
    180_000,
  );

  it('refuses a document over the size limit on the command line, as the API does', async () => {
    const dataDir = join(scratch, 'too-large');
    const huge = makeFixtureDocument('huge');
    huge.article.source.origin = 'x'.repeat(MAX_DOCUMENT_BYTES);
    const file = join(scratch, 'huge.json');
    writeFileSync(file, JSON.stringify(huge));
    const run = await runImport(dataDir, [file]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/\(document\): is \d+ bytes of JSON; the limit is 1048576 bytes/);
  }, 60_000);
});

describe.skipIf(unavailable !== null)(
  'one PostgreSQL database shared by servers and command-line imports',
  () => {
    let cluster: PostgresCluster | undefined;
    afterAll(() => cluster?.stop());

    it('soak: two servers and three concurrent CLI imports, with reads between; every acknowledged version stays readable from both servers', async () => {
      cluster = await startPostgresCluster();
      const databaseUrl = await cluster.createDatabase('soak');
      await migratePostgres(databaseUrl);
      await soak('PostgreSQL', { CLAIMSCOPE_DATABASE_URL: databaseUrl });
    }, 180_000);
  },
);
