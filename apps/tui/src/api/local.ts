import {
  type AppRouter,
  appRouter,
  type ClaimStore,
  createContext,
  createMemoryStore,
  openEmbeddedStore,
} from '@claimscope/api';
import { defaultDataDir } from '@claimscope/api/data-folder';
import type { ClaimscopeClient } from '@claimscope/client';
import { loadCorpus } from '@claimscope/corpus/documents';
import { createTRPCClient, type TRPCLink, unstable_localLink } from '@trpc/client';
import { readSettings } from '../config.js';

/**
 * Which store runs in this process: the corpus bundled into the binary alone, or the embedded
 * store (the same one a server uses by default): that corpus plus the documents imported into a
 * data directory (null: the default one, from CLAIMSCOPE_DATA_DIR or the user's data folder).
 */
export type LocalStoreChoice = { kind: 'builtin' } | { kind: 'embedded'; dataDir: string | null };

/**
 * Named imports (not a dynamic import of the whole package) let the bundler leave out what only
 * servers use: the PostgreSQL store.
 */
export async function openLocalStore(choice: LocalStoreChoice): Promise<ClaimStore> {
  const builtin = loadCorpus();
  if (choice.kind === 'builtin') return createMemoryStore(builtin);
  const settings = readSettings(process.env);
  const dataDir = choice.dataDir ?? defaultDataDir(settings.dataDirVariables);
  // The same store as a server's on this folder: SQLite (a native addon, loaded only here), or
  // the earlier JSON files when CLAIMSCOPE_EMBEDDED_STORE=json.
  if (settings.embeddedStore === 'json') return openEmbeddedStore({ dataDir, builtin });
  const { openSqliteStore } = await import('@claimscope/api/sqlite');
  return openSqliteStore({ dataDir, builtin });
}

/** The link that calls the API router in this process, over `store`. */
export function localLink(store: ClaimStore): TRPCLink<AppRouter> {
  const context = createContext(store);
  return unstable_localLink({ router: appRouter, createContext: async () => context });
}

/** A client of the API router in this process, over `store`. */
export function createLocalClient(store: ClaimStore): ClaimscopeClient {
  return createTRPCClient<AppRouter>({ links: [localLink(store)] });
}
