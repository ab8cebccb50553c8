import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountError, changePassword, createAccount, LoginLimiter } from '../accounts/sessions.js';
import { createCaller } from '../index.js';
import type { ClaimStore } from '../store/claim-store.js';
import { failureOf, type StoreFactory } from './contract-helpers.js';

const PASSWORD = 'correct horse battery';
const hour = 60 * 60 * 1000;

/** Accounts and sessions, the same on every store: run from `describeStoreContract`. */
export function describeAccountContract(name: string, createStore: StoreFactory): void {
  describe(`${name}: accounts and sessions`, () => {
    let store: ClaimStore;
    let clock = new Date('2026-11-30T09:00:00Z');
    const cookies: string[] = [];
    const callerWith = (sessionToken: string | null) =>
      createCaller(
        store,
        { sessionToken },
        {
          now: () => clock,
          sessionTtlMs: hour,
          setCookie: (cookie) => cookies.push(cookie),
          loginLimiter: new LoginLimiter({ maxFailures: 3, windowMs: hour, now: () => clock }),
        },
      );
    /** Signs in through the API and gives the session token the cookie carries. */
    const signInAs = async (username: string, password = PASSWORD) => {
      await callerWith(null).session.signIn({ username, password });
      const token = /claimscope_session=([^;]+)/.exec(cookies.at(-1) ?? '')?.[1];
      if (!token) throw new Error('no session cookie was set');
      return token;
    };
    beforeAll(async () => {
      store = await createStore([]);
      await createAccount(store.accounts, { username: 'ada', role: 'editor', password: PASSWORD });
      await createAccount(store.accounts, { username: 'vic', role: 'viewer', password: PASSWORD });
    });
    afterAll(() => store.close());

    it('lists accounts by name with their roles, never their password hashes', async () => {
      const accounts = await store.accounts.listAccounts();
      expect(accounts.map((a) => [a.username, a.role])).toEqual([
        ['ada', 'editor'],
        ['vic', 'viewer'],
      ]);
      expect(JSON.stringify(accounts)).not.toContain('scrypt');
      expect((await store.accounts.findAccount('ada'))?.passwordHash).toMatch(/^scrypt\$/);
    });

    it('refuses a taken username, a bad role and a short password, naming the field', async () => {
      for (const [input, field] of [
        [{ username: 'ada', role: 'editor', password: PASSWORD }, 'username'],
        [{ username: 'bea', role: 'owner', password: PASSWORD }, 'role'],
        [{ username: 'bea', role: 'editor', password: 'short' }, 'password'],
        [{ username: 'Bea Smith', role: 'editor', password: PASSWORD }, 'username'],
      ] as const) {
        const error = await createAccount(store.accounts, input).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AccountError);
        expect((error as Error).message.startsWith(`${field}:`)).toBe(true);
      }
    });

    it('signs in with the right password and knows the session until it expires', async () => {
      const token = await signInAs('ada');
      expect(cookies.at(-1)).toMatch(/HttpOnly; SameSite=Lax; Max-Age=3600$/);
      expect((await callerWith(token).session.me()).account).toMatchObject({
        username: 'ada',
        role: 'editor',
      });
      clock = new Date(clock.getTime() + hour + 1);
      expect((await callerWith(token).session.me()).account).toBeNull();
    });

    it('refuses a wrong password or an unknown name alike, then rate-limits them', async () => {
      for (const username of ['ada', 'nobody']) {
        const error = await failureOf(
          callerWith(null).session.signIn({ username, password: 'wrong password!' }),
        );
        expect(error.code).toBe('UNAUTHORIZED');
        expect(error.message).toBe('the username or password is wrong');
      }
      const limited = createCaller(
        store,
        { clientAddress: '192.0.2.7' },
        {
          now: () => clock,
          loginLimiter: new LoginLimiter({ maxFailures: 2, windowMs: hour, now: () => clock }),
        },
      );
      for (let i = 0; i < 2; i++)
        await failureOf(limited.session.signIn({ username: 'vic', password: 'wrong password!' }));
      const refused = await failureOf(
        limited.session.signIn({ username: 'vic', password: PASSWORD }),
      );
      expect(refused.code).toBe('TOO_MANY_REQUESTS');
    });

    it('signing out ends the session', async () => {
      const token = await signInAs('ada');
      await callerWith(token).session.signOut();
      expect(cookies.at(-1)).toMatch(/^claimscope_session=; .*Max-Age=0/);
      expect((await callerWith(token).session.me()).account).toBeNull();
    });

    it('a new password ends every session of the account; the old password stops working', async () => {
      await createAccount(store.accounts, { username: 'cy', role: 'editor', password: PASSWORD });
      const token = await signInAs('cy');
      await changePassword(store.accounts, 'cy', 'a brand new password');
      expect((await callerWith(token).session.me()).account).toBeNull();
      expect(
        (await failureOf(callerWith(null).session.signIn({ username: 'cy', password: PASSWORD })))
          .code,
      ).toBe('UNAUTHORIZED');
      await signInAs('cy', 'a brand new password');
    });

    it('removing an account ends its sessions', async () => {
      await createAccount(store.accounts, { username: 'dee', role: 'admin', password: PASSWORD });
      const token = await signInAs('dee');
      expect(await store.accounts.removeAccount('dee')).toBe(true);
      expect(await store.accounts.removeAccount('dee')).toBe(false);
      expect((await callerWith(token).session.me()).account).toBeNull();
      expect(await store.accounts.findAccount('dee')).toBeNull();
    });

    it('a viewer may not import; an editor may not either (imports need an admin)', async () => {
      for (const username of ['vic', 'ada']) {
        const token = await signInAs(username);
        const error = await failureOf(callerWith(token).article.import({ documents: [{}] }));
        expect(error.code).toBe('FORBIDDEN');
        expect(error.message).toContain('needs the admin role');
      }
    });
  });
}
