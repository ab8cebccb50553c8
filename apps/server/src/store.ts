import {
  type ClaimStore,
  createMemoryStore,
  defaultDataDir,
  openEmbeddedStore,
} from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';
import { readDocumentsFile } from './documents.js';

export interface OpenedStore {
  store: ClaimStore;
  /** For the startup line: which store, and where. */
  description: string;
}

/** A database URL without its password, fit for a log line. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** CLAIMSCOPE_DATABASE_POOL_SIZE: 2 connections at least (one listens for other servers' imports). */
export function readPoolSize(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 2 || size > 1000)
    throw new Error(
      `CLAIMSCOPE_DATABASE_POOL_SIZE must be an integer from 2 to 1000 (connections per server, one of them listening for imports), got "${value}"`,
    );
  return size;
}

/**
 * The store the environment asks for: PostgreSQL at CLAIMSCOPE_DATABASE_URL (migrated on open);
 * else the documents of the JSON file CLAIMSCOPE_DOCUMENTS, read-only; else the embedded store:
 * the built-in corpus plus what was imported into the data directory (CLAIMSCOPE_DATA_DIR), in
 * one SQLite file (or, with CLAIMSCOPE_EMBEDDED_STORE=json, the earlier JSON files held in memory).
 */
export async function openStoreFromEnv(env: NodeJS.ProcessEnv): Promise<OpenedStore> {
  const databaseUrl = env.CLAIMSCOPE_DATABASE_URL;
  if (databaseUrl) {
    // Loaded only when asked for, so the embedded default never loads the PostgreSQL driver.
    const poolSize = readPoolSize(env.CLAIMSCOPE_DATABASE_POOL_SIZE);
    const { createPostgresStore } = await import('@claimscope/api/postgres');
    const store = await createPostgresStore({
      connectionString: databaseUrl,
      migrate: true,
      ...(poolSize !== undefined && { poolSize }),
    });
    return { store, description: `PostgreSQL at ${redact(databaseUrl)}` };
  }
  const documentsFile = env.CLAIMSCOPE_DOCUMENTS;
  if (documentsFile) {
    const documents = await readDocumentsFile(documentsFile);
    return { store: createMemoryStore(documents), description: `documents of ${documentsFile}` };
  }
  const dataDir = defaultDataDir(env);
  if (env.CLAIMSCOPE_EMBEDDED_STORE === 'json') {
    const store = await openEmbeddedStore({ dataDir, builtin: loadCorpus() });
    return { store, description: `embedded (JSON files, in memory), data in ${dataDir}` };
  }
  const { openSqliteStore, SQLITE_FILE } = await import('@claimscope/api/sqlite');
  const store = openSqliteStore({ dataDir, builtin: loadCorpus() });
  return { store, description: `embedded (SQLite), data in ${dataDir}/${SQLITE_FILE}` };
}
