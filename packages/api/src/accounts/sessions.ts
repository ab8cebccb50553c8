import { createHash, randomBytes } from 'node:crypto';
import {
  type Account,
  type AccountStore,
  publicAccount,
  type Role,
  RoleSchema,
  UsernameSchema,
} from './account-store.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

/** The cookie that carries a signed-in browser's session token. */
export const SESSION_COOKIE = 'claimscope_session';
/** How long a session lasts after signing in: a working day. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** What a session cookie's token is stored as: its sha256, so a stolen store holds no usable token. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** The `Set-Cookie` value for a session: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(maxAgeMs / 1000))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The `Set-Cookie` value that removes the session cookie (signing out). */
export const clearedSessionCookie = (secure: boolean) => sessionCookie('', 0, secure);

/** The value of cookie `name` in a `Cookie` header, or null. */
export function readCookie(header: string | null, name: string): string | null {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || null;
  }
  return null;
}

/** A refusal a user can act on: the command line prints it, the API sends it as BAD_REQUEST. */
export class AccountError extends Error {
  override name = 'AccountError';
}

/** Creates an account; throws AccountError naming what is wrong (username, role, password, taken). */
export async function createAccount(
  accounts: AccountStore,
  input: { username: string; role: string; password: string },
  now: Date = new Date(),
): Promise<Account> {
  const username = UsernameSchema.safeParse(input.username);
  if (!username.success)
    throw new AccountError(`username: ${username.error.issues[0]?.message ?? 'invalid'}`);
  const role = RoleSchema.safeParse(input.role);
  if (!role.success)
    throw new AccountError(`role: "${input.role}" is not one of viewer, editor, admin`);
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError(`password: ${problem}`);
  const account = {
    username: username.data,
    role: role.data,
    createdAt: now.toISOString(),
    passwordHash: await hashPassword(input.password),
  };
  if (!(await accounts.addAccount(account)))
    throw new AccountError(`username: "${username.data}" is taken`);
  return publicAccount(account);
}

/** Sets a new password, which ends the account's sessions; throws AccountError when it cannot. */
export async function changePassword(
  accounts: AccountStore,
  username: string,
  password: string,
): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(`password: ${problem}`);
  if (!(await accounts.setPasswordHash(username, await hashPassword(password))))
    throw new AccountError(`username: there is no account "${username}"`);
}

export interface SignedIn {
  account: Account;
  /** The cookie's token: given to the browser once, stored only as its digest. */
  token: string;
  expiresAt: Date;
}

/** Checks a username and password and starts a session; null when either is wrong (which, is not said). */
export async function signIn(
  accounts: AccountStore,
  credentials: { username: string; password: string },
  options: { now: Date; ttlMs: number },
): Promise<SignedIn | null> {
  const stored = await accounts.findAccount(credentials.username);
  if (!(await verifyPassword(credentials.password, stored?.passwordHash ?? null)) || !stored)
    return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + options.ttlMs);
  await accounts.createSession({
    tokenSha256: tokenDigest(token),
    username: stored.username,
    createdAt: options.now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { account: publicAccount(stored), token, expiresAt };
}

/** Whether `role` may do what `needed` may: admin ⊇ editor ⊇ viewer. */
export const roleAtLeast = (role: Role, needed: Role) =>
  RoleSchema.options.indexOf(role) >= RoleSchema.options.indexOf(needed);

/**
 * Failed sign-ins per username and per client address: after `maxFailures` for one username (or
 * four times as many from one address, which may be an office's shared one) within `windowMs`,
 * further attempts are refused until the window has passed, however right the password.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly options: { maxFailures: number; windowMs: number; now: () => Date };
  constructor(options: Partial<LoginLimiter['options']> = {}) {
    this.options = {
      maxFailures: options.maxFailures ?? 5,
      windowMs: options.windowMs ?? 15 * 60 * 1000,
      now: options.now ?? (() => new Date()),
    };
  }

  private keys(username: string, address: string) {
    const { maxFailures } = this.options;
    return [
      { key: `user:${username}`, max: maxFailures },
      { key: `address:${address}`, max: maxFailures * 4 },
    ];
  }

  private recent(key: string): number[] {
    const since = this.options.now().getTime() - this.options.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Milliseconds until `username` may try again from `address`, or 0 when it may now. */
  retryAfterMs(username: string, address: string): number {
    let wait = 0;
    for (const { key, max } of this.keys(username, address)) {
      const times = this.recent(key);
      if (times.length >= max) {
        const oldest = times[times.length - max] ?? 0;
        wait = Math.max(wait, oldest + this.options.windowMs - this.options.now().getTime());
      }
    }
    return wait;
  }

  recordFailure(username: string, address: string): void {
    const now = this.options.now().getTime();
    for (const { key } of this.keys(username, address))
      this.failures.set(key, [...this.recent(key), now]);
  }
}
