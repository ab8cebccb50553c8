import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory, withImportLock } from '../store/folder-lock.js';
import { type AccountData, type AccountStore, accountStoreOver } from './account-store.js';

/** The accounts file of a data folder: readable by its owner only (it holds password hashes). */
export const ACCOUNTS_FILE = 'accounts.json';

/**
 * Accounts and sessions in one JSON file of the data folder. Every read reads the file afresh, so
 * the servers and command lines sharing the folder agree; every change holds the folder's
 * accounts lock and replaces the file whole (a new file renamed over it), so a crash leaves the
 * old file or the new one, never half of either.
 */
export function createFileAccountStore(dataDir: string): AccountStore {
  const path = join(dataDir, ACCOUNTS_FILE);
  const read = async (): Promise<AccountData> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { accounts: [], sessions: [] };
      throw error;
    }
    try {
      return JSON.parse(text) as AccountData;
    } catch (error) {
      throw new Error(
        `cannot read the accounts file ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const write = async (data: AccountData) => {
    const temporary = join(dataDir, `.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(`${JSON.stringify(data, null, 1)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(dataDir);
  };
  return accountStoreOver({
    read,
    change: async (edit) => {
      await mkdir(dataDir, { recursive: true });
      return withImportLock(join(dataDir, 'accounts.lock'), async () => {
        const data = await read();
        const result = edit(data);
        await write(data);
        return result;
      });
    },
  });
}
