import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { type AppRouter, appRouter } from './root.js';
import type { ClaimStore } from './store/claim-store.js';
import { createCallerFactory, createContext } from './trpc.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from './pagination.js';
export * as queries from './queries/index.js';
export { type AppRouter, appRouter } from './root.js';
export type { Highlight, Snippet } from './snippet.js';
export type {
  ClaimStore,
  InArticle,
  SearchableType,
  SearchMatch,
  SearchOptions,
} from './store/claim-store.js';
export { createMemoryStore } from './store/memory-store.js';
export { type Context, createContext, type InputIssue } from './trpc.js';
export type { ClaimView, EntityRef } from './views.js';

/** Input types of every procedure, e.g. `RouterInputs['entity']['list']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Output types of every procedure, e.g. `RouterOutputs['claim']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

const createCallerForRouter = createCallerFactory(appRouter);

/** Calls procedures in-process, with the same validation as over HTTP: `createCaller(store).entity.get({ id })`. */
export function createCaller(store: ClaimStore) {
  return createCallerForRouter(createContext(store));
}
