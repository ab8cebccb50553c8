import { z } from 'zod';

/** What an account may do: read (as anyone may), review and publish drafts, or also manage and import. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Lower-case letters, digits, dots, dashes and underscores: a name that is safe in a log line and a path. */
export const UsernameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,39}$/,
    'a username is 2 to 40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

/** An account as anyone but the password check sees it: never with its password hash. */
export const AccountSchema = z.strictObject({
  username: UsernameSchema,
  role: RoleSchema,
  createdAt: z.iso.datetime(),
});
export type Account = z.infer<typeof AccountSchema>;

/** An account with its password hash (see passwords.ts), as a store keeps it. */
export interface StoredAccount extends Account {
  passwordHash: string;
}

/** A signed-in browser: the store keeps only the sha256 of the cookie's token. */
export interface Session {
  tokenSha256: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * Where accounts and sessions live, beside the articles (the same folder or database), so every
 * server sharing a store knows the same editors and the same signed-in browsers.
 */
export interface AccountStore {
  /** False, storing nothing, when the username is taken. */
  addAccount(account: StoredAccount): Promise<boolean>;
  /** Every account, by username. */
  listAccounts(): Promise<Account[]>;
  findAccount(username: string): Promise<StoredAccount | null>;
  /** Removes the account and ends its sessions; false when there was no such account. */
  removeAccount(username: string): Promise<boolean>;
  /** Replaces the password hash and ends the account's sessions; false for an unknown account. */
  setPasswordHash(username: string, passwordHash: string): Promise<boolean>;
  /** Stores a session of an existing account (expired sessions may be dropped meanwhile). */
  createSession(session: Session): Promise<void>;
  /** The session and its account, or null when unknown, expired at `now`, or its account is gone. */
  findSession(
    tokenSha256: string,
    now: Date,
  ): Promise<{ session: Session; account: Account } | null>;
  /** Ends one session (signing out); unknown tokens are ignored. */
  deleteSession(tokenSha256: string): Promise<void>;
}

/** The account without its password hash. */
export const publicAccount = ({ username, role, createdAt }: Account): Account => ({
  username,
  role,
  createdAt,
});

/** Accounts and sessions as one plain value: what the memory store holds and the embedded store's file. */
export interface AccountData {
  accounts: StoredAccount[];
  sessions: Session[];
}

/**
 * An AccountStore over `AccountData`: `change` runs an edit of the data (read afresh, written
 * back whole by the caller's storage), `read` reads it. The memory and embedded stores share it.
 */
export function accountStoreOver(storage: {
  read(): Promise<AccountData>;
  change<T>(edit: (data: AccountData) => T): Promise<T>;
}): AccountStore {
  const live = (session: Session, now: Date) => Date.parse(session.expiresAt) > now.getTime();
  return {
    addAccount: (account) =>
      storage.change((data) => {
        if (data.accounts.some((a) => a.username === account.username)) return false;
        data.accounts.push({ ...account });
        data.accounts.sort((a, b) => a.username.localeCompare(b.username));
        return true;
      }),
    listAccounts: async () => (await storage.read()).accounts.map(publicAccount),
    findAccount: async (username) => {
      const found = (await storage.read()).accounts.find((a) => a.username === username);
      return found ? { ...found } : null;
    },
    removeAccount: (username) =>
      storage.change((data) => {
        const before = data.accounts.length;
        data.accounts = data.accounts.filter((a) => a.username !== username);
        data.sessions = data.sessions.filter((s) => s.username !== username);
        return data.accounts.length < before;
      }),
    setPasswordHash: (username, passwordHash) =>
      storage.change((data) => {
        const account = data.accounts.find((a) => a.username === username);
        if (!account) return false;
        account.passwordHash = passwordHash;
        data.sessions = data.sessions.filter((s) => s.username !== username);
        return true;
      }),
    createSession: (session) =>
      storage.change((data) => {
        if (!data.accounts.some((a) => a.username === session.username))
          throw new Error(`no account "${session.username}" to start a session for`);
        const now = new Date(session.createdAt);
        data.sessions = data.sessions.filter((s) => live(s, now));
        data.sessions.push({ ...session });
      }),
    findSession: async (tokenSha256, now) => {
      const data = await storage.read();
      const session = data.sessions.find((s) => s.tokenSha256 === tokenSha256);
      if (!session || !live(session, now)) return null;
      const account = data.accounts.find((a) => a.username === session.username);
      return account ? { session: { ...session }, account: publicAccount(account) } : null;
    },
    deleteSession: (tokenSha256) =>
      storage.change((data) => {
        data.sessions = data.sessions.filter((s) => s.tokenSha256 !== tokenSha256);
      }),
  };
}

/** Accounts held in memory only: for the memory store (tests, a read-only documents file). */
export function createMemoryAccountStore(): AccountStore {
  let data: AccountData = { accounts: [], sessions: [] };
  return accountStoreOver({
    read: async () => structuredClone(data),
    change: async (edit) => {
      const next = structuredClone(data);
      const result = edit(next);
      data = next;
      return result;
    },
  });
}
