import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEmbeddedStore } from '@claimscope/api';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';
import { readJson } from './json.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'claimscope-users-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `cli.js user …` with `stdin` piped in; resolves with the exit code and both outputs. */
function user(args: string[], stdin = '') {
  const child = spawn(process.execPath, [cli, 'user', ...args, '--data-dir', dataDir], {
    env: { PATH: process.env.PATH },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out += chunk;
  });
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, out })),
  );
}

const FIRST = 'first admin passphrase';
const SECOND = 'second admin passphrase';

describe('claimscope user add|list|remove|passwd (the embedded data folder)', () => {
  it('starts with no account and no default password: the first admin is added from the command line', async () => {
    expect(await user(['list'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('no accounts yet'),
    });
    const added = await user(['add', 'ada', '--role', 'admin'], `${FIRST}\n`);
    expect(added).toEqual({ code: 0, out: 'added ada (admin)\n' });
    const listed = await user(['list']);
    expect(listed.out).toMatch(/^ada\tadmin\t\d{4}-/);
  });

  it('keeps password hashes in a file only its owner reads, and never the password', () => {
    const file = join(dataDir, 'accounts.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(FIRST);
    expect(text).toContain('scrypt$');
  });

  it('refuses a password on the command line, a taken name, a bad role and a short password', async () => {
    expect((await user(['add', 'bob', FIRST])).code).toBe(2);
    expect(await user(['add', 'ada'], `${FIRST}\n`)).toMatchObject({
      code: 1,
      out: expect.stringContaining('"ada" is taken'),
    });
    expect(await user(['add', 'bob', '--role', 'boss'], `${FIRST}\n`)).toMatchObject({
      code: 1,
      out: expect.stringContaining('role:'),
    });
    expect(await user(['add', 'bob'], 'short\n')).toMatchObject({
      code: 1,
      out: expect.stringContaining('password: a password needs at least 10'),
    });
  });

  it('an account added by the command line signs in to a server on the same folder; passwd ends its sessions', async () => {
    const store = await openEmbeddedStore({ dataDir, builtin: [] });
    const app = createServer({ port: 0, store, logger: silentLogger });
    const { url } = await app.start();
    try {
      const signIn = (password: string) =>
        fetch(`${url}/trpc/session.signIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'ada', password }),
        });
      const first = await signIn(FIRST);
      expect(first.status).toBe(200);
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const me = () => fetch(`${url}/trpc/session.me`, { headers: { cookie } }).then(readJson);
      expect((await me()).result.data.account.username).toBe('ada');

      const changed = await user(['passwd', 'ada'], `${SECOND}\n`);
      expect(changed).toEqual({
        code: 0,
        out: 'changed the password of ada; its sessions are ended\n',
      });
      expect((await me()).result.data.account).toBeNull();
      expect((await signIn(FIRST)).status).toBe(401);
      expect((await signIn(SECOND)).status).toBe(200);

      expect(await user(['remove', 'ada'])).toEqual({
        code: 0,
        out: 'removed ada; its sessions are ended\n',
      });
      expect((await signIn(SECOND)).status).toBe(401);
      expect(await user(['remove', 'ada'])).toMatchObject({ code: 1 });
    } finally {
      await app.stop();
      await store.close();
    }
  });
});
