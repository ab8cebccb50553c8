import type { ArticleDocument, EntityKind } from '@claimscope/schema';
import { type AccountStore, createMemoryAccountStore } from '../../accounts/account-store.js';
import { createMemoryDraftStore, type DraftStore } from '../../drafts/draft-store.js';
import { articleDetail } from '../../views/records.js';
import type {
  ArticleVersion,
  ClaimReader,
  ClaimStore,
  ImportOptions,
  StoredDocument,
} from '../claim-store.js';
import {
  DocumentConflictError,
  findConflicts,
  StaleVersionError,
  UNIQUE_COLLECTIONS,
} from '../conflicts.js';
import { contentDigest, type StoredVersion } from '../stored-version.js';
import { buildCorpusIndex, type CorpusIndex, entityRefs } from './corpus-index.js';
import { listArticles } from './queries/articles.js';
import { getClaim, listClaims, listDisagreements } from './queries/claims.js';
import { getEntity, listEntities } from './queries/entities.js';
import { listRelations } from './queries/relations.js';
import { search } from './queries/search.js';
import { getStats } from './queries/stats.js';

export interface MemoryStoreOptions {
  /** Versions imported earlier (e.g. read back from a data directory), applied in order after the documents. */
  imported?: readonly StoredVersion[];
  /**
   * Makes a new version durable before it becomes visible; if it throws, the import fails and
   * nothing changes. Returns false when another process has already stored that version number
   * of the article: the store then takes in what others wrote (`sync`) and tries again.
   */
  persist?: (version: StoredVersion) => Promise<boolean>;
  /**
   * The versions other processes stored since the last call (and every unseen version of
   * `articleId`, when given), for a store whose data others write too. Called before each read
   * and each import; cheap when nothing changed.
   */
  sync?: (articleId?: string) => Promise<StoredVersion[]>;
  /** A token that changes as soon as others store something, before `sync` has taken it in. */
  externalGeneration?: () => string;
  /**
   * Runs one import (taking in others' versions, the conflict checks, `persist`) while no other
   * process imports into the same data, so conflict checks see every article stored.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Where accounts live (the embedded store's file); in memory when absent. */
  accounts?: AccountStore;
  /** Where drafts live (the embedded store's folder); in memory when absent. */
  drafts?: DraftStore;
}

/** Who published a version through review, and when: its document's publication record. */
const publishedOf = (document: ArticleDocument) =>
  document.publication ? { by: document.publication.by, at: document.publication.at } : null;

function toVersionInfo(stored: StoredVersion, current: boolean): ArticleVersion {
  return {
    version: stored.version,
    contentSha256: stored.contentSha256,
    textSha256: stored.document.article.textSha256,
    importedAt: stored.importedAt,
    current,
    published: publishedOf(stored.document),
  };
}

/**
 * Keeps every version of every article in memory and answers queries from indexes over the
 * current versions. An import rebuilds the indexes on the next read, so a bulk import pays once.
 * Throws when the documents contradict each other (an id in two articles, one entity of two kinds).
 */
