import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouter, type ClaimStore, importDocuments, openEmbeddedStore } from '@claimscope/api';
import { createPostgresStore } from '@claimscope/api/postgres';
import { makeFixtureDocument } from '@claimscope/api/testing';
import {
  type PostgresCluster,
  postgresSkipReason,
  startPostgresCluster,
} from '@claimscope/api/testing/postgres';
import { loadCorpus, SEED_ARTICLE_ID } from '@claimscope/corpus';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimscopeServer, createServer } from '../src/server.js';

/*
 * Property-based fuzzing of a started server on both stores: generated input to every
 * procedure (and generated methods and paths), sent to an embedded-store server and a
 * PostgreSQL-store server holding the same data. Every answer must be below 500, carry no stack
 * or file-system path, and both stores must accept and refuse the same requests.
 */

const unavailable = postgresSkipReason('the fuzz test on both stores');
const ADMIN_TOKEN = 'fuzz-admin-token-0123456789';
/** Bounds the property's time on a slow, shared machine; the runs done count, none are lost. */
const TIME_LIMIT_MS = 25_000;
const NUM_RUNS = 2_000;

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type }));

const corpus = loadCorpus();
const seed = corpus.find((d) => d.article.id === SEED_ARTICLE_ID) ?? corpus[0];
if (!seed) throw new Error('the corpus is empty');
const realIds = [
  seed.article.id,
  ...seed.entities.slice(0, 5).map((e) => e.id),
  ...seed.claims.slice(0, 5).map((c) => c.id),
  'fuzz-a',
  'fuzz-a.c-author',
];

const scratch = mkdtempSync(join(tmpdir(), 'claimscope-fuzz-'));
let cluster: PostgresCluster | undefined;
const servers: ClaimscopeServer[] = [];
const stores: ClaimStore[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => undefined);
  for (const store of stores) await store.close().catch(() => undefined);
  cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Any UTF-16 code unit: lone surrogates and U+0000 included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', 'truce', 'al Qaeda', '%', '\u0000', '\uD800', 'a'.repeat(129)),
);
const idLike = fc.oneof(
  fc.constantFrom(...realIds),
  fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,140}$/),
  fc.nat({ max: 300 }).map((n) => 'i'.repeat(n + 1)),
  anyText,
);
const scalar = fc.oneof(
  anyText,
  idLike,
  fc.integer({ min: -5, max: 300 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('person', 'direct_quote', 'asserted', 'leader_of', 'entity', 'claim', 'name'),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }));
const FIELDS = [
  'id',
  'articleId',
  'speakerId',
  'aboutId',
  'entityId',
  'version',
  'limit',
  'cursor',
  'kind',
  'modality',
  'predicate',
  'text',
  'q',
  'types',
  'sort',
  'topSpeakers',
  'mentionLimit',
  'claimLimit',
  'relationLimit',
];
const queryInput = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }),
  fc.record({ id: idLike }),
  fc.record({ q: anyText }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A document to import: the fixture, whole or with one field replaced by generated data. */
const documentInput = fc
  .tuple(
    fc.constantFrom('fuzz-a', 'fuzz-b', 'fuzz-c'),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant('none') },
      {
        weight: 5,
        arbitrary: fc.constantFrom(
          'article.id',
          'article.source.origin',
          'article.headline',
          'claims.0.statement',
          'claims.0.id',
          'entities.0.kind',
          'article.text',
          'schemaVersion',
          'mentions',
        ),
      },
    ),
    value,
    fc.nat({ max: 3 }),
  )
  .map(([articleId, field, replacement, mark]) => {
    const document = makeFixtureDocument(articleId) as unknown as Record<string, unknown>;
    const claims = document.claims as { statement: string }[];
    for (const claim of claims) claim.statement = `${claim.statement} (${mark})`;
    if (field === 'none') return document;
    const keys = field.split('.');
    let target = document as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[keys.at(-1) as string] = replacement;
    return document;
  });
