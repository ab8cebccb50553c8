import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ArticleDocument } from '@claimscope/schema';
import type { ClaimStore } from './claim-store.js';
import { createMemoryStore, type StoredVersion } from './memory-store.js';

/**
 * Where the embedded store keeps imported documents: `CLAIMSCOPE_DATA_DIR`, else
 * `$XDG_DATA_HOME/claimscope`, else `~/.local/share/claimscope`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLAIMSCOPE_DATA_DIR) return env.CLAIMSCOPE_DATA_DIR;
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'claimscope');
}

const VERSION_FILE = /^v(\d{6,})\.json$/;
const versionFileName = (version: number) => `v${String(version).padStart(6, '0')}.json`;

/** Writes a file so that a crash leaves either the old state or the whole new file, never part of it. */
async function writeFileAtomically(path: string, dir: string, contents: string): Promise<void> {
  const temporary = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(contents);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  // The rename itself must survive a power cut: sync the directory entry.
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** Every version stored under `dataDir`, in import order; leftovers of interrupted writes are removed. */
async function readStoredVersions(dataDir: string): Promise<StoredVersion[]> {
  const articlesDir = join(dataDir, 'articles');
  const articleIds = await readdir(articlesDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const versions: StoredVersion[] = [];
  for (const articleId of articleIds) {
    const dir = join(articlesDir, articleId);
    for (const name of await readdir(dir)) {
      if (name.endsWith('.tmp')) {
        await rm(join(dir, name), { force: true });
        continue;
      }
      if (!VERSION_FILE.test(name)) continue;
      const path = join(dir, name);
      try {
        versions.push(JSON.parse(await readFile(path, 'utf8')) as StoredVersion);
      } catch (error) {
        throw new Error(
          `cannot read the stored article version ${path}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
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
 * data directory (one file per article version, written atomically), held in memory with indexes.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<ClaimStore> {
  const imported = await readStoredVersions(options.dataDir);
  return createMemoryStore(options.builtin, {
    imported,
    persist: async (stored) => {
      const dir = join(options.dataDir, 'articles', stored.articleId);
      await mkdir(dir, { recursive: true });
      await writeFileAtomically(
        join(dir, versionFileName(stored.version)),
        dir,
        JSON.stringify(stored),
      );
    },
  });
}
