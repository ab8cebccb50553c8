import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  appRouter,
  type ClaimStore,
  contracts,
  createContext,
  ExportQuery,
  matchRestRequest,
  openApiDocument,
  type RequestScope,
  requestScope,
} from '@claimscope/api';
import {
  csvHeader,
  csvRows,
  exportCorpus,
  exportDocument,
  exportFileInfo,
} from '@claimscope/formats';
import { type ArticleDocument, formatPath } from '@claimscope/schema';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { z } from 'zod';
import { directQuery } from './direct-query.js';
import { type CachedResponse, etagOf, matchesEtag, type ResponseCache } from './response-cache.js';

/** The same caching as `/trpc` queries: stored, revalidated by ETag until an import. */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

type ErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'METHOD_NOT_SUPPORTED';
const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
};

/** An error in the shape tRPC gives its errors, so a client reads `/api` and `/trpc` failures alike. */
function errorBody(
  code: ErrorCode,
  message: string,
  issues: { path: string; message: string }[] | null = null,
) {
  return Buffer.from(
    JSON.stringify({
      error: {
        message,
        code: TRPC_ERROR_CODES_BY_KEY[code],
        data: { code, httpStatus: HTTP_STATUS[code], issues },
      },
    }),
  );
}

/** What a route answers before it is cached and sent. */
interface Answer {
  status: number;
  body: Buffer;
  contentType: string;
  /** Extra headers kept with the cached answer (a download's Content-Disposition). */
  headers?: Record<string, string>;
}

const DATA_PREFIX = '{"result":{"data":';

export interface RestHandlerOptions {
  store: ClaimStore;
  /** The server's response cache (keys are URLs, so `/api` and `/trpc` share its bound); null for none. */
  cache: ResponseCache | null;
  onError: (opts: {
    error: { code: string; stack?: string; message: string };
    path?: string | undefined;
  }) => void;
}

/**
 * The plain read API: `GET /api/<…>` for every read procedure, `GET /api/articles/<id>/export`
 * and `GET /api/export` downloads, and `GET /openapi.json`. Procedures are called as `/trpc`
 * calls them (the same validation, limits and error bodies); answers are cached per URL until
 * the store changes, with the same ETag and Cache-Control. Corpus downloads are streamed and
 * never held whole.
 */