export function createMemoryStore(
  documents: readonly ArticleDocument[],
  options: MemoryStoreOptions = {},
): ClaimStore {
  /** Versions per article, oldest first; Map order is the order articles joined the corpus. */
  const articles = new Map<string, StoredVersion[]>();
  for (const document of documents) {
    if (articles.has(document.article.id))
      throw new Error(`article id "${document.article.id}" is loaded twice`);
    articles.set(document.article.id, [
      {
        articleId: document.article.id,
        version: 1,
        contentSha256: contentDigest(document),
        importedAt: null,
        document,
      },
    ]);
  }
  for (const stored of options.imported ?? []) {
    const versions = articles.get(stored.articleId) ?? [];
    if (versions.some((v) => v.version === stored.version)) continue;
    versions.push(stored);
    versions.sort((a, b) => a.version - b.version);
    articles.set(stored.articleId, versions);
  }
  const current = (articleId: string) => articles.get(articleId)?.at(-1);
  const currentDocuments = () => [...articles.values()].flatMap((v) => v.at(-1)?.document ?? []);

  let index: CorpusIndex = buildCorpusIndex(currentDocuments());
  let stale = false;
  const read = (): CorpusIndex => {
    if (stale) {
      index = buildCorpusIndex(currentDocuments());
      stale = false;
    }
    return index;
  };

  // Who uses which id, kept up to date on import so conflict checks never need the full index.
  const owners = new Map<string, string>();
  const entityKinds = new Map<string, Map<string, EntityKind>>();
  const track = (doc: ArticleDocument, add: boolean) => {
    const articleId = doc.article.id;
    for (const collection of UNIQUE_COLLECTIONS)
      for (const record of doc[collection]) {
        const key = `${collection}\u0000${record.id}`;
        if (add) owners.set(key, articleId);
        else if (owners.get(key) === articleId) owners.delete(key);
      }
    for (const entity of doc.entities) {
      const kinds = entityKinds.get(entity.id) ?? new Map<string, EntityKind>();
      if (add) kinds.set(articleId, entity.kind);
      else kinds.delete(articleId);
      entityKinds.set(entity.id, kinds);
    }
  };
  for (const doc of currentDocuments()) track(doc, true);

  let generation = 0;
  const listeners = new Set<() => void>();
  let importQueue: Promise<unknown> = Promise.resolve();

  /**
   * Adds a stored version (imported here or by another process), in version order; it becomes
   * current when it is the newest. False when the store already has it.
   */
  const addVersion = (stored: StoredVersion): boolean => {
    const versions = articles.get(stored.articleId) ?? [];
    if (versions.some((v) => v.version === stored.version)) return false;
    const before = versions.at(-1);
    versions.push(stored);
    versions.sort((a, b) => a.version - b.version);
    articles.set(stored.articleId, versions);
    if (versions.at(-1) === stored) {
      if (before) track(before.document, false);
      track(stored.document, true);
    }
    stale = true;
    generation += 1;
    for (const listener of listeners) listener();
    return true;
  };

  // One sync at a time; reads that arrive meanwhile wait for it rather than start another.
  let syncing: Promise<void> | null = null;
  const sync = async (articleId?: string): Promise<void> => {
    if (!options.sync) return;
    while (syncing) await syncing;
    const sync = options.sync;
    syncing = (async () => {
      for (const stored of await sync(articleId)) addVersion(stored);
    })();
    try {
      await syncing;
    } finally {
      syncing = null;
    }
  };

  const importNow = async (
    document: ArticleDocument,
    importOptions: ImportOptions = {},
  ): Promise<StoredDocument> => {
    await sync(document.article.id);
    const articleId = document.article.id;
    const previous = current(articleId);
    const { expectedVersion } = importOptions;
    if (expectedVersion !== undefined && (previous?.version ?? null) !== expectedVersion)
      throw new StaleVersionError(articleId, expectedVersion, previous?.version ?? null);
    const contentSha256 = contentDigest(document);
    if (previous?.contentSha256 === contentSha256)
      return { articleId, status: 'unchanged', version: previous.version };
    const issues = findConflicts(document, {
      ownerOf: (collection, id) => owners.get(`${collection}\u0000${id}`),
      kindOf: (entityId, except) => {
        for (const [owner, kind] of entityKinds.get(entityId) ?? [])
          if (owner !== except) return { kind, articleId: owner };
        return undefined;
      },
    });
    if (issues.length > 0) throw new DocumentConflictError(articleId, issues);
    const stored: StoredVersion = {
      articleId,
      version: (previous?.version ?? 0) + 1,
      contentSha256,
      importedAt: new Date().toISOString(),
      document,
    };
    // Another process took this version number first: take in what it wrote, and decide again.
    if ((await options.persist?.(stored)) === false) return importNow(document, importOptions);
    addVersion(stored);
    return { articleId, status: previous ? 'updated' : 'created', version: stored.version };
  };

  const versionOf = (id: string, version?: number) => {
    const versions = articles.get(id);
    if (!versions) return undefined;
    return version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  };

  const store: ClaimStore = {
    listArticles: async (query) => listArticles(read(), query),
    getArticle: async (id, version) => {
      const stored = versionOf(id, version);
      return stored ? articleDetail(entityRefs(read()), stored.document) : null;
    },
    exportArticle: async (id, version) => versionOf(id, version)?.document ?? null,
    versions: async (articleId) => {
      const versions = articles.get(articleId);
      if (!versions) return null;
      return versions.map((v, i) => toVersionInfo(v, i === versions.length - 1));
    },
    listEntities: async (query) => listEntities(read(), query),
    getEntityDetail: async (id, limits) => getEntity(read(), id, limits),
    listClaims: async (query) => listClaims(read(), query),
    getClaimDetail: async (id) => getClaim(read(), id),
    listDisagreements: async (query) => listDisagreements(read(), query),
    listRelations: async (query) => listRelations(read(), query),
    search: async (query) => search(read(), query),
    stats: async (query) => getStats(read(), query),
    counts: async () => {
      const idx = read();
      return {
        articles: idx.documents().length,
        entities: idx.entities().length,
        mentions: idx.mentions().length,
        claims: idx.claims().length,
        claimLinks: idx.claimLinks().length,
        relations: idx.relations().length,
      };
    },
    importDocument: (document, importOptions) => {
      // One import at a time, so versions and conflict checks see every earlier import.
      const exclusive = options.exclusive ?? ((work) => work());
      const result = importQueue.then(() => exclusive(() => importNow(document, importOptions)));
      importQueue = result.catch(() => undefined);
      return result;
    },
    accounts: options.accounts ?? createMemoryAccountStore(),
    drafts: options.drafts ?? createMemoryDraftStore(),
    generation: () =>
      options.externalGeneration
        ? `${generation}.${options.externalGeneration()}`
        : String(generation),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await importQueue;
    },
  };
  if (!options.sync) return store;
  // Every read first takes in what other processes stored, so nothing they acknowledged is missed.
  const reads = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of READ_METHODS) {
    const answer = reads[method];
    if (answer)
      reads[method] = async (...args) => {
        await sync();
        return answer(...args);
      };
  }
  return store;
}

/** The store's reads: what must first take in the versions other processes stored. */
const READ_METHODS = [
  'listArticles',
  'getArticle',
  'exportArticle',
  'versions',
  'listEntities',
  'getEntityDetail',
  'listClaims',
  'getClaimDetail',
  'listDisagreements',
  'listRelations',
  'search',
  'stats',
  'counts',
] as const satisfies readonly (keyof ClaimReader)[];
