import type { AppRouter, ClaimStore } from '@claimscope/api';
import { defaultDataDir, holdsOnlyBuiltin } from '@claimscope/api/data-folder';
import {
  type ClaimscopeClient,
  createClaimscopeClient,
  type RouterOutputs,
  trpcEndpoint,
} from '@claimscope/client';
import { createTRPCClient } from '@trpc/client';
import { readSettings } from '../config.js';
import { deferredLink } from './deferred-link.js';
import type { LocalStoreChoice } from './local.js';
import { ARTICLE_PAGE } from './queries.js';

/** The built-in corpus's article list as `article.list` gives it, computed at build time. */
declare const BUILTIN_ARTICLES: RouterOutputs['article']['list']['items'];

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
  /** The article list's first page (`ARTICLE_PAGE` articles) as `article.list` gives it; null: ask it. */
  articles(): Promise<RouterOutputs['article']['list'] | null>;
  document(id: string): Promise<RouterOutputs['article']['export'] | null>;
}

export interface Connection {
  client: ClaimscopeClient;
  /** In-process connections only. */
  firstFrame?: FirstFrameSource;
  /** In-process connections only: loads the router and opens the store without waiting. */
  warmUp?: () => void;
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

/**
 * Runs the API router in this process (by default over the corpus bundled into the binary).
 *
 * Nothing is loaded or opened here: the router, its schemas and the store load on the first
 * request (or `warmUp`), so start-up draws the article before paying for them. When the data
 * folder holds nothing imported, the first frame's data comes from the built-in corpus itself:
 * the article list as the store lists it (computed when the binary was built) and the document
 * as bundled, which is what any store answers for that folder.
 */
export async function connectLocal(
  choice: LocalStoreChoice = { kind: 'builtin' },
): Promise<Connection> {
  let opened: Promise<ClaimStore> | null = null;
  // Loaded on demand so that `--api` runs never pay for the router or the store.
  const local = () => import('./local.js');
  const open = () => {
    opened ??= local().then((module) => module.openLocalStore(choice));
    // A store that failed to open is opened again by the next request (`r` in the UI).
    opened.catch(() => {
      opened = null;
    });
    return opened;
  };
  const builtinOnly =
    choice.kind === 'builtin' ||
    holdsOnlyBuiltin(choice.dataDir ?? defaultDataDir(readSettings(process.env).dataDirVariables));
  // A folder with imports is opened now, as before: what it holds decides the first frame, and a
  // folder that cannot be opened stops the program with its reason.
  if (!builtinOnly) await open();
  return {
    client: createTRPCClient<AppRouter>({
      links: [
        deferredLink(async () => {
          const [module, store] = await Promise.all([local(), open()]);
          return module.localLink(store);
        }),
      ],
    }),
    source: { kind: 'local' },
    warmUp: () => void open().catch(() => {}),
    firstFrame: builtinOnly
      ? {
          // One page holds the built-in corpus; were it longer, the API would give the cursor.
          articles: async () =>
            BUILTIN_ARTICLES.length <= ARTICLE_PAGE
              ? { items: BUILTIN_ARTICLES, nextCursor: null, total: BUILTIN_ARTICLES.length }
              : null,
          document: async (id) => {
            const { loadCorpus } = await import('@claimscope/corpus/documents');
            return loadCorpus().find((doc) => doc.article.id === id) ?? null;
          },
        }
      : {
          articles: async () => (await open()).listArticles({ cursor: null, limit: ARTICLE_PAGE }),
          document: async (id) => (await open()).exportArticle(id),
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