export function createRestHandler(options: RestHandlerOptions) {
  const { store, onError } = options;
  const { cache } = options;
  let openApi: Buffer | null = null;

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    entry: Omit<CachedResponse, 'generation'>,
    headers: Record<string, string> = {},
  ) => {
    if (matchesEtag(firstHeader(req.headers['if-none-match']), entry.etag)) {
      res.writeHead(304, { ETag: entry.etag, 'Cache-Control': CACHE_CONTROL, ...headers });
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': entry.contentType,
      'Content-Length': entry.body.length,
      ETag: entry.etag,
      'Cache-Control': CACHE_CONTROL,
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  };
  const sendError = (res: ServerResponse, status: number, body: Buffer) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  };

  /** Calls the procedure through tRPC's own URL form; errors come back exactly as `/trpc` words them. */
  const callProcedure = async (procedure: string, input: unknown): Promise<Answer> => {
    const url = `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const direct = await directQuery(store, url);
    // `{"result":{"data":…}}` → the data alone: a plain API answers with what was asked for.
    if (direct?.startsWith(DATA_PREFIX)) {
      const data = direct.slice(DATA_PREFIX.length, -2);
      return { status: 200, body: Buffer.from(data), contentType: 'application/json' };
    }
    let scope: RequestScope | undefined;
    try {
      const response = await fetchRequestHandler({
        endpoint: '/trpc',
        req: new Request(`http://localhost${url}`, { method: 'GET' }),
        router: appRouter,
        createContext: ({ info }) => {
          scope = requestScope(store, info.calls.length);
          return createContext(scope.store);
        },
        onError,
      });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status === 200) {
        const parsed = JSON.parse(body.toString('utf8')) as { result: { data: unknown } };
        return {
          status: 200,
          body: Buffer.from(JSON.stringify(parsed.result.data)),
          contentType: 'application/json',
        };
      }
      return {
        status: response.status,
        body,
        contentType: response.headers.get('content-type') ?? 'application/json',
      };
    } finally {
      await scope?.release();
    }
  };

  const downloadHeaders = new WeakMap<CachedResponse, Record<string, string>>();
  const headersOf = (entry: CachedResponse) => downloadHeaders.get(entry) ?? {};

  /** Answers from the cache, or computes, caches (successes only) and sends. */
  const cached = async (
    req: IncomingMessage,
    res: ServerResponse,
    compute: () => Promise<Answer>,
  ) => {
    const key = req.url ?? '/';
    const generation = store.generation();
    const hit = cache?.get(key, generation);
    if (hit) return send(req, res, hit, headersOf(hit));
    const { status, body, contentType, headers } = await compute();
    if (status !== 200) return sendError(res, status, body);
    const entry = { generation, contentType, body, etag: etagOf(body) };
    if (headers) downloadHeaders.set(entry, headers);
    cache?.set(key, entry);
    send(req, res, entry, headers);
  };

  const exportArticle = async (
    articleId: string,
    request: Record<string, unknown>,
  ): Promise<Answer> => {
    const parsed = ExportQuery.safeParse(request);
    if (!parsed.success) return badExport(parsed.error.issues);
    const { format, table, version } = parsed.data;
    const doc = await store.exportArticle(articleId, version);
    if (!doc)
      return {
        status: 404,
        contentType: 'application/json',
        body: errorBody(
          'NOT_FOUND',
          version === undefined
            ? `no article with id "${articleId}"`
            : `no version ${version} of article "${articleId}" (see /api/articles/${articleId}/versions)`,
        ),
      };
    const file = exportDocument(doc, format, { table });
    const info = exportFileInfo(format, articleId, { table });
    return {
      status: 200,
      contentType: info.contentType,
      body: Buffer.from(file),
      headers: { 'Content-Disposition': `attachment; filename="${info.fileName}"` },
    };
  };

  /** A 400 naming each bad parameter, an unknown one at its own name, as `/trpc` does. */
  const badExport = (issues: readonly z.core.$ZodIssue[]): Answer => {
    const list = issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((key) => ({ path: key, message: 'unknown field' }))
        : [{ path: i.path.length === 0 ? '' : formatPath(i.path), message: i.message }],
    );
    return {
      status: 400,
      contentType: 'application/json',
      body: errorBody(
        'BAD_REQUEST',
        list.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; '),
        list,
      ),
    };
  };

  /** Every document of the corpus, one at a time, read page by page. */
  async function* corpusDocuments(): AsyncGenerator<ArticleDocument> {
    let cursor: string | null = null;
    do {
      const page = await store.listArticles(
        contracts.ListArticlesInput.parse({ limit: 100, cursor }),
      );
      for (const summary of page.items) {
        const doc = await store.exportArticle(summary.id);
        if (doc) yield doc;
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  const exportWholeCorpus = async (
    req: IncomingMessage,
    res: ServerResponse,
    request: Record<string, unknown>,
  ) => {
    const parsed = ExportQuery.omit({ version: true }).safeParse(request);
    if (!parsed.success) {
      const { status, body } = badExport(parsed.error.issues);
      return sendError(res, status, body);
    }
    const { format, table } = parsed.data;
    // Not held in memory, so not cached: the ETag names the corpus generation and the request.
    const etag = etagOf(Buffer.from(`${store.generation()} ${req.url}`));
    const info = exportFileInfo(format, 'claimscope-corpus', { table });
    const headers = {
      ETag: etag,
      'Cache-Control': CACHE_CONTROL,
      'Content-Disposition': `attachment; filename="${info.fileName}"`,
    };
    if (matchesEtag(firstHeader(req.headers['if-none-match']), etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': info.contentType, ...headers });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    let closed = false;
    res.once('close', () => {
      closed = true;
    });
    for await (const chunk of exportCorpus(corpusDocuments(), format, { table })) {
      if (closed) return;
      if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  };

  /**
   * The claims `/api/claims?…` lists with these filters, every page, as one CSV table in the
   * list's order: what a filtered list on the web site shows, for a spreadsheet.
   */
  const exportClaims = async (request: Record<string, unknown>): Promise<Answer> => {
    const { cursor: _cursor, limit: _limit, ...filters } = request;
    const claims: { id: string; articleId: string }[] = [];
    let cursor: string | null = null;
    do {
      const parsed = contracts.ListClaimsInput.safeParse({ ...filters, limit: 100, cursor });
      if (!parsed.success) return badExport(parsed.error.issues);
      const page = await store.listClaims(parsed.data);
      claims.push(...page.items.map((c) => ({ id: c.id, articleId: c.articleId })));
      cursor = page.nextCursor;
    } while (cursor !== null);
    let csv = csvHeader('claims');
    // The list reads article by article, so each run of one article's claims is written in turn.
    for (let start = 0; start < claims.length; ) {
      const articleId = claims[start]?.articleId as string;
      let end = start;
      while (end < claims.length && claims[end]?.articleId === articleId) end++;
      const doc = await store.exportArticle(articleId);
      if (doc)
        csv += csvRows(doc, 'claims', {
          claimIds: claims.slice(start, end).map((c) => c.id),
        });
      start = end;
    }
    const info = exportFileInfo('csv', 'claimscope-filtered', { table: 'claims' });
    return {
      status: 200,
      contentType: info.contentType,
      body: Buffer.from(csv),
      headers: { 'Content-Disposition': `attachment; filename="${info.fileName}"` },
    };
  };

  return (req: IncomingMessage, res: ServerResponse): Promise<void> | void => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(
        res,
        405,
        errorBody(
          'METHOD_NOT_SUPPORTED',
          `${req.method} is not allowed on ${req.url}; the plain API only reads: use GET`,
        ),
      );
    const match = matchRestRequest(req.url ?? '/');
    switch (match.kind) {
      case 'openapi': {
        openApi ??= Buffer.from(JSON.stringify(openApiDocument()));
        return send(req, res, {
          contentType: 'application/json',
          body: openApi,
          etag: etagOf(openApi),
        });
      }
      case 'procedure':
        return cached(req, res, () => callProcedure(match.route.procedure, match.input));
      case 'export':
        if (match.articleId === null) return exportWholeCorpus(req, res, match.request);
        return cached(req, res, () => exportArticle(match.articleId as string, match.request));
      case 'claims-export':
        return cached(req, res, () => exportClaims(match.input));
      case 'bad-request':
        return sendError(res, 400, errorBody('BAD_REQUEST', match.message, match.issues));
      case 'none':
        return sendError(res, 404, errorBody('NOT_FOUND', match.message));
    }
  };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
