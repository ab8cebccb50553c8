import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { appendFile, link, mkdir, open, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleDocument } from '@claimscope/schema';
import { createFileAccountStore } from '../accounts/file-account-store.js';
import { createFileDraftStore } from '../drafts/file-draft-store.js';
import type { ClaimStore } from './claim-store.js';
import { ARTICLES_DIR } from './data-folder.js';
import { isRunning, syncDirectory, withImportLock } from './folder-lock.js';
import { createMemoryStore } from './memory/memory-store.js';
import type { StoredVersion } from './stored-version.js';

const VERSION_FILE = /^v(\d{6,})\.json$/;
const versionFileName = (version: number) => `v${String(version).padStart(6, '0')}.json`;
/** A temporary file names the process writing it: `.<pid>-<random>.tmp`. */
const TEMPORARY_FILE = /^\.(?:(\d+)-)?[0-9a-f]+\.tmp$/;
/**
 * One line per stored version, `<articleId> <version>`, appended after the version's file is in
 * place: how processes sharing the folder learn what the others stored without reading it all.
 */
const JOURNAL = 'versions.log';

/**
 * Writes `contents` to `path` only if no file is there yet: the whole file or nothing, even after
 * a crash, and never over another process's file. False when `path` was already taken.
 */
async function createFileExclusively(
  path: string,
  dir: string,
  contents: string,
): Promise<boolean> {
  const temporary = join(dir, `.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(contents);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    // A hard link fails if the name exists: two writers can never both claim one version.
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
  await syncDirectory(dir);
  return true;
}

/** The leftovers of a dead process's interrupted write; another process's write in progress stays. */
async function removeLeftovers(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    const pid = Number(TEMPORARY_FILE.exec(name)?.[1] ?? Number.NaN);
    if (pid === process.pid || (Number.isInteger(pid) && isRunning(pid))) continue;
    await rm(join(dir, name), { force: true });
  }
}

async function readVersionFile(path: string): Promise<StoredVersion> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as StoredVersion;
  } catch (error) {
    throw new Error(
      `cannot read the stored article version ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The version files of one article, by number; none when it has no folder. */
async function versionFilesOf(articlesDir: string, articleId: string) {
  const dir = join(articlesDir, articleId);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const files = names.flatMap((name) => {
    const match = VERSION_FILE.exec(name);
    return match ? [{ version: Number(match[1]), path: join(dir, name) }] : [];
  });
  return { dir, names, files };
}

/** Every version stored under `dataDir`, in import order; leftovers of dead writers are removed. */
async function readStoredVersions(dataDir: string): Promise<StoredVersion[]> {
  const articlesDir = join(dataDir, ARTICLES_DIR);
  const articleIds = await readdir(articlesDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const versions: StoredVersion[] = [];
  for (const articleId of articleIds) {
    const { dir, names, files } = await versionFilesOf(articlesDir, articleId);
    await removeLeftovers(dir, names);
    for (const file of files) versions.push(await readVersionFile(file.path));
  }
  return versions.sort(
    (a, b) =>
      (a.importedAt ?? '').localeCompare(b.importedAt ?? '') ||
      a.articleId.localeCompare(b.articleId) ||
      a.version - b.version,
  );
}

export interface EmbeddedStoreOptions {
  /** The data directory (see `defaultDataDir`); created on the first import. */
  dataDir: string;
  /** The built-in corpus, served before anything imported. */
  builtin: readonly ArticleDocument[];
}

/**
 * The store that needs nothing installed: the built-in corpus plus the documents imported into a
 * data directory (one file per article version), held in memory with indexes.
 *
 * Any number of processes (servers, command-line imports) may share one data directory: one
 * import at a time holds the folder's import lock, so conflict checks see every article stored;
 * a version's file is created exclusively, so a version another process stored is never
 * replaced (the import takes that version in and stores the next one); and before every read
 * and import a store takes in the versions others appended to the folder's journal.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<ClaimStore> {
  const articlesDir = join(options.dataDir, ARTICLES_DIR);
  const journal = join(options.dataDir, JOURNAL);
  const journalSize = () => statSync(journal, { throwIfNoEntry: false })?.size ?? 0;

  // Read the journal's length first: whatever is appended while the folder is read is read again.
  let journalRead = journalSize();
  const imported = await readStoredVersions(options.dataDir);
  const known = new Map<string, Set<number>>();
  const remember = (articleId: string, version: number) => {
    const versions = known.get(articleId) ?? new Set<number>();
    versions.add(version);
    known.set(articleId, versions);
  };
  for (const stored of imported) remember(stored.articleId, stored.version);

  /** The article ids named by journal lines appended since the last call. */
  const journalNews = async (): Promise<string[]> => {
    const size = journalSize();
    if (size <= journalRead) return [];
    const file = await open(journal, 'r');
    try {
      const { buffer, bytesRead } = await file.read({
        buffer: Buffer.alloc(size - journalRead),
        position: journalRead,
      });
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      const complete = text.lastIndexOf('\n') + 1; // a line still being appended waits
      journalRead += Buffer.byteLength(text.slice(0, complete));
      return text
        .slice(0, complete)
        .split('\n')
        .flatMap((line) => line.split(' ')[0] || []);
    } finally {
      await file.close();
    }
  };

  const lockPath = join(options.dataDir, 'import.lock');
  /**
   * After a process died holding the import lock, its last version may be on disk but not in the
   * journal: every version file this store does not know is journaled (again), so that every
   * process takes it in. Whoever breaks the lock does it, once per crash.
   */
  const journalOrphans = async () => {
    const articleIds = await readdir(articlesDir).catch(() => [] as string[]);
    for (const articleId of articleIds) {
      const { files } = await versionFilesOf(articlesDir, articleId);
      const unknown = files.filter((file) => !known.get(articleId)?.has(file.version));
      if (unknown.length > 0)
        await appendFile(journal, unknown.map((file) => `${articleId} ${file.version}\n`).join(''));
    }
  };

  return createMemoryStore(options.builtin, {
    imported,
    accounts: createFileAccountStore(options.dataDir),
    drafts: createFileDraftStore(options.dataDir),
    exclusive: async (work) => {
      await mkdir(options.dataDir, { recursive: true });
      return withImportLock(lockPath, async (brokeStaleLock) => {
        if (brokeStaleLock) await journalOrphans();
        return work();
      });
    },
    externalGeneration: () => String(journalSize()),
    sync: async (articleId) => {
      const articleIds = new Set(await journalNews());
      if (articleId !== undefined) articleIds.add(articleId);
      const found: StoredVersion[] = [];
      for (const id of articleIds) {
        const { files } = await versionFilesOf(articlesDir, id);
        for (const file of files.sort((a, b) => a.version - b.version)) {
          if (known.get(id)?.has(file.version)) continue;
          found.push(await readVersionFile(file.path));
          remember(id, file.version);
        }
      }
      return found;
    },
    persist: async (stored) => {
      const dir = join(articlesDir, stored.articleId);
      await mkdir(dir, { recursive: true });
      const path = join(dir, versionFileName(stored.version));
      if (!(await createFileExclusively(path, dir, JSON.stringify(stored)))) return false;
      remember(stored.articleId, stored.version);
      // One short append is atomic: readers see whole lines (and wait for a partial one).
      await appendFile(journal, `${stored.articleId} ${stored.version}\n`);
      return true;
    },
  });
}