const importInput = fc.oneof(
  fc.record({
    documents: fc.array(fc.oneof(documentInput, value), { minLength: 1, maxLength: 3 }),
  }),
  queryInput,
);

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const asQuery = (path: string, input: unknown): FuzzRequest => ({
  method: 'GET',
  path: `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
  headers: {},
});

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom(...procedures), queryInput, importInput).map(
      ([procedure, input, documents]): FuzzRequest =>
        procedure.type === 'mutation'
          ? {
              method: 'POST',
              path: `/trpc/${procedure.path}`,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${ADMIN_TOKEN}`,
              },
              body: JSON.stringify(documents) ?? '',
            }
          : asQuery(procedure.path, input),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.array(documentInput, { minLength: 1, maxLength: 4 }).map(
      (documents): FuzzRequest => ({
        method: 'POST',
        path: '/trpc/article.import',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ documents }),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...procedures), queryInput), { minLength: 1, maxLength: 4 })
      .map((calls) => ({
        method: 'GET',
        path: `/trpc/${calls.map(([p]) => p.path).join(',')}?batch=1&input=${encodeURIComponent(
          JSON.stringify(Object.fromEntries(calls.map(([, input], i) => [i, input]))),
        )}`,
        headers: {},
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'TRACE', 'PUT', 'DELETE', 'PATCH'),
      path: fc.oneof(
        fc.constantFrom('/', '/healthz', '/trpc/', '/trpc/../healthz', '/trpc/%2e%2e/x', '//x'),
        fc.webPath().map((p) => `/trpc${p}`),
        fc.string({ maxLength: 30 }).map((p) => `/trpc/${encodeURIComponent(p)}`),
      ),
      headers: fc.constantFrom<Record<string, string>>(
        {},
        { 'content-type': 'application/json' },
        { 'content-type': 'text/plain' },
        { 'trpc-accept': 'application/jsonl' },
      ),
      body: fc.option(
        fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        { nil: undefined },
      ),
    }),
  },
);

interface Answer {
  status: number;
  body: string;
}

function send(baseUrl: string, request: FuzzRequest): Promise<Answer> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: request.method,
      path: request.path,
      headers: request.headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body);
  });
}

/** What may never leave the server: a stack frame or a path of the machine it runs on. */
const LEAK =
  /\bat [\w.<>[\] ]+ \((?:file:|node:|\/)|node_modules|\/tmp\/|\/work\/|\/usr\/|ENAMETOOLONG|claimscope-fuzz-/;

/**
 * What a store accepted of a request: the status, and for an import each document's outcome
 * with every issue (both stores must refuse a document in the same words).
 */
function acceptance(answer: Answer): string {
  if (answer.status !== 200 || !answer.body.includes('"outcomes"')) return String(answer.status);
  const outcomes = JSON.parse(answer.body)?.result?.data?.outcomes as {
    status: string;
    version: number | null;
    issues: unknown[];
  }[];
  return JSON.stringify([answer.status, outcomes.map((o) => [o.status, o.version, o.issues])]);
}

/** How many documents each import outcome had, over the run: shows the fuzz reaches the store. */
function countOutcomes(answer: Answer, counts: Map<string, number>): void {
  if (answer.status !== 200 || !answer.body.includes('"outcomes"')) return;
  for (const { status } of JSON.parse(answer.body).result.data.outcomes as { status: string }[])
    counts.set(status, (counts.get(status) ?? 0) + 1);
}

describe.skipIf(unavailable !== null)('fuzzing every procedure on both stores', () => {
  let embeddedUrl = '';
  let postgresUrl = '';

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const postgres = await createPostgresStore({
      connectionString: await cluster.createDatabase('fuzz'),
      migrate: true,
      poolSize: 4,
    });
    stores.push(postgres);
    await importDocuments(postgres, corpus);
    const embedded = await openEmbeddedStore({ dataDir: join(scratch, 'data'), builtin: corpus });
    stores.push(embedded);
    const logger = { info: () => {}, error: () => {} };
    for (const store of [embedded, postgres])
      servers.push(createServer({ port: 0, store, adminToken: ADMIN_TOKEN, logger }));
    [embeddedUrl = '', postgresUrl = ''] = await Promise.all(
      servers.map(async (server) => (await server.start()).url),
    );
  }, 120_000);

  it('answers every generated request below 500, without a stack or path, the same on both stores', async () => {
    let requests = 0;
    let serverErrors = 0;
    const statuses = new Map<number, number>();
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const embedded = await send(embeddedUrl, request);
        const postgres = await send(postgresUrl, request);
        requests += 2;
        serverErrors += [embedded, postgres].filter((a) => a.status >= 500).length;
        countOutcomes(embedded, outcomes);
        for (const { status } of [embedded, postgres])
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const what = `${request.method} ${request.path}`;
        expect(embedded.status, `embedded: ${what}: ${embedded.body}`).toBeLessThan(500);
        expect(postgres.status, `postgres: ${what}: ${postgres.body}`).toBeLessThan(500);
        expect(embedded.body, what).not.toMatch(LEAK);
        expect(postgres.body, what).not.toMatch(LEAK);
        expect(acceptance(postgres), `${what} ${request.body ?? ''}`).toBe(acceptance(embedded));
      }),
      { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    console.info(
      `fuzz: ${requests} generated requests (both stores), ${serverErrors} answered 5xx (${byStatus.join(', ')}); documents imported: ${[...outcomes].map(([s, n]) => `${s} ${n}`).join(', ')}`,
    );
    expect(requests).toBeGreaterThan(0);
    expect(serverErrors).toBe(0);
  }, 180_000);
});
