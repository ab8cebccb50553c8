import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  appRouter,
  type ClaimStore,
  createContext,
  DEFAULT_SESSION_TTL_MS,
  LoginLimiter,
  PERSONAL_PROCEDURES,
  type RequestScope,
  readCookie,
  requestScope,
  SESSION_COOKIE,
} from '@claimscope/api';
import { MAX_DOCUMENT_BYTES } from '@claimscope/schema';
import articleDocumentJsonSchema from '@claimscope/schema/json-schema' with { type: 'json' };
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { applyCors, mergeVary } from './cors.js';
import { directQuery } from './direct-query.js';
import { type Logger, stdoutLogger } from './logger.js';
import { type CachedResponse, etagOf, matchesEtag, ResponseCache } from './response-cache.js';
import { createRestHandler } from './rest-api.js';

/**
 * Request bodies above this are refused with 413: room for one document at the size limit every
 * way into the store shares (MAX_DOCUMENT_BYTES, also the CLI's), plus the request's envelope.
 */
export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;
/** Batched calls above this are refused with 400. */
export const MAX_BATCH_SIZE = 10;
/** How long `stop()` waits for in-flight requests before closing their connections. */
const STOP_GRACE_MS = 10_000;

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  store: ClaimStore;
  /** Origins allowed to call from a browser, e.g. `https://claimscope.dev`. */
  corsOrigins?: readonly string[];
  logger?: Logger;
  /** CLAIMSCOPE_ADMIN_TOKEN: requests presenting it as a bearer token may import; null or absent is read-only. */
  adminToken?: string | null;
  /** Serve repeated queries from memory until the store changes (default true). */
  cacheResponses?: boolean;
  /**
   * Origins besides the server's own whose pages may write (sign in, review, publish): the
   * site's, when it is served from another origin. `corsOrigins` are trusted as well.
   */
  siteOrigins?: readonly string[];
  /** How long a session lasts after signing in (default 12 hours). */
  sessionTtlMs?: number;
  /** Failed sign-ins allowed per username and per address within the window (default 5 per 15 minutes). */
  loginLimit?: { maxFailures: number; windowMs: number };
  /** The clock sessions and the sign-in limit read; tests move it instead of waiting. */
  now?: () => Date;
}

/** What tRPC answers queries with. */
const JSON_CONTENT_TYPE = 'application/json';

/**
 * Query responses may be stored by browsers and CDNs but must be revalidated: the ETag makes
 * that a cheap 304 until an import changes the corpus.
 */
export const QUERY_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export interface ClaimscopeServer {
  server: Server;
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

type ErrorCode = keyof typeof TRPC_ERROR_CODES_BY_KEY;

/** An error in tRPC's shape, the one shape of every error this server writes. */
export function errorBody(code: ErrorCode, httpStatus: number, message: string) {
  return {
    error: {
      message,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus, issues: null },
    },
  };
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, errorBody(code, status, message));
}

/** The methods the server answers; anything else gets 405 before tRPC or undici sees it. */
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
/** What `/trpc` responses vary on: CORS, and tRPC's choice between JSON and JSON lines. */
const TRPC_VARY = ['Origin', 'trpc-accept', 'accept'];
/** On every response: never sniff a type other than the one declared; no embedding by other sites. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/**
 * Writes an error response straight to a connection Node's HTTP layer has handed over (CONNECT,
 * or a request its parser refused), in the shape of every other error, then closes it.
 */
