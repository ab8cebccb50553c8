import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BINARY, freePort, type RunningServer, startServer } from './harness.js';

/** The binary without a terminal: subcommands print text or JSON and exit, for scripts. */

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function claimscope(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    // Pipes, not a TTY: exactly what a script sees.
    execFile(
      process.execPath,
      [BINARY, ...args],
      { env: { ...process.env, CLAIMSCOPE_API_URL: '' } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function json<T>(...args: string[]): Promise<T> {
  const result = await claimscope(...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface Entity {
  id: string;
  name: string;
  kind: string;
  mentionCount: number;
}

describe('subcommands without a terminal', () => {
  beforeAll(assertBuilt);

  it('lists entities as JSON, most mentioned first', async () => {
    const entities = await json<Entity[]>('entities');
    expect(entities).toHaveLength(60);
    expect(entities[0]).toMatchObject({ id: 'islamic-state', name: 'Islamic State' });
    const counts = entities.map((e) => e.mentionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('filters entities by kind, and prints an aligned table without --json', async () => {
    const people = await json<Entity[]>('entities', '--kind', 'person');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((e) => e.kind === 'person')).toBe(true);
    const text = await claimscope('entities', '--kind', 'person');
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+KIND\s+MENTIONS\s+CLAIMS\s+NAME$/);
    expect(text.stdout).toContain('Matthew Levitt');
  });

  it('lists the claims of one speaker', async () => {
    const claims = await json<{ speakerId: string; speaker: { name: string }; text: string }[]>(
      'claims',
      '--speaker',
      'matthew-levitt',
    );
    expect(claims).toHaveLength(12);
    expect(claims.every((c) => c.speakerId === 'matthew-levitt')).toBe(true);
  });

  it('says so in text when nothing matches, and gives [] in JSON', async () => {
    // The Islamic State is talked about a lot and says nothing itself.
    expect((await claimscope('claims', '--speaker', 'islamic-state')).stdout).toBe(
      'No claims match.\n',
    );
    expect(await json('claims', '--speaker', 'islamic-state')).toEqual([]);
  });

  it('searches', async () => {
    const result = await json<{ query: string; hits: { type: string; id: string }[] }>(
      'search',
      'zarqawi',
    );
    expect(result.query).toBe('zarqawi');
    expect(result.hits[0]).toMatchObject({ type: 'entity', id: 'abu-musab-al-zarqawi' });
  });

  it('prints the article', async () => {
    const article = await json<{ id: string; headline: string; counts: { claims: number } }>(
      'article',
    );
    expect(article.headline).toBe(
      'Al Qaeda Seems to Want to Be Best Friends with the Islamic State Again',
    );
    expect(article.counts.claims).toBe(70);
    const text = await claimscope('article');
    expect(text.stdout.split('\n')[0]).toBe(article.headline);
  });

  it('prints help and exits 0', async () => {
    const result = await claimscope('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
  });

  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['claims', '--kind', 'x'], "option '--kind' does not apply to 'claims'"],
    [
      ['entities', '--kind', 'nonsense'],
      "--kind: 'nonsense' is not an entity kind; expected one of: person, organization, place, outlet, event, group, unnamed_group",
    ],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const result = await claimscope(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('refuses to start the interactive UI without a terminal', async () => {
    const result = await claimscope();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs a terminal');
  });

  it.each([
    [['article', '--article', 'no-such-article'], 'no article with id "no-such-article"'],
    [['claims', '--speaker', 'no-such-person'], '--speaker: no entity with id "no-such-person"'],
    [['claims', '--about', 'nope'], '--about: no entity with id "nope"'],
    [['relations', '--entity', 'nope'], '--entity: no entity with id "nope"'],
    [['claims', '--speaker', 'nope', '--json'], '--speaker: no entity with id "nope"'],
    [['entities', '--article', 'nope'], '--article: no article with id "nope"'],
    [['claims', '--article', 'nope'], '--article: no article with id "nope"'],
    [['relations', '--article', 'nope', '--json'], '--article: no article with id "nope"'],
  ])('exits 1 with a message when an id does not exist: %j', async (args, message) => {
    const result = await claimscope(...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});

describe('subcommands against a running server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    assertBuilt();
    server = await startServer(await freePort());
  });
  afterAll(() => server?.stop());

  it('give the same answers over HTTP as in-process', async () => {
    const remote = await json<Entity[]>('entities', '--api', server.url);
    const local = await json<Entity[]>('entities');
    expect(remote).toEqual(local);
  });

  it('say plainly when --api is not a claimscope API', async () => {
    // Something that answers HTTP, but not as tRPC: JSON of another shape, then a web page.
    for (const [type, body] of [
      ['application/json', '{"hello":"world"}'],
      ['text/html', '<!DOCTYPE html><p>hello</p>'],
    ]) {
      const other = createServer((_, res) =>
        res.writeHead(200, { 'content-type': type }).end(body),
      );
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      const { port } = other.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/trpc`;
      const result = await claimscope('entities', '--api', url);
      await new Promise((resolve) => other.close(resolve));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${url} did not answer as a claimscope API`);
    }
  });

  it('report an unreachable server with exit code 1', async () => {
    const url = `http://127.0.0.1:${await freePort()}/trpc`;
    const result = await claimscope('entities', '--api', url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach the API at ${url}: connection refused`);
  });
});
