import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BINARY, freePort, type RunningServer, startServer } from './harness.js';

/** `claimscope import`: documents checked whole before anything is stored, locally or on a server. */

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function claimscope(env: Record<string, string>, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BINARY, ...args],
      { env: { ...process.env, CLAIMSCOPE_API_URL: '', CLAIMSCOPE_ADMIN_TOKEN: '', ...env } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const work = mkdtempSync(join(tmpdir(), 'claimscope-import-'));
const validFile = join(work, 'valid.json');
const invalidFile = join(work, 'invalid.json');

beforeAll(() => {
  assertBuilt();
  writeFileSync(validFile, JSON.stringify(makeFixtureDocument('imported-article')));
  const invalid = makeFixtureDocument('broken-article');
  const first = invalid.mentions[0];
  if (first) first.entityId = 'nobody';
  invalid.article.textSha256 = '0'.repeat(64);
  writeFileSync(invalidFile, JSON.stringify(invalid));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('claimscope import into the embedded store', () => {
  const dataDir = join(work, 'data');
  const env = { CLAIMSCOPE_DATA_DIR: dataDir };

  it('stores a valid document, and the next run of the app shows it', async () => {
    const result = await claimscope(env, 'import', validFile);
    expect(result.stdout).toContain('created    imported-article v1');
    expect(result.code).toBe(0);
    const articles = await claimscope(env, 'article', '--article', 'imported-article', '--json');
    expect(articles.code).toBe(0);
    expect(JSON.parse(articles.stdout).id).toBe('imported-article');
  });

  it('changes nothing when the same content comes again', async () => {
    const result = await claimscope(env, 'import', validFile);
    expect(result.stdout).toContain('unchanged  imported-article v1');
    expect(result.stdout).toContain('0 stored, 1 unchanged, 0 rejected');
  });

  it('rejects an invalid document with every problem by path, and stores nothing of it', async () => {
    const result = await claimscope(env, 'import', invalidFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('rejected');
    expect(result.stdout).toContain('mentions[0].entityId: no entity with id "nobody"');
    const lookup = await claimscope(env, 'article', '--article', 'broken-article');
    expect(lookup.code).toBe(1);
  });
});

describe('claimscope import --api', () => {
  const token = 'a-test-admin-token-of-32-characters';
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(await freePort(), {
      CLAIMSCOPE_ADMIN_TOKEN: token,
      CLAIMSCOPE_DATA_DIR: join(work, 'server-data'),
    });
  });
  afterAll(() => server?.stop());

  it('sends documents to the server with the admin token', async () => {
    const result = await claimscope(
      { CLAIMSCOPE_ADMIN_TOKEN: token },
      'import',
      '--api',
      server.url,
      validFile,
    );
    expect(result.stdout).toContain('created    imported-article v1');
    expect(result.code).toBe(0);
    const remote = await claimscope(
      {},
      'article',
      '--api',
      server.url,
      '--article',
      'imported-article',
      '--json',
    );
    expect(JSON.parse(remote.stdout).id).toBe('imported-article');
  });

  it('says what is missing without the token', async () => {
    const result = await claimscope({}, 'import', '--api', server.url, validFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CLAIMSCOPE_ADMIN_TOKEN');
  });

  it('reports a wrong token as the server words it', async () => {
    const result = await claimscope(
      { CLAIMSCOPE_ADMIN_TOKEN: 'not-the-right-token-at-all' },
      'import',
      '--api',
      server.url,
      validFile,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.toLowerCase()).toMatch(/token|unauthori[sz]ed/);
  });
});
