import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { appRouter, createContext, createMemoryStore } from '@claimscope/api';
import { loadCorpus, SEED_ARTICLE_ID } from '@claimscope/corpus';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, MAX_BATCH_SIZE, MAX_BODY_BYTES } from '../src/server.js';
import { readJson } from './json.js';

const ALLOWED_ORIGIN = 'https://claimscope.test';
const corpus = loadCorpus();
const doc = corpus.find((d) => d.article.id === SEED_ARTICLE_ID) ?? corpus[0];
if (!doc) throw new Error('the corpus is empty');
const claimId = `${SEED_ARTICLE_ID}.claim-09`;
const lines: string[] = [];
const app = createServer({
  host: '127.0.0.1',
  port: 0,
  store: createMemoryStore(corpus),
  corsOrigins: [ALLOWED_ORIGIN],
  logger: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
});
let baseUrl = '';

beforeAll(async () => {
  baseUrl = (await app.start()).url;
});
afterAll(() => app.stop());

/** A query in tRPC's URL format: GET /trpc/<path>?input=<json>. */
async function query(path: string, input?: unknown, init?: RequestInit) {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${baseUrl}/trpc/${path}${search}`, init);
  return { status: response.status, headers: response.headers, body: await readJson(response) };
}

const QUERIES: [string, unknown][] = [
  ['article.list', undefined],
  ['article.get', { id: doc.article.id }],
  ['article.export', { id: doc.article.id }],
  ['entity.list', { kind: 'person', limit: 2 }],
  ['entity.get', { id: 'tom-sanderson' }],
  ['claim.list', { speakerId: 'tom-sanderson' }],
  ['claim.get', { id: claimId }],
  ['claim.disagreements', undefined],
  ['relation.list', { entityId: 'center-for-strategic-and-international-studies' }],
  ['search', { q: 'reconcil' }],
  ['stats', undefined],
];

describe('procedures over HTTP', () => {
  it.each(QUERIES)('%s answers 200 with data', async (path, input) => {
    const { status, body } = await query(path, input);
    expect(status).toBe(200);
    expect(body.result.data).toBeTruthy();
  });

  it('returns real data for a query', async () => {
    const { body } = await query('entity.get', { id: 'tom-sanderson' });
    expect(body.result.data.entity.name).toBe('Tom Sanderson');
  });

  it('answers a batch of calls in one request, in order', async () => {
    const input = { 0: { id: 'tom-sanderson' }, 1: { id: claimId }, 2: {} };
    const url = `${baseUrl}/trpc/entity.get,claim.get,stats?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await fetch(url);
    const [status, body] = [response.status, await readJson(response)];
    expect(status).toBe(200);
    expect(
      body.map((r: { result: { data: unknown } }) => Object.keys(r.result.data as object)[0]),
    ).toEqual(['entity', 'claim', 'articles']);
  });

  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls with 400`, async () => {
    const paths = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'stats').join(',');
    const response = await fetch(`${baseUrl}/trpc/${paths}?batch=1&input={}`);
    expect(response.status).toBe(400);
  });
});

describe('answers exactly as tRPC itself', () => {
  // The server answers a plain GET of one query without tRPC's HTTP adapter (see
  // direct-query.ts); tRPC's own fetch handler over the same store is the reference.
  const store = createMemoryStore(corpus);
  const uncached = createServer({
    port: 0,
    store,
    logger: { info() {}, error() {} },
    cacheResponses: false,
  });
  let uncachedUrl = '';
  beforeAll(async () => {
    uncachedUrl = (await uncached.start()).url;
  });
  afterAll(() => uncached.stop());

  const reference = async (path: string) => {
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(`http://localhost${path}`),
      router: appRouter,
      createContext: () => createContext(store),
    });
    return {
      status: response.status,
      // tRPC's fetch adapter leaves its error bodies typed as text; this server declares the JSON.
      type: response.headers.get('content-type')?.replace(/^text\/plain.*$/, 'application/json'),
      body: await response.text(),
    };
  };
  const served = async (base: string, path: string) => {
    const response = await fetch(`${base}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };
  const pathOf = (path: string, input: unknown) =>
    `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

  it.each([
    ...QUERIES,
    ['search', { q: 'Zawahiri', types: ['claim'], limit: 3 }],
    ['entity.list', { limit: 1000 }],
    ['entity.get', { id: 'nobody' }],
    ['entity.delete', { id: 'tom-sanderson' }],
  ] as [string, unknown][])(
    '%s %j: the same status, type and bytes, cached or not',
    async (path, input) => {
      const expected = await reference(pathOf(path, input));
      expect(await served(uncachedUrl, pathOf(path, input))).toEqual(expected);
      expect(await served(baseUrl, pathOf(path, input))).toEqual(expected);
    },
  );

  it.each([
    '/trpc/search?input=%7Bq%3A',
    '/trpc/entity%2Eget?input=%7B%22id%22%3A%22tom-sanderson%22%7D',
    '/trpc/search%E0%A4%A?input=%7B%7D',
  ])('answers %s as tRPC does', async (path) => {
    const expected = await reference(path);
    expect(await served(uncachedUrl, path)).toEqual(expected);
    expect(await served(baseUrl, path)).toEqual(expected);
  });

  it('refuses a mutation over GET with 405 and runs nothing', async () => {
    const before = await store.counts();
    const response = await fetch(`${uncachedUrl}${pathOf('article.import', { documents: [] })}`);
    expect(response.status).toBe(405);
    expect(await store.counts()).toEqual(before);
  });

  it.each<Record<string, string>>([
    { 'trpc-accept': 'application/jsonl' },
    { accept: 'application/jsonl' },
  ])(
    'gives a streaming client (%j) its stream, and later plain clients plain JSON',
    async (headers) => {
      const path = `/trpc/stats?batch=1&input=${encodeURIComponent('{}')}`;
      const streamed = await (await fetch(`${baseUrl}${path}`, { headers })).text();
      expect(streamed.startsWith('[')).toBe(false);
      expect(streamed.trim().split('\n').length).toBeGreaterThan(1);
      const plain = await fetch(`${baseUrl}${path}`);
      expect((await readJson(plain))[0].result.data.articles).toBeGreaterThan(0);
    },
  );
});

