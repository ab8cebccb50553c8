import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { type AppRouter, appRouter } from './root.js';
import type { ClaimStore } from './store/claim-store.js';
import {
  createCallerFactory,
  createContext,
  type RequestAccess,
  type SessionControl,
} from './trpc.js';

export {
  type Account,
  type AccountStore,
  createMemoryAccountStore,
  ROLES,
  type Role,
  type Session,
  type StoredAccount,
} from './accounts/account-store.js';
export { MIN_PASSWORD_LENGTH } from './accounts/passwords.js';
export {
  AccountError,
  changePassword,
  createAccount,
  DEFAULT_SESSION_TTL_MS,
  LoginLimiter,
  readCookie,
  SESSION_COOKIE,
} from './accounts/sessions.js';
export type { ArticleSort } from './contracts/articles.js';
export * as contracts from './contracts/index.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './contracts/pagination.js';
export type { ClaimView, EntityRef, Highlight, Snippet } from './contracts/shared.js';
export {
  ExtractArticleInput,
  extractArticle,
  extractArticleFile,
  isArticleFile,
  MAX_EXTRACT_CHARACTERS,
} from './extract.js';
export {
  batchesOf,
  type ImportBatch,
  type ImportOutcome,
  type ImportReport,
  importBatches,
  importDocument,
  importDocuments,
} from './import.js';
export {
  type DocumentCandidate,
  type ImportOne,
  type ImportTotals,
  importCandidates,
  importFiles,
  importPaths,
  readDocumentCandidates,
} from './import-files.js';
export { type AppRouter, appRouter } from './root.js';
export type {
  ArticleVersion,
  ClaimReader,
  ClaimStore,
  CorpusCounts,
  CorpusEntity,
  ImportOptions,
  InArticle,
  SearchableType,
  SearchMatch,
  SearchOptions,
  StoredDocument,
  StoreSnapshot,
} from './store/claim-store.js';
export {
  DocumentConflictError,
  DocumentStoreError,
  findConflicts,
  StaleVersionError,
} from './store/conflicts.js';
export { defaultDataDir } from './store/data-folder.js';
export { openEmbeddedStore } from './store/embedded-store.js';
export { createMemoryStore } from './store/memory/memory-store.js';
export { contentDigest, type StoredVersion } from './store/stored-version.js';
export {
  type AdminAccess,
  type Context,
  createContext,
  type InputIssue,
  PERSONAL_PROCEDURES,
  type RequestAccess,
  type Requester,
  type RequestScope,
  requestScope,
  type SessionControl,
} from './trpc.js';

/** Input types of every procedure, e.g. `RouterInputs['entity']['list']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Output types of every procedure, e.g. `RouterOutputs['claim']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

const createCallerForRouter = createCallerFactory(appRouter);

/** Calls procedures in-process, with the same validation as over HTTP: `createCaller(store).entity.get({ id })`. */
export function createCaller(
  store: ClaimStore,
  access?: Partial<RequestAccess>,
  sessions?: Partial<SessionControl>,
) {
  return createCallerForRouter(createContext(store, access, sessions));
}
export { openApiDocument } from './openapi.js';
export {
  CSV_TABLE_NAMES,
  EXPORT_FORMATS,
  type ExportFormat,
  ExportQuery,
  matchRestRequest,
  parameterName,
  REST_ROUTES,
  type RestMatch,
  type RestRoute,
} from './rest.js';
