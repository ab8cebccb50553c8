import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILT_SERVER, startBuiltServer } from './built-server.js';
import { readJson } from './json.js';

const children: ChildProcess[] = [];

/** Starts the built server on a free port; the test's cleanup stops it. */
function startServer(env: Record<string, string> = {}) {
  const server = startBuiltServer(env);
  children.push(server.child);
  return server;
}

beforeAll(() => {
  if (!existsSync(BUILT_SERVER))
    throw new Error(`${BUILT_SERVER} is missing: run the build script first`);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the built server (node dist/main.js)', () => {
  it('serves the bundled corpus without tsx, and exits 0 on SIGTERM after finishing in-flight requests', async () => {
    const server = startServer();
    const url = await server.url;
    const health = await readJson(await fetch(`${url}/healthz`));
    expect(health.status).toBe('ok');
    expect(health.counts.articles).toBeGreaterThan(0);

    // A request whose headers have begun but not ended is in flight when SIGTERM arrives.
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /trpc/stats HTTP/1.1\r\nHost: localhost\r\n');
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk;
    });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGTERM');
    await vi.waitFor(() => expect(server.output()).toMatch(/SIGTERM/), { timeout: 30_000 });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    socket.write('\r\n');
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('"topSpeakers"');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM/);
  });

  it('serves documents from CLAIMSCOPE_DOCUMENTS and stops on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimscope-server-'));
    try {
      const file = join(dir, 'documents.json');
      writeFileSync(file, JSON.stringify([makeFixtureDocument('fixture-article')]));
      const server = startServer({ CLAIMSCOPE_DOCUMENTS: file });
      const url = await server.url;
      const input = encodeURIComponent(
        JSON.stringify({ id: 'sanderson' }) /* the fixture's entity */,
      );
      const body = await readJson(await fetch(`${url}/trpc/entity.get?input=${input}`));
      expect(body.result.data.entity.name).toBe('Thomas Sanderson');
      await vi.waitFor(() => expect(server.output()).toMatch(/GET \/trpc\/entity\.get 200 \d/), {
        timeout: 30_000,
      });
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on an invalid documents file, naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimscope-server-'));
    try {
      const file = join(dir, 'documents.json');
      const broken = makeFixtureDocument('fixture-article');
      broken.article.textSha256 = '0'.repeat(64);
      writeFileSync(file, JSON.stringify(broken));
      const server = startServer({ CLAIMSCOPE_DOCUMENTS: file });
      await expect(server.url).rejects.toThrow(/article\.textSha256/);
      expect(await server.exited).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['1', 'ten', '2.5'])(
    'refuses to start with CLAIMSCOPE_DATABASE_POOL_SIZE=%s, naming the variable',
    async (size) => {
      const server = startServer({
        // Never reached: the setting is checked before connecting.
        CLAIMSCOPE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        CLAIMSCOPE_DATABASE_POOL_SIZE: size,
      });
      await expect(server.url).rejects.toThrow(/CLAIMSCOPE_DATABASE_POOL_SIZE must be an integer/);
      expect(await server.exited).not.toBe(0);
    },
  );
});
