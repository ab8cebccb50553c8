import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { appRouter, type ClaimStore, createContext } from '@claimscope/api';
import articleDocumentJsonSchema from '@claimscope/schema/json-schema' with { type: 'json' };
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { applyCors } from './cors.js';
import { type Logger, stdoutLogger } from './logger.js';

/** Request bodies above this are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
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
}

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

function healthOf(store: ClaimStore) {
  return {
    status: 'ok',
    counts: {
      articles: store.documents().length,
      entities: store.entities().length,
      mentions: store.mentions().length,
      claims: store.claims().length,
      claimLinks: store.claimLinks().length,
      relations: store.relations().length,
    },
  };
}

/** The claimscope HTTP server: the tRPC API under `/trpc`, `/healthz` and the document JSON Schema. */
export function createServer(options: ServerOptions): ClaimscopeServer {
  const { store, host = '127.0.0.1', port = 4000, logger = stdoutLogger } = options;
  const corsOrigins = new Set(options.corsOrigins ?? []);

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: () => createContext(store),
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: MAX_BATCH_SIZE,
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        logger.error(`error in ${path ?? '(unknown procedure)'}: ${error.stack ?? error.message}`);
    },
  });

  const health = healthOf(store);
  let stopping = false;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
      // While stopping, a keep-alive connection must not outlive its last response.
      if (stopping) server.closeIdleConnections();
    });
    if (stopping) res.setHeader('Connection', 'close');

    if (applyCors(req, res, corsOrigins)) return;
    // Refuse a declared oversized body before reading it; tRPC's maxBodySize covers chunked bodies.
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, {
        error: {
          message: `the request body is larger than the limit of ${MAX_BODY_BYTES} bytes`,
          code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE,
          data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, issues: null },
        },
      });
    }
    if (path.startsWith('/trpc/')) {
      trpcHandler(req, res);
      return;
    }
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/healthz' && isRead) return sendJson(res, 200, health);
    if (path === '/schema/article-document.json' && isRead)
      return sendJson(res, 200, articleDocumentJsonSchema, 'application/schema+json');
    if (path === '/healthz' || path === '/schema/article-document.json')
      return sendJson(res, 405, {
        error: { message: `${req.method} is not allowed on ${path}; use GET` },
      });
    sendJson(res, 404, { error: { message: `nothing at ${path}; the API is under /trpc` } });
  };

  const server = createHttpServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      logger.error(`unhandled error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { message: 'internal server error' } });
      else res.destroy();
    }
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