function endWithError(socket: Duplex, statusLine: string, [code, message]: [ErrorCode, string]) {
  const body = JSON.stringify(errorBody(code, Number.parseInt(statusLine, 10), message));
  socket.on('error', () => socket.destroy());
  socket.end(
    [
      `HTTP/1.1 ${statusLine}`,
      ...(code === 'METHOD_NOT_SUPPORTED' ? ['Allow: GET, HEAD, POST, OPTIONS'] : []),
      'Content-Type: application/json; charset=utf-8',
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

/** The request target as a normalised path and query (`/trpc/../healthz` is `/healthz`), or null. */
function normalisedTarget(url: string): { path: string; target: string } | null {
  let parsed: URL;
  try {
    parsed = url.startsWith('/') ? new URL(`http://localhost${url}`) : new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return { path: parsed.pathname, target: `${parsed.pathname}${parsed.search}` };
}

/**
 * Lets tRPC write the response while keeping what this server decided: Vary values are added to
 * (never replaced), and a body tRPC leaves typed as text (its errors through a Fetch Response)
 * is declared as the JSON it is.
 */
function keepHeaders(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    const header = name.toLowerCase();
    if (header === 'vary') return setHeader(name, mergeVary(res.getHeader('vary'), value));
    if (header === 'content-type' && /^text\/plain/i.test(String(value)))
      return setHeader(name, JSON_CONTENT_TYPE);
    return setHeader(name, value);
  };
}

async function healthOf(store: ClaimStore) {
  return { status: 'ok', counts: await store.counts() };
}

/**
 * A client of tRPC's streaming link asks for JSON lines (`trpc-accept`, or `application/jsonl`
 * in `Accept`): tRPC's handler answers it, and the answer is never cached for plain clients.
 */
const wantsStream = (req: IncomingMessage) =>
  req.headers['trpc-accept'] !== undefined ||
  (req.headers.accept ?? '').split(',').some((type) => type.trim() === 'application/jsonl');

const headerValue = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : (value ?? null);

/**
 * Procedures whose answers depend on who asks: never served from the response cache, and
 * marked `private, no-store` so no shared cache keeps them either.
 */
const isPrivateQuery = (path: string) =>
  path
    .slice('/trpc/'.length)
    .split(',')
    .some((procedure) => PERSONAL_PROCEDURES.test(procedure));

/**
 * The origin of a request another site's page made, or null for this site's pages and for
 * clients that are not browsers (they send no Origin, and hold no one's cookies). A request
 * through the site's own proxy names the site's host in X-Forwarded-Host: a page of another
 * origin cannot send that header without a CORS preflight, which this server refuses it.
 */
function foreignOriginOf(req: IncomingMessage, trusted: ReadonlySet<string>): string | null {
  const origin = headerValue(req.headers.origin);
  if (origin === null)
    return headerValue(req.headers['sec-fetch-site']) === 'cross-site' ? 'another site' : null;
  if (trusted.has(origin)) return null;
  const hosts = [headerValue(req.headers.host), headerValue(req.headers['x-forwarded-host'])];
  for (const host of hosts)
    if (host !== null && (origin === `http://${host}` || origin === `https://${host}`)) return null;
  return origin;
}

/** Whether the client reached this server (or the proxy in front of it) over HTTPS. */
const isSecure = (req: IncomingMessage) =>
  (req.socket as { encrypted?: boolean }).encrypted === true ||
  headerValue(req.headers['x-forwarded-proto'])?.split(',')[0]?.trim() === 'https';

/** The claimscope HTTP server: the tRPC API under `/trpc`, `/healthz` and the document JSON Schema. */
export function createServer(options: ServerOptions): ClaimscopeServer {
  const { store, host = '127.0.0.1', port = 4000, logger = stdoutLogger } = options;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const adminToken = options.adminToken ?? null;
  const cache = options.cacheResponses === false ? null : new ResponseCache();
  const trustedOrigins = new Set([...(options.siteOrigins ?? []), ...corsOrigins]);
  const now = options.now ?? (() => new Date());
  const sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const loginLimiter = new LoginLimiter({
    ...(options.loginLimit ?? { maxFailures: 5, windowMs: 15 * 60 * 1000 }),
    now,
  });

  const onError = ({
    error,
    path,
  }: {
    error: { code: string; stack?: string; message: string };
    path?: string | undefined;
  }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR')
      logger.error(`error in ${path ?? '(unknown procedure)'}: ${error.stack ?? error.message}`);
  };
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // Every call of a batch reads one snapshot, given back when the response is done or aborted.
    createContext: ({ req, res, info }) => {
      const scope = requestScope(store, info.calls.length);
      res.once('close', () => void scope.release());
      return createContext(
        scope.store,
        {
          adminToken,
          authorization: headerValue(req.headers.authorization),
          sessionToken: readCookie(headerValue(req.headers.cookie), SESSION_COOKIE),
          foreignOrigin: foreignOriginOf(req, trustedOrigins),
          secure: isSecure(req),
          clientAddress: req.socket.remoteAddress ?? 'unknown',
        },
        {
          setCookie: (cookie) => res.appendHeader('Set-Cookie', cookie),
          now,
          sessionTtlMs,
          loginLimiter,
        },
      );
    },
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: MAX_BATCH_SIZE,
    onError,
  });
  const restHandler = createRestHandler({ store, onError, cache });

  /** Writes a cached answer: 304 when the client already has it. */
  const sendCached = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse) => {
    if (matchesEtag(headerValue(req.headers['if-none-match']) ?? undefined, entry.etag)) {
      res.writeHead(304, { ETag: entry.etag, 'Cache-Control': QUERY_CACHE_CONTROL });
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': entry.contentType,
      'Content-Length': entry.body.length,
      ETag: entry.etag,
      'Cache-Control': QUERY_CACHE_CONTROL,
    });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  };

  /**
   * Answers a query from the cache, or computes it once and keeps it for this generation. A hit
   * is answered synchronously: no promise, no tRPC, nothing but the bytes. Without a cache
   * (`cacheResponses: false`) every query is computed, as a miss would be.
   */
  const serveQuery = (req: IncomingMessage, res: ServerResponse) => {
    const key = req.url ?? '/';
    const generation = store.generation();
    const entry = cache?.get(key, generation);
    if (entry !== undefined) return sendCached(req, res, entry);
    return computeQuery(req, res, key, generation);
  };

  const computeQuery = async (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    generation: string,
  ) => {
    const direct = await directQuery(store, key);
    if (direct !== null) {
      const body = Buffer.from(direct);
      const entry = { generation, contentType: JSON_CONTENT_TYPE, body, etag: etagOf(body) };
      cache?.set(key, entry);
      return sendCached(req, res, entry);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, headerValue(value) ?? '');
    // Every call of a batch reads one snapshot, given back once the body is complete.
    let scope: RequestScope | undefined;
    let body: Buffer;
    let response: Response;
    try {
      response = await fetchRequestHandler({
        endpoint: '/trpc',
        req: new Request(`http://localhost${key}`, { method: 'GET', headers }),
        router: appRouter,
        createContext: ({ info }) => {
          scope = requestScope(store, info.calls.length);
          return createContext(scope.store);
        },
        maxBatchSize: MAX_BATCH_SIZE,
        onError,
      });
      body = Buffer.from(await response.arrayBuffer());
    } finally {
      await scope?.release();
    }
    const declared = response.headers.get('content-type');
    const contentType =
      declared === null || /^text\/plain/i.test(declared) ? JSON_CONTENT_TYPE : declared;
    if (response.status !== 200) {
      res.writeHead(response.status, {
        'Content-Type': contentType,
        'Content-Length': body.length,
      });
      res.end(body);
      return;
    }
    const entry = { generation, contentType, body, etag: etagOf(body) };
    cache?.set(key, entry);
    sendCached(req, res, entry);
  };

  let stopping = false;

  /** Answers a request; returns a promise when the answer is asynchronous. */
  const handle = (req: IncomingMessage, res: ServerResponse): unknown => {
    const started = performance.now();
    const normalised = normalisedTarget(req.url ?? '/');
    const path = normalised?.path ?? '(unparsable)';
    res.on('finish', () => {
      const ms = performance.now() - started;
      logger.info(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
      // While stopping, a keep-alive connection must not outlive its last response.
      if (stopping) server.closeIdleConnections();
    });
    if (stopping) res.setHeader('Connection', 'close');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);

    if (normalised === null)
      return sendError(
        res,
        400,
        'BAD_REQUEST',
        'the request target is not a path such as /trpc/stats',
      );
    // tRPC reads req.url: give it the path every other route sees.
    req.url = normalised.target;
    const method = req.method ?? '';
    if (!ALLOWED_METHODS.has(method)) {
      res.setHeader('Allow', 'GET, HEAD, POST, OPTIONS');
      return sendError(
        res,
        405,
        'METHOD_NOT_SUPPORTED',
        `${method} is not a method this API answers`,
      );
    }
    const isTrpc = path.startsWith('/trpc/');
    if (isTrpc) res.setHeader('Vary', mergeVary(...TRPC_VARY));
    if (applyCors(req, res, corsOrigins)) return;
    // Refuse a declared oversized body before reading it; tRPC's maxBodySize covers chunked bodies.
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      res.setHeader('Connection', 'close');
      return sendError(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `the request body is larger than the limit of ${MAX_BODY_BYTES} bytes`,
      );
    }
    const isRead = method === 'GET' || method === 'HEAD';
    if (isTrpc) {
      if (isPrivateQuery(path)) res.setHeader('Cache-Control', 'private, no-store');
      else if (isRead && !wantsStream(req)) return serveQuery(req, res);
      keepHeaders(res);
      trpcHandler(req, res);
      return;
    }
    if (path.startsWith('/api/') || path === '/openapi.json') return restHandler(req, res);
    if (path === '/healthz' && isRead)
      return healthOf(store).then((health) => sendJson(res, 200, health));
    if (path === '/schema/article-document.json' && isRead)
      return sendJson(res, 200, articleDocumentJsonSchema, 'application/schema+json');
    if (path === '/healthz' || path === '/schema/article-document.json') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(
        res,
        405,
        'METHOD_NOT_SUPPORTED',
        `${method} is not allowed on ${path}; use GET`,
      );
    }
    return sendError(res, 404, 'NOT_FOUND', `nothing at ${path}; the API is under /trpc`);
  };

  const fail = (res: ServerResponse, error: unknown) => {
    logger.error(`unhandled error: ${error instanceof Error ? error.stack : String(error)}`);
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
    else res.destroy();
  };
  const server = createHttpServer((req, res) => {
    try {
      const pending = handle(req, res);
      if (pending instanceof Promise) pending.catch((error: unknown) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  });
  // CONNECT asks for a tunnel, which this server never opens: answer, then close.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    logger.info(`CONNECT ${req.url ?? ''} 405`);
    endWithError(socket, '405 Method Not Allowed', [
      'METHOD_NOT_SUPPORTED',
      'CONNECT is not a method this API answers',
    ]);
  });
  // A request Node's parser refuses (a malformed line, headers too large) gets the same shape.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW')
      return endWithError(socket, '431 Request Header Fields Too Large', [
        'BAD_REQUEST',
        'the request headers are larger than the server accepts',
      ]);
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
      return endWithError(socket, '408 Request Timeout', [
        'TIMEOUT',
        'the request took too long to arrive',
      ]);
    endWithError(socket, '400 Bad Request', ['BAD_REQUEST', 'the request is not valid HTTP/1.1']);
  });

  return {
    server,
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ url: `http://${hostname}:${address.port}` });
        });
      }),
    stop: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        stopping = true;
        // Stop accepting, let in-flight requests finish, then drop idle keep-alive connections.
        const force = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
        force.unref();
        server.close((error) => {
          clearTimeout(force);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
