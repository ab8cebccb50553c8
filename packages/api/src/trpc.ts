import { timingSafeEqual } from 'node:crypto';
import { findUnstorableText, formatPath } from '@claimscope/schema';
import { initTRPC, TRPCError } from '@trpc/server';
import type { ClaimStore } from './store/claim-store.js';

/* 1. Context: the store and who is asking, so the emitted AppRouter type stays free of server internals. */

export interface AdminAccess {
  /** The token that unlocks mutations (CLAIMSCOPE_ADMIN_TOKEN); null leaves the API read-only. */
  adminToken: string | null;
  /** The request's `Authorization` header, if any. */
  authorization: string | null;
}

export interface Context {
  store: ClaimStore;
  access: AdminAccess;
}

export function createContext(store: ClaimStore, access?: Partial<AdminAccess>): Context {
  return {
    store,
    access: {
      adminToken: access?.adminToken || null,
      authorization: access?.authorization ?? null,
    },
  };
}

/** The store as one request sees it, and what gives back what the request held. */
export interface RequestScope {
  store: ClaimStore;
  /** Ends the request's snapshot; call it once the response is done (also on errors and aborts). */
  release(): Promise<void>;
}

/**
 * Makes every read of one request (all the calls of a batch) see one snapshot: the store's reads
 * go through `store.snapshot()` when it has one (PostgreSQL), started lazily, so a request that
 * reads nothing holds nothing; imports still go to the store. A request of one call reads the
 * store directly: a procedure makes one store call, and each store call reads one snapshot by
 * itself, so a snapshot would only add its BEGIN and COMMIT. The memory and embedded stores
 * have no `snapshot`: they are used as they are.
 */
export function requestScope(store: ClaimStore, calls: number): RequestScope {
  if (!store.snapshot || calls <= 1) return { store, release: async () => {} };
  const { release, ...reads } = store.snapshot();
  const importBatch = store.importDocuments;
  return {
    store: {
      ...reads,
      importDocument: (document) => store.importDocument(document),
      ...(importBatch && { importDocuments: (documents) => importBatch.call(store, documents) }),
      generation: () => store.generation(),
      onChange: (listener) => store.onChange(listener),
      close: () => store.close(),
    },
    release,
  };
}

/* 2. Initialisation */

export interface InputIssue {
  /** Where in the input the problem is, e.g. `limit` or `kind[1]`; empty for the input as a whole. */
  path: string;
  message: string;
}

type IssuePath = readonly (PropertyKey | { key: PropertyKey })[];

/** Input paths as people read them (`kind[1]`); empty for the input as a whole. */
function formatIssuePath(path: IssuePath): string {
  return path.length === 0 ? '' : formatPath(path);
}

interface RawIssue {
  path?: IssuePath;
  message: string;
  code?: string;
  keys?: string[];
  /** For a union: the issues of each branch. */
  errors?: RawIssue[][];
}

/** Flattens one issue into what a user can act on, at the most specific path. */
function toInputIssues(issue: RawIssue, parent: IssuePath = []): InputIssue[] {
  const path = [...parent, ...(issue.path ?? [])];
  // One issue per unknown field, at its own path, so a typo is named where it is.
  if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys))
    return issue.keys.map((key) => ({
      path: formatIssuePath([...path, key]),
      message: 'unknown field',
    }));
  // For "one value or a list", report the branch that got furthest: the one with the deepest issue.
  if (issue.code === 'invalid_union' && Array.isArray(issue.errors) && issue.errors.length > 0) {
    const depth = (branch: RawIssue[]) => Math.max(...branch.map((i) => i.path?.length ?? 0));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    if (depth(best) > 0) return best.flatMap((i) => toInputIssues(i, path));
  }
  return [{ path: formatIssuePath(path), message: issue.message }];
}

/** The validation issues behind an input error (zod via Standard Schema), or null for other errors. */
function inputIssues(cause: unknown): InputIssue[] | null {
  if (typeof cause !== 'object' || cause === null || !('issues' in cause)) return null;
  const { issues } = cause as { issues: unknown };
  if (!Array.isArray(issues)) return null;
  return (issues as RawIssue[]).flatMap((issue) => toInputIssues(issue));
}

const t = initTRPC.context<Context>().create({
  // Stacks never leave the server, whatever NODE_ENV says; input errors list each issue by path.
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    const issues = error.code === 'BAD_REQUEST' ? inputIssues(error.cause) : null;
    return {
      ...shape,
      message: issues
        ? issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')
        : shape.message,
      data: { ...data, issues },
    };
  },
});

/*
 * 3. Procedures. Each makes one store call (requestScope relies on it): a procedure that needs
 * more reads asks the store for them in one method.
 */

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The schema's text policy for query input too: a string holding U+0000 or a lone surrogate is
 * a 400 naming its path, on every store alike (PostgreSQL could not even compare with it).
 * Imports are left to `validateArticleDocument`, which rejects such a document alone.
 */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const issues: InputIssue[] = [];
  findUnstorableText(await getRawInput(), (path, message) =>
    issues.push({ path: formatIssuePath(path), message }),
  );
  if (issues.length > 0)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; '),
    });
  return next();
});

export const publicProcedure = t.procedure.use(refuseUnstorableText);

/** Compares without leaking, through timing, how much of the token was right. */
function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Procedures that change the store: only with `Authorization: Bearer <CLAIMSCOPE_ADMIN_TOKEN>`. */
export const adminProcedure = t.procedure.use(({ ctx, next }) => {
  const { adminToken, authorization } = ctx.access;
  if (adminToken === null)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        'this API is read-only: the server has no CLAIMSCOPE_ADMIN_TOKEN, so nothing can be imported over HTTP',
    });
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!presented || !sameToken(presented, adminToken))
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: presented
        ? 'the bearer token is not the admin token'
        : 'send the admin token as "Authorization: Bearer <token>"',
    });
  return next();
});
