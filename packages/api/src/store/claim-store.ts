import type { ArticleDocument } from '@claimscope/schema';
import type { AccountStore } from '../accounts/account-store.js';
import type { ArticleDetail, ArticleSummary, ListArticlesQuery } from '../contracts/articles.js';
import type {
  ClaimDetail,
  ClaimsPageOf,
  Disagreement,
  DisagreementsQuery,
  ListClaimsQuery,
} from '../contracts/claims.js';
import type {
  EntityDetail,
  EntityDetailLimits,
  EntityListItem,
  ListEntitiesQuery,
} from '../contracts/entities.js';
import type { Page } from '../contracts/pagination.js';
import type { ListRelationsQuery, RelationView } from '../contracts/relations.js';
import type { SearchableType, SearchQuery, SearchResult } from '../contracts/search.js';
import type { ClaimView } from '../contracts/shared.js';
import type { Stats, StatsQuery } from '../contracts/stats.js';
import type { DraftStore } from '../drafts/draft-store.js';
import type { DocumentConflictError } from './conflicts.js';

export type { SearchableType } from '../contracts/search.js';
export type { CorpusEntity, InArticle } from '../contracts/shared.js';

export interface SearchMatch {
  type: SearchableType;
  /** The id of the entity, claim or block. */
  id: string;
  articleId: string;
  score: number;
  /** The indexed terms that matched, as the index normalised them. */
  terms: string[];
}

export interface SearchOptions {
  types: readonly SearchableType[];
  limit: number;
}

/** One stored version of an article. Version 1 is the first the store saw; a changed import adds one. */
export interface ArticleVersion {
  version: number;
  /** sha256 of the document as stored (its canonical JSON): equal content, equal digest. */
  contentSha256: string;
  textSha256: string;
  /** When it was imported; null for the built-in corpus. */
  importedAt: string | null;
  /** True for the version every query reads. */
  current: boolean;
  /** Who published it through review, and when (from the document's `publication`); null if imported. */
  published: { by: string; at: string } | null;
}

/** What importing one valid document did. */
export interface StoredDocument {
  articleId: string;
  /** `unchanged`: the same content is already the current version, and nothing was written. */
  status: 'created' | 'updated' | 'unchanged';
  version: number;
}

/** How an import may be made conditional. */
export interface ImportOptions {
  /**
   * Store only if the article's current version is still this one (null: only if the article is
   * not stored yet), else throw `StaleVersionError` and store nothing. Checked inside the store's
   * write transaction or lock, so two processes can never both store on top of one version.
   */
  expectedVersion?: number | null;
}

/** How many records the current versions hold: the health check shows it. */
export interface CorpusCounts {
  articles: number;
  entities: number;
  mentions: number;
  claims: number;
  claimLinks: number;
  relations: number;
}

/** The questions the API asks of a store. */
export interface ClaimReader {
  /** Filtered by text, counted only up to CLAIM_COUNT_CAP (see `totalIsLowerBound`). */
  listArticles(query: ListArticlesQuery): Promise<ClaimsPageOf<ArticleSummary>>;
  /** The article at `version`, or the current one; null when there is no such article or version. */
  getArticle(id: string, version?: number): Promise<ArticleDetail | null>;
  exportArticle(id: string, version?: number): Promise<ArticleDocument | null>;
  /** Every stored version, oldest first; null for an unknown article. */
  versions(articleId: string): Promise<ArticleVersion[] | null>;

  listEntities(query: ListEntitiesQuery): Promise<Page<EntityListItem>>;
  /** The entity with the first records of each list (see `EntityDetailInput`) and their totals. */
  getEntityDetail(id: string, limits?: EntityDetailLimits): Promise<EntityDetail | null>;

  listClaims(query: ListClaimsQuery): Promise<ClaimsPageOf<ClaimView>>;
  getClaimDetail(id: string): Promise<ClaimDetail | null>;
  /** A page of claim links, in article order and then link order. */
  listDisagreements(query: DisagreementsQuery): Promise<Page<Disagreement>>;

  listRelations(query: ListRelationsQuery): Promise<Page<RelationView>>;
  search(query: SearchQuery): Promise<SearchResult>;
  stats(query: StatsQuery): Promise<Stats>;
  counts(): Promise<CorpusCounts>;
}

/** A reader of one snapshot of the store; `release` (idempotent) gives back what it holds. */
export interface StoreSnapshot extends ClaimReader {
  release(): Promise<void>;
}

/**
 * Where annotated articles live, asked the questions the API asks. Every method answers from one
 * consistent state of the store (one snapshot), so a database can answer each with a few indexed
 * queries. Queries read the current version of each article; earlier versions stay retrievable
 * through `versions`, `getArticle` and `exportArticle`.
 *
 * Entity ids are shared across articles (see CorpusEntity); every other id is unique in the
 * store, so an id alone names a record.
 */
export interface ClaimStore extends ClaimReader {
  /**
   * A reader whose reads all see one snapshot, for the reads of one request (a batched HTTP
   * request is several procedure calls): a database store starts it lazily on the first read and
   * holds one connection until `release`. Stores without it (memory, embedded) swap their whole
   * state at once per import and answer each read from the state current when it starts.
   */
  snapshot?(): StoreSnapshot;

  /**
   * Stores a document that passed `validateArticleDocument`, atomically: after a crash the store
   * holds the whole document or none of it. The same content twice is a no-op; changed content
   * becomes a new current version and keeps the earlier ones. Throws `DocumentConflictError`,
   * and stores nothing, when the document cannot join the corpus (see `findConflicts`).
   */
  importDocument(document: ArticleDocument, options?: ImportOptions): Promise<StoredDocument>;
  /**
   * Stores several documents in order, each as `importDocument` would, so each is still whole or
   * absent after a crash; a database can share one transaction among them. Gives, per document,
   * what was stored or the DocumentConflictError that rejected it (and stored nothing of it).
   * A call may start before the last one finished: calls are written in the order they were made.
   */
  importDocuments?(
    documents: readonly ArticleDocument[],
  ): Promise<(StoredDocument | DocumentConflictError)[]>;

  /** The editors' accounts and sessions, kept beside the articles. */
  accounts: AccountStore;
  /** Articles under review: each editor's drafts and their decisions. */
  drafts: DraftStore;

  /**
   * A token that changes whenever an import changes what queries return; cheap to read, so a
   * response cache can check it on every request.
   */
  generation(): string;
  /** Calls `listener` after the generation changes (an import here or, for a shared database, elsewhere). */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}
