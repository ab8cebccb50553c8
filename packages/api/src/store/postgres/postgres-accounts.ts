import type pg from 'pg';
import type { Account, AccountStore, Role, Session } from '../../accounts/account-store.js';

interface AccountRow {
  username: string;
  role: Role;
  password_hash: string;
  created_at: Date;
}

const toAccount = (row: AccountRow): Account => ({
  username: row.username,
  role: row.role,
  createdAt: row.created_at.toISOString(),
});

/** Accounts and sessions in the `accounts` and `sessions` tables (migration 008). */
export function postgresAccountStore(pool: pg.Pool): AccountStore {
  return {
    addAccount: async (account) => {
      const { rowCount } = await pool.query(
        `INSERT INTO accounts (username, role, password_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (username) DO NOTHING`,
        [account.username, account.role, account.passwordHash, account.createdAt],
      );
      return rowCount === 1;
    },
    listAccounts: async () => {
      const { rows } = await pool.query<AccountRow>(
        'SELECT username, role, password_hash, created_at FROM accounts ORDER BY username COLLATE "C"',
      );
      return rows.map(toAccount);
    },
    findAccount: async (username) => {
      const { rows } = await pool.query<AccountRow>(
        'SELECT username, role, password_hash, created_at FROM accounts WHERE username = $1',
        [username],
      );
      const row = rows[0];
      return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
    },
    removeAccount: async (username) => {
      // The account's sessions go with it (ON DELETE CASCADE).
      const { rowCount } = await pool.query('DELETE FROM accounts WHERE username = $1', [username]);
      return rowCount === 1;
    },
    setPasswordHash: async (username, passwordHash) => {
      const { rows } = await pool.query<{ updated: boolean }>(
        `WITH updated AS (UPDATE accounts SET password_hash = $2 WHERE username = $1 RETURNING username),
              ended AS (DELETE FROM sessions WHERE username IN (SELECT username FROM updated))
         SELECT EXISTS (SELECT 1 FROM updated) AS updated`,
        [username, passwordHash],
      );
      return rows[0]?.updated === true;
    },
    createSession: async (session: Session) => {
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [session.createdAt]);
      try {
        await pool.query(
          'INSERT INTO sessions (token_sha256, username, created_at, expires_at) VALUES ($1, $2, $3, $4)',
          [session.tokenSha256, session.username, session.createdAt, session.expiresAt],
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23503')
          throw new Error(`no account "${session.username}" to start a session for`);
        throw error;
      }
    },
    findSession: async (tokenSha256, now) => {
      const { rows } = await pool.query<
        AccountRow & { token_sha256: string; session_created_at: Date; expires_at: Date }
      >(
        `SELECT s.token_sha256, s.created_at AS session_created_at, s.expires_at,
                a.username, a.role, a.password_hash, a.created_at
           FROM sessions s JOIN accounts a USING (username)
          WHERE s.token_sha256 = $1 AND s.expires_at > $2`,
        [tokenSha256, now.toISOString()],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        session: {
          tokenSha256: row.token_sha256,
          username: row.username,
          createdAt: row.session_created_at.toISOString(),
          expiresAt: row.expires_at.toISOString(),
        },
        account: toAccount(row),
      };
    },
    deleteSession: async (tokenSha256) => {
      await pool.query('DELETE FROM sessions WHERE token_sha256 = $1', [tokenSha256]);
    },
  };
}
