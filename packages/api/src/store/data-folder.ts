import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// The layout of an embedded store's data folder, in a module of its own (no store code, no
// schemas), so that a program can look at a folder without loading a store.

/** The SQLite store's database file inside a data folder. */
export const SQLITE_FILE = 'claimscope.sqlite';
/** The earlier JSON store's folder of imported versions inside a data folder. */
export const ARTICLES_DIR = 'articles';

/**
 * Where the embedded store keeps imported documents: `CLAIMSCOPE_DATA_DIR`, else
 * `$XDG_DATA_HOME/claimscope`, else `~/.local/share/claimscope`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLAIMSCOPE_DATA_DIR) return env.CLAIMSCOPE_DATA_DIR;
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'claimscope');
}

/**
 * True when nothing was ever imported into `dataDir`: neither store kind has written there, so
 * either serves exactly the built-in corpus (until an import creates one of these files).
 */
export function holdsOnlyBuiltin(dataDir: string): boolean {
  return !existsSync(join(dataDir, SQLITE_FILE)) && !existsSync(join(dataDir, ARTICLES_DIR));
}
