import { timingSafeEqual } from 'node:crypto';
import { findUnstorableText, formatPath } from '@claimscope/schema';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Account, Role } from './accounts/account-store.js';
import {
  DEFAULT_SESSION_TTL_MS,
  LoginLimiter,
  roleAtLeast,
  tokenDigest,
} from './accounts/sessions.js';
import type { ClaimStore } from './store/claim-store.js';

/* 1. Context: the store and who is asking, so the emitted AppRouter type stays free of server internals. */

export interface RequestAccess {
  /** The token that unlocks every write for scripts (CLAIMSCOPE_ADMIN_TOKEN); null: only accounts may write. */
  adminToken: string | null;
  /** The request's `Authorization` header, if any. */
  authorization: string | null;
  /** The session cookie's token, if the request sent one. */
  sessionToken: string | null;
  /** The origin of a request from another site (its `Origin`), which may not write; null otherwise. */
  foreignOrigin: string | null;
  /** Whether the request came over HTTPS, so cookies are `Secure`. */
  secure: boolean;
  /** The client's address, one key of the sign-in rate limit. */
  clientAddress: string;
}
/** @deprecated the name before accounts: see RequestAccess. */
export type AdminAccess = RequestAccess;

/** What a procedure may do to the response and the clock it reads: for sessions. */
export interface SessionControl {
  setCookie(cookie: string): void;
  now(): Date;
  sessionTtlMs: number;
  loginLimiter: LoginLimiter;
}

export interface Context {
  store: ClaimStore;
  access: RequestAccess;
  sessions: SessionControl;
}

const inProcessLimiter = new LoginLimiter();

export function createContext(
  store: ClaimStore,
  access?: Partial<RequestAccess>,
  sessions?: Partial<SessionControl>,
): Context {
  return {
    store,
    access: {
      adminToken: access?.adminToken || null,
      authorization: access?.authorization ?? null,
      sessionToken: access?.sessionToken ?? null,
      foreignOrigin: access?.foreignOrigin ?? null,
      secure: access?.secure ?? false,
      clientAddress: access?.clientAddress ?? 'in-process',
    },
    sessions: {
      setCookie: sessions?.setCookie ?? (() => {}),
      now: sessions?.now ?? (() => new Date()),
      sessionTtlMs: sessions?.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
      loginLimiter: sessions?.loginLimiter ?? inProcessLimiter,
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
      importDocument: (document, options) => store.importDocument(document, options),
      ...(importBatch && { importDocuments: (documents) => importBatch.call(store, documents) }),
      accounts: store.accounts,
      drafts: store.drafts,
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

/**
 * Writes come only from this site (or a configured one): a request another site's page makes
 * with the user's cookie is refused before anything else (CSRF). Sign-in too (login CSRF).
 */
const sameSiteOnly = t.middleware(({ ctx, next }) => {
  const { foreignOrigin } = ctx.access;
  if (foreignOrigin !== null)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `writes from ${foreignOrigin} are refused: only this site's pages may change data`,
    });
  return next();
});
export const sameSiteProcedure = publicProcedure.use(sameSiteOnly);

/**
 * Procedures whose answers depend on who asks (sessions, drafts): outside the public read API,
 * never cached or shared between users.
 */
export const PERSONAL_PROCEDURES = /^(?:session|draft)\./;

/** Who is asking: the admin token (a script), a signed-in account, or nobody. */
export type Requester =
  | { kind: 'token'; role: 'admin' }
  | { kind: 'account'; account: Account; role: Role };

/** The requester of a request, or an UNAUTHORIZED/FORBIDDEN error saying what to send. */
async function requesterOf(ctx: Context, needed: Role): Promise<Requester> {
  const { adminToken, authorization, sessionToken } = ctx.access;
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (presented !== undefined) {
    if (adminToken === null)
      throw new TRPCError({
        code: 'FORBIDDEN',
        message:
          'this server has no CLAIMSCOPE_ADMIN_TOKEN, so scripts are read-only; sign in with an account instead',
      });
    if (!sameToken(presented, adminToken))
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'the bearer token is not the admin token',
      });
    return { kind: 'token', role: 'admin' };
  }
  if (sessionToken !== null) {
    const found = await ctx.store.accounts.findSession(
      tokenDigest(sessionToken),
      ctx.sessions.now(),
    );
    if (!found)
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'your session has expired or was ended: sign in again',
      });
    return { kind: 'account', account: found.account, role: found.account.role };
  }
  throw new TRPCError({
    code: adminToken === null ? 'FORBIDDEN' : 'UNAUTHORIZED',
    message:
      adminToken === null
        ? `sign in with an account that has the ${needed} role (this server has no CLAIMSCOPE_ADMIN_TOKEN, so it is read-only for scripts)`
        : `sign in with an account that has the ${needed} role, or send the admin token as "Authorization: Bearer <token>"`,
  });
}

/** Procedures that need at least `needed`: the origin, then who is asking, then their role. */
function roleCheck(needed: Role) {
  return t.middleware(async ({ ctx, next }) => {
    const requester = await requesterOf(ctx, needed);
    if (!roleAtLeast(requester.role, needed))
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `this needs the ${needed} role; your account "${requester.kind === 'account' ? requester.account.username : ''}" is a ${requester.role}`,
      });
    return next({ ctx: { requester } });
  });
}

/** Procedures that change drafts: an editor or admin account, or the admin token. */
export const editorProcedure = sameSiteProcedure.use(roleCheck('editor'));
/**
 * Procedures that change the store directly (imports): an admin account or the admin token.
 * Without the text-policy middleware: an import refuses such a document alone.
 */
export const adminProcedure = t.procedure.use(sameSiteOnly).use(roleCheck('admin'));
