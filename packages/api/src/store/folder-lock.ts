import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';

/*
 * Files shared by the processes using one data folder: a lock that a dead holder cannot keep,
 * and directory syncs, used by the articles' imports and the accounts file.
 */

/** Syncs a directory, so that a new entry in it survives a power cut. */
export async function syncDirectory(dir: string): Promise<void> {
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** True when the process `pid` is still running (on this machine). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long an import waits for another process's import before giving up. */
const LOCK_WAIT_MS = 60_000;

/**
 * Runs `work` while holding the data folder's import lock: a file created exclusively, naming
 * its holder's pid, removed afterwards. A lock whose holder died (killed mid-import) is broken.
 */
export async function withImportLock<T>(
  lockPath: string,
  work: (brokeStaleLock: boolean) => Promise<T>,
): Promise<T> {
  let brokeStaleLock = false;
  const token = `${process.pid} ${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(lockPath, 'wx');
      try {
        await file.writeFile(token);
      } finally {
        await file.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(lockPath, 'utf8').catch(() => null);
    const pid = Number(holder?.split(' ')[0]);
    const abandoned =
      holder === ''
        ? // Created but never written: its creator died at once.
          ((await stat(lockPath).catch(() => null))?.mtimeMs ?? Date.now()) < Date.now() - 10_000
        : holder !== null && Number.isInteger(pid) && pid > 0 && !isRunning(pid);
    if (abandoned) {
      // Move the stale lock aside first: of several processes breaking it, one succeeds.
      const aside = `${lockPath}.${token.replace(' ', '-')}.stale`;
      if (
        await rename(lockPath, aside).then(
          () => true,
          () => false,
        )
      ) {
        const moved = await readFile(aside, 'utf8').catch(() => null);
        // A live holder's lock taken in the meantime goes back (unless a new one is there).
        if (moved !== holder) await link(aside, lockPath).catch(() => undefined);
        else brokeStaleLock = true;
        await rm(aside, { force: true });
      }
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `another process (${holder ?? 'unknown'}) has held the import lock ${lockPath} for more than ${LOCK_WAIT_MS / 1000} s`,
      );
    await new Promise((resolve) => setTimeout(resolve, Math.min(2 + attempt * 2, 50)));
  }
  try {
    return await work(brokeStaleLock);
  } finally {
    if ((await readFile(lockPath, 'utf8').catch(() => null)) === token)
      await rm(lockPath, { force: true });
  }
}
