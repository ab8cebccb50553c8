import { type ClaimStore, createMemoryStore, openEmbeddedStore } from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';
import { readStoreSettings, type StoreSettings } from './config.js';
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

/**
 * The store the settings ask for: PostgreSQL at CLAIMSCOPE_DATABASE_URL (migrated on open);
 * else the documents of the JSON file CLAIMSCOPE_DOCUMENTS, read-only; else the embedded store:
 * the built-in corpus plus what was imported into the data directory (CLAIMSCOPE_DATA_DIR), in
 * one SQLite file (or, with CLAIMSCOPE_EMBEDDED_STORE=json, the earlier JSON files held in memory).
 */
export async function openStore(settings: StoreSettings): Promise<OpenedStore> {
  const { databaseUrl, poolSize, documentsFile, dataDir, embeddedStore } = settings;
  if (databaseUrl) {
    // Loaded only when asked for, so the embedded default never loads the PostgreSQL driver.
    const { createPostgresStore } = await import('@claimscope/api/postgres');
    const store = await createPostgresStore({
      connectionString: databaseUrl,
      migrate: true,
      ...(poolSize !== undefined && { poolSize }),
    });
    return { store, description: `PostgreSQL at ${redact(databaseUrl)}` };
  }
  if (documentsFile) {
    const documents = await readDocumentsFile(documentsFile);
    return { store: createMemoryStore(documents), description: `documents of ${documentsFile}` };
  }
  if (embeddedStore === 'json') {
    const store = await openEmbeddedStore({ dataDir, builtin: loadCorpus() });
    return { store, description: `embedded (JSON files, in memory), data in ${dataDir}` };
  }
  const { openSqliteStore, SQLITE_FILE } = await import('@claimscope/api/sqlite');
  const store = openSqliteStore({ dataDir, builtin: loadCorpus() });
  return { store, description: `embedded (SQLite), data in ${dataDir}/${SQLITE_FILE}` };
}

/** `openStore` with the settings of `env`; throws, naming the variable, on a bad one. */
export function openStoreFromEnv(env: NodeJS.ProcessEnv): Promise<OpenedStore> {
  return openStore(readStoreSettings(env));
}