describe('errors', () => {
  it('answers bad input with 400 and the path and message of each issue, without a stack', async () => {
    const { status, body } = await query('entity.list', { limit: 1000 });
    expect(status).toBe(400);
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.data.issues).toEqual([
      { path: 'limit', message: expect.stringContaining('100') },
    ]);
    expect(body.error.data).not.toHaveProperty('stack');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a misspelt field with 400 naming it, rather than ignoring it', async () => {
    const { status, body } = await query('claim.list', { speakerID: 'tom-sanderson' });
    expect(status).toBe(400);
    expect(body.error.data.issues).toEqual([{ path: 'speakerID', message: 'unknown field' }]);
  });

  it('names nested paths, e.g. the second kind in a list', async () => {
    const { status, body } = await query('entity.list', { kind: ['person', 'planet'] });
    expect(status).toBe(400);
    expect(body.error.data.issues.map((i: { path: string }) => i.path)).toContain('kind[1]');
  });

  it('answers a forged cursor with 400 naming cursor', async () => {
    const { status, body } = await query('claim.list', { cursor: 'eyJ2IjoyfQ' });
    expect(status).toBe(400);
    expect(body.error.data.issues).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('answers an unknown procedure with 404', async () => {
    const { status, body } = await query('entity.delete', { id: 'tom-sanderson' });
    expect(status).toBe(404);
    expect(body.error.data.code).toBe('NOT_FOUND');
  });

  it('answers an unknown entity with 404 and its id in the message', async () => {
    const { status, body } = await query('entity.get', { id: 'nobody' });
    expect(status).toBe(404);
    expect(body.error.message).toContain('"nobody"');
    expect(body.error.data).not.toHaveProperty('stack');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await fetch(`${baseUrl}/trpc/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect((await readJson(response)).error.data.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers other paths with 404 JSON', async () => {
    const response = await fetch(`${baseUrl}/nope`);
    expect(response.status).toBe(404);
    expect((await readJson(response)).error.message).toContain('/trpc');
  });
});

describe('service endpoints', () => {
  it('reports health with counts', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({
      status: 'ok',
      counts: {
        articles: corpus.length,
        entities: doc.entities.length,
        mentions: doc.mentions.length,
        claims: doc.claims.length,
        claimLinks: doc.claimLinks.length,
        relations: doc.relations.length,
      },
    });
  });

  it('serves the JSON Schema of the document format', async () => {
    const response = await fetch(`${baseUrl}/schema/article-document.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/schema+json');
    const schema = await readJson(response);
    expect(schema.$schema).toContain('2020-12');
    expect(schema.$ref).toBe('#/$defs/ArticleDocument');
    expect(schema.$defs.ArticleDocument.properties).toHaveProperty('claims');
  });
});

describe('CORS', () => {
  it('allows a listed origin, and answers its preflight', async () => {
    const { headers } = await query('stats', undefined, { headers: { origin: ALLOWED_ORIGIN } });
    expect(headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const preflight = await fetch(`${baseUrl}/trpc/stats`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('gives any other origin no allow header', async () => {
    const { status, headers } = await query('stats', undefined, {
      headers: { origin: 'https://evil.test' },
    });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${baseUrl}/trpc/stats`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, status and duration', async () => {
    const before = lines.length;
    await query('entity.get', { id: 'nobody' });
    await fetch(`${baseUrl}/healthz`);
    const written = lines.slice(before);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^GET \/trpc\/entity\.get 404 \d+\.\dms$/);
    expect(written[1]).toMatch(/^GET \/healthz 200 \d+\.\dms$/);
  });
});

/** A request sent as written (no normalisation of the path), for methods and targets fetch refuses. */
function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number | undefined; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: target, headers });
    const read = (res: IncomingMessage, head = '') => {
      let text = head;
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    };
    req.on('response', (res) => read(res));
    req.on('connect', (res, socket, head) => {
      socket.destroy();
      resolve({ status: res.statusCode, headers: res.headers, body: head.toString() });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP edge cases', () => {
  const trpcError = (code: string, httpStatus: number) => ({
    error: {
      message: expect.any(String),
      code: expect.any(Number),
      data: expect.objectContaining({ code, httpStatus }),
    },
  });

  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND'])(
    '%s is refused with 405 in tRPC’s error shape, and logs no stack',
    async (method) => {
      const before = lines.length;
      const response = await rawRequest(method, '/trpc/stats');
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(response.body)).toEqual(trpcError('METHOD_NOT_SUPPORTED', 405));
      expect(lines.slice(before).join('\n')).not.toMatch(/\bat |Error/);
    },
  );

  it('answers CONNECT with 405 instead of closing the connection', async () => {
    const response = await rawRequest('CONNECT', '127.0.0.1:443');
    expect(response.status).toBe(405);
    expect(JSON.parse(response.body)).toEqual(trpcError('METHOD_NOT_SUPPORTED', 405));
  });

  it('answers HEAD on an unknown procedure 404, and on a known one like GET without a body', async () => {
    const unknown = await rawRequest('HEAD', '/trpc/nope');
    expect(unknown.status).toBe(404);
    const known = await rawRequest('HEAD', '/trpc/stats');
    expect(known.status).toBe(200);
    expect(known.body).toBe('');
    expect(known.headers.etag).toBeTruthy();
  });

  it('normalises the path before routing: /trpc/../healthz is /healthz', async () => {
    const response = await rawRequest('GET', '/trpc/../healthz');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).status).toBe('ok');
    expect((await rawRequest('GET', '/trpc/%2e%2e/trpc/stats')).status).toBe(200);
  });

  it('writes every error of its own in tRPC’s shape, with a JSON content type', async () => {
    for (const [method, target, status, code] of [
      ['GET', '/nothing', 404, 'NOT_FOUND'],
      ['POST', '/healthz', 405, 'METHOD_NOT_SUPPORTED'],
      ['GET', '/trpc/nope', 404, 'NOT_FOUND'],
    ] as const) {
      const response = await rawRequest(method, target);
      expect(response.status, target).toBe(status);
      expect(response.headers['content-type'], target).toMatch(/^application\/json/);
      expect(JSON.parse(response.body), target).toEqual(trpcError(code, status));
    }
    const unsupported = await rawRequest(
      'POST',
      '/trpc/article.import',
      { 'content-type': 'text/plain' },
      'hello',
    );
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(unsupported.body)).toEqual(trpcError('UNSUPPORTED_MEDIA_TYPE', 415));
  });

  it('sends nosniff and a Cross-Origin-Resource-Policy on every response', async () => {
    for (const [method, target] of [
      ['GET', '/trpc/stats'],
      ['GET', '/healthz'],
      ['GET', '/nothing'],
      ['POST', '/trpc/stats'],
      ['TRACE', '/'],
    ] as const) {
      const { headers } = await rawRequest(method, target, { 'content-type': 'application/json' });
      expect(headers['x-content-type-options'], target).toBe('nosniff');
      expect(headers['cross-origin-resource-policy'], target).toBe('same-origin');
    }
  });

  it('keeps Vary: Origin beside tRPC’s own Vary values on the responses tRPC writes', async () => {
    const varyOf = (headers: Record<string, unknown>) =>
      String(headers.vary)
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .sort();
    for (const [method, target, headers] of [
      ['POST', '/trpc/stats', { 'content-type': 'application/json' }],
      ['GET', '/trpc/stats?batch=1&input=%7B%7D', { 'trpc-accept': 'application/jsonl' }],
      ['GET', '/trpc/stats', {}],
      ['HEAD', '/trpc/stats', {}],
    ] as const) {
      const response = await rawRequest(
        method,
        target,
        { origin: ALLOWED_ORIGIN, ...headers },
        method === 'POST' ? '{}' : undefined,
      );
      expect(
        response.headers['access-control-allow-origin'],
        `${method} ${JSON.stringify(headers)}`,
      ).toBe(ALLOWED_ORIGIN);
      expect(varyOf(response.headers), `${method} ${JSON.stringify(headers)}`).toEqual([
        'accept',
        'origin',
        'trpc-accept',
      ]);
    }
  });
});

describe('requests Node’s HTTP parser refuses', () => {
  /** Writes `raw` on a new connection and resolves with everything the server sends back. */
  const exchange = (raw: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.write(raw);
    });

  it.each([
    ['a malformed request line', 'NOT HTTP AT ALL\r\n\r\n', 400],
    [
      'headers too large',
      `GET /trpc/stats HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
  ])('answers %s in tRPC’s error shape', async (_what, raw, status) => {
    const answer = await exchange(raw);
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    expect(answer).toMatch(/Content-Type: application\/json/);
    expect(answer).toMatch(/X-Content-Type-Options: nosniff/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body.error.data.httpStatus).toBe(status);
  });
});
