import { appRouter, createAccount, createMemoryStore } from '@claimscope/api';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';
import { type Json, readJson } from './json.js';

/*
 * Who may write, over real HTTP: every write procedure of the router is refused without a
 * session, to a viewer, from a foreign origin and with an expired session; passwords never
 * leave in a response or a log line.
 */

const ADMIN_TOKEN = 'an-admin-token-for-scripts';
const PASSWORDS = {
  ada: 'ada-admin-passphrase',
  ed: 'ed-editor-passphrase',
  vic: 'vic-viewer-passphrase',
} as const;
const HOUR = 60 * 60 * 1000;
let clock = new Date('2026-11-30T09:00:00Z');
const lines: string[] = [];
const bodies: string[] = [];
const store = createMemoryStore([]);
const app = createServer({
  port: 0,
  store,
  adminToken: ADMIN_TOKEN,
  logger: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
  sessionTtlMs: HOUR,
  loginLimit: { maxFailures: 3, windowMs: HOUR },
  now: () => clock,
});
let base = '';

/** Procedures open to anyone though they are mutations: signing in and out, and extraction (stores nothing). */
const OPEN_MUTATIONS = new Set(['session.signIn', 'session.signOut', 'article.extract']);
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } }
>;
const WRITES = Object.keys(procedures).filter(
  (path) => procedures[path]?._def.type === 'mutation' && !OPEN_MUTATIONS.has(path),
);

async function post(path: string, input: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Json };
}

/** Signs in and gives the `Cookie` header the browser would send back. */
async function signIn(username: keyof typeof PASSWORDS, headers: Record<string, string> = {}) {
  const { status, headers: responseHeaders } = await post(
    'session.signIn',
    { username, password: PASSWORDS[username] },
    { origin: base, ...headers },
  );
  expect(status).toBe(200);
  const cookie = responseHeaders.get('set-cookie') ?? '';
  return { cookie: cookie.split(';')[0] ?? '', setCookie: cookie };
}

beforeAll(async () => {
  base = (await app.start()).url;
  await createAccount(store.accounts, { username: 'ada', role: 'admin', password: PASSWORDS.ada });
  await createAccount(store.accounts, { username: 'ed', role: 'editor', password: PASSWORDS.ed });
  await createAccount(store.accounts, { username: 'vic', role: 'viewer', password: PASSWORDS.vic });
});
afterAll(() => app.stop());

describe('sessions over HTTP', () => {
  it('signing in sets an HttpOnly, SameSite=Lax cookie with an expiry, Secure behind HTTPS', async () => {
    const { setCookie } = await signIn('ed');
    expect(setCookie).toMatch(
      /^claimscope_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3600$/,
    );
    const secure = await signIn('ed', { 'x-forwarded-proto': 'https' });
    expect(secure.setCookie).toMatch(/; Secure$/);
  });

  it('session.me names the account of each browser, and is never cached', async () => {
    const ed = await signIn('ed');
    const vic = await signIn('vic');
    for (const [cookie, username] of [
      [ed.cookie, 'ed'],
      [vic.cookie, 'vic'],
      ['', null],
    ] as const) {
      const response = await fetch(`${base}/trpc/session.me`, { headers: { cookie } });
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const body = await readJson(response);
      expect(body.result.data.account?.username ?? null).toBe(username);
    }
  });

  it('a wrong password is refused without saying which part was wrong; then sign-in is rate-limited', async () => {
    for (let i = 0; i < 3; i++) {
      const { status, body } = await post(
        'session.signIn',
        { username: 'vic', password: 'not-the-password' },
        { origin: base },
      );
      expect(status).toBe(401);
      expect(body.error.message).toBe('the username or password is wrong');
    }
    const limited = await post('session.signIn', { username: 'vic', password: PASSWORDS.vic });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/too many failed sign-ins/);
    clock = new Date(clock.getTime() + HOUR + 1000); // the window passes, and with it the limit
    await signIn('vic');
  });

  it('signing in from another site is refused (login CSRF)', async () => {
    const { status, body } = await post(
      'session.signIn',
      { username: 'ed', password: PASSWORDS.ed },
      { origin: 'https://evil.example' },
    );
    expect(status).toBe(403);
    expect(body.error.message).toContain('https://evil.example');
  });

  it('signing out ends the session: its cookie no longer writes', async () => {
    const { cookie } = await signIn('ada');
    const out = await post('session.signOut', {}, { cookie, origin: base });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^claimscope_session=; .*Max-Age=0/);
    const after = await post('article.import', { documents: [{}] }, { cookie, origin: base });
    expect(after.status).toBe(401);
  });
});

describe('every write procedure checks the role on the API', () => {
  it('knows the write procedures (article.import at least)', () => {
    expect(WRITES).toContain('article.import');
  });

  it.each(WRITES)('%s: refused without a session', async (path) => {
    expect((await post(path, {}, { origin: base })).status).toBe(401);
  });

  it.each(WRITES)('%s: refused to a viewer', async (path) => {
    const { cookie } = await signIn('vic');
    const { status, body } = await post(path, {}, { cookie, origin: base });
    expect(status).toBe(403);
    expect(body.error.message).toMatch(/needs the (editor|admin) role/);
  });

  it.each(WRITES)('%s: refused from a foreign origin, even to an admin', async (path) => {
    const { cookie } = await signIn('ada');
    for (const headers of [
      { cookie, origin: 'https://evil.example' },
      { cookie, origin: 'null' },
      { cookie, 'sec-fetch-site': 'cross-site' },
    ] as Record<string, string>[]) {
      const { status, body } = await post(path, {}, headers);
      expect(status).toBe(403);
      expect(body.error.message).toMatch(/^writes from .* are refused/);
    }
  });

  it.each(WRITES)('%s: refused once the session has expired', async (path) => {
    const { cookie } = await signIn('ada');
    clock = new Date(clock.getTime() + HOUR + 1000);
    const { status, body } = await post(path, {}, { cookie, origin: base });
    expect(status).toBe(401);
    expect(body.error.message).toContain('sign in again');
  });

  it('an admin session from this site imports; so does the admin token from a script', async () => {
    const { cookie } = await signIn('ada');
    const bySession = await post(
      'article.import',
      { documents: [makeFixtureDocument('by-session')] },
      { cookie, origin: base },
    );
    expect(bySession.status).toBe(200);
    expect(bySession.body.result.data.stored).toBe(1);
    const byToken = await post(
      'article.import',
      { documents: [makeFixtureDocument('by-token')] },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(byToken.status).toBe(200);
  });
});

describe('passwords', () => {
  it('never appear in a response or a log line', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const password of Object.values(PASSWORDS))
      for (const text of [...bodies, ...lines]) expect(text).not.toContain(password);
    for (const text of [...bodies, ...lines]) expect(text).not.toContain('scrypt$');
  });
});
