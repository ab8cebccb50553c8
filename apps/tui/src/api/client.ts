import {
  type ClaimscopeClient,
  createClaimscopeClient,
  type RouterOutputs,
  trpcEndpoint,
} from '@claimscope/client';
import type { LocalStoreChoice } from './local.js';

/**
 * One client type for both ways of running: the screens call `client.entity.list.query(…)`
 * and cannot tell whether it crossed HTTP (the published client's batch link) or stayed in
 * this process (tRPC's local link).
 */
export type { ClaimscopeClient, RouterOutputs };

/**
 * What the first frame needs, read straight from an in-process store: the same data the
 * procedures return (they only validate it on the way out), without building tRPC's calls and
 * validating a whole article before anything is on screen. Screens never use it.
 */
export interface FirstFrameSource {
  /** Null when there are more articles than one read returns: ask the API instead. */
  articles(): Promise<RouterOutputs['article']['list']['items'] | null>;
  document(id: string): Promise<RouterOutputs['article']['export'] | null>;
}

export interface Connection {
  client: ClaimscopeClient;
  /** In-process connections only. */
  firstFrame?: FirstFrameSource;
  /** What the header shows: the server URL, or that the corpus is built in. */
  source: { kind: 'remote'; url: string } | { kind: 'local' };
}

/** `url`: the server (`http://host:4000`) or its tRPC endpoint (`http://host:4000/trpc`). */
export function connectRemote(url: string): Connection {
  return {
    client: createClaimscopeClient({ url }),
    source: { kind: 'remote', url: trpcEndpoint(url) },
  };
}

/** Runs the API router in this process (by default over the corpus bundled into the binary). */
export async function connectLocal(
  choice: LocalStoreChoice = { kind: 'builtin' },
): Promise<Connection> {
  // Loaded on demand so that `--api` runs never pay for building the in-memory store.
  const { createLocalClient, openLocalStore } = await import('./local.js');
  const store = await openLocalStore(choice);
  return {
    client: createLocalClient(store),
    source: { kind: 'local' },
    firstFrame: {
      articles: async () => {
        const page = await store.listArticles({ cursor: null, limit: 100 });
        return page.nextCursor === null ? page.items : null;
      },
      document: (id) => store.exportArticle(id),
    },
  };
}

/**
 * The server at `api`; else the router in this process over the embedded store: the built-in
 * corpus plus what was imported into `dataDir` (null: the default data directory).
 */
export function connect(options: {
  api: string | null;
  dataDir: string | null;
}): Promise<Connection> {
  return options.api
    ? Promise.resolve(connectRemote(options.api))
    : connectLocal({ kind: 'embedded', dataDir: options.dataDir });
}
