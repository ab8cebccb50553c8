import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '@claimscope/api';
import { loadCorpus, SEED_ARTICLE_ID } from '@claimscope/corpus';
import { parseCsv, readBrat, readWebAnnotations } from '@claimscope/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';
import type { Json } from './json.js';

const corpus = loadCorpus();
const doc = corpus.find((d) => d.article.id === SEED_ARTICLE_ID) ?? corpus[0];
if (!doc) throw new Error('the corpus is empty');
const app = createServer({
  host: '127.0.0.1',
  port: 0,
  store: createMemoryStore(corpus),
  logger: { info: () => {}, error: () => {} },
});
let baseUrl = '';
const dir = mkdtempSync(join(tmpdir(), 'claimscope-rest-'));

beforeAll(async () => {
  baseUrl = (await app.start()).url;
});
afterAll(async () => {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: a download
  }
  return { status: response.status, headers: response.headers, text, json: json as Json };
}

async function trpc(procedure: string, input?: unknown) {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return get(`/trpc/${procedure}${search}`);
}

const SAME_AS_TRPC: [string, string, unknown][] = [
  ['/api/articles', 'article.list', undefined],
  [`/api/articles/${SEED_ARTICLE_ID}`, 'article.get', { id: SEED_ARTICLE_ID }],
  [`/api/articles/${SEED_ARTICLE_ID}/document`, 'article.export', { id: SEED_ARTICLE_ID }],
  [`/api/articles/${SEED_ARTICLE_ID}/versions`, 'article.versions', { id: SEED_ARTICLE_ID }],
  ['/api/entities?kind=person&limit=2', 'entity.list', { kind: 'person', limit: 2 }],
  [
    '/api/entities/tom-sanderson?claimsLimit=1',
    'entity.get',
    { id: 'tom-sanderson', claimsLimit: 1 },
  ],
  [
    '/api/claims?speaker=matthew-levitt&kind=direct_quote',
    'claim.list',
    { speakerId: 'matthew-levitt', kind: 'direct_quote' },
  ],
  [`/api/claims/${SEED_ARTICLE_ID}.claim-09`, 'claim.get', { id: `${SEED_ARTICLE_ID}.claim-09` }],
  ['/api/disagreements?kind=contradicts', 'claim.disagreements', { kind: 'contradicts' }],
  [
    '/api/disagreements?speaker=alice-speri&sameSpeaker=false&kind=contradicts,qualifies&limit=2',
    'claim.disagreements',
    { speakerId: 'alice-speri', sameSpeaker: false, kind: ['contradicts', 'qualifies'], limit: 2 },
  ],
  [
    '/api/relations?predicate=leader_of,member_of',
    'relation.list',
    { predicate: ['leader_of', 'member_of'] },
  ],
  ['/api/search?q=truce&types=claim', 'search', { q: 'truce', types: ['claim'] }],
  ['/api/stats?topSpeakers=3', 'stats', { topSpeakers: 3 }],
];

describe('plain GET /api URLs', () => {
  it.each(SAME_AS_TRPC)('%s answers what /trpc/%s does', async (path, procedure, input) => {
    const [plain, rpc] = await Promise.all([get(path), trpc(procedure, input)]);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(plain.json).toEqual(rpc.json.result.data);
  });

  it('filters claims by speaker and kind with plain query parameters', async () => {
    const { json } = await get('/api/claims?speaker=matthew-levitt&kind=direct_quote');
    expect(json.items.length).toBeGreaterThan(0);
    for (const claim of json.items) {
      expect(claim.speakerId).toBe('matthew-levitt');
      expect(claim.kind).toBe('direct_quote');
    }
  });

  it('pages with limit and cursor, under the same limits as /trpc', async () => {
    const first = await get('/api/claims?limit=5');
    expect(first.json.items).toHaveLength(5);
    const second = await get(`/api/claims?limit=5&cursor=${first.json.nextCursor}`);
    expect(second.json.items[0].id).not.toBe(first.json.items[0].id);
    const tooMany = await get('/api/claims?limit=1000');
    const rpc = await trpc('claim.list', { limit: 1000 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.data.issues).toEqual(rpc.json.error.data.issues);
    expect(tooMany.json.error.data.issues[0].path).toBe('limit');
  });

  it('pages disagreements, reading sameSpeaker=true|false as a boolean and naming another value', async () => {
    const own = await get('/api/disagreements?sameSpeaker=true&limit=2');
    expect(own.status).toBe(200);
    expect(own.json.items).toHaveLength(2);
    expect(own.json.total).toBeGreaterThan(2);
    for (const d of own.json.items) expect(d.from.speaker.id).toBe(d.to.speaker.id);
    const next = await get(
      `/api/disagreements?sameSpeaker=true&limit=2&cursor=${own.json.nextCursor}`,
    );
    expect(next.json.items[0].id).not.toBe(own.json.items[0].id);
    const bad = await get('/api/disagreements?sameSpeaker=maybe');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^sameSpeaker: /);
  });

  it('names a bad parameter, an unknown one, and answers 404 for an unknown id', async () => {
    const notNumber = await get('/api/claims?limit=ten');
    expect(notNumber.status).toBe(400);
    expect(notNumber.json.error.message).toMatch(/^limit: /);
    const unknown = await get('/api/claims?speeker=x');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.data.issues).toEqual([{ path: 'speeker', message: 'unknown field' }]);
    const missing = await get('/api/claims/no-such-claim');
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('no claim with id "no-such-claim"');
    expect((await get('/api/nothing-here')).status).toBe(404);
    expect((await get('/api/claims', { method: 'POST' })).status).toBe(405);
    expect(missing.text).not.toMatch(/at .*\.ts/);
  });

  it('caches like /trpc: an ETag, revalidation, and 304 for a known one', async () => {
    const first = await get('/api/stats');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const again = await fetch(`${baseUrl}/api/stats`, {
      headers: { 'If-None-Match': etag as string },
    });
    expect(again.status).toBe(304);
  });

  it('serves the OpenAPI description at /openapi.json', async () => {
    const { status, json } = await get('/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    expect(json.paths['/api/claims'].get.operationId).toBe('claimList');
  });
});

describe('downloads', () => {
  const exportUrl = (format: string, extra = '') =>
    `/api/articles/${SEED_ARTICLE_ID}/export?format=${format}${extra}`;

  it('W3C Web Annotation, which reads back into the same annotations', async () => {
    const { status, headers, json } = await get(exportUrl('w3c'));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="${SEED_ARTICLE_ID}.annotations.jsonld"`,
    );
    const { document, unrepresented } = await readWebAnnotations(json, doc.article.text);
    expect(unrepresented).toEqual([]);
    expect(document.claims).toEqual(doc.claims);
  });

  it('schema.org, CSV tables and JSON Lines', async () => {
    const schemaOrg = await get(exportUrl('schemaorg'));
    expect(schemaOrg.json['@type']).toBe('NewsArticle');
    const claims = await get(exportUrl('csv'));
    expect(claims.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(claims.text.split('\r\n')[0]).toMatch(
      /^article_id,paragraph,claim_id,speaker_id,speaker,/,
    );
    expect(claims.text.trimEnd().split('\r\n').length).toBeGreaterThan(doc.claims.length);
    const entities = await get(exportUrl('csv', '&table=entities'));
    expect(entities.text.startsWith('article_id,entity_id,kind,name')).toBe(true);
    const jsonl = await get(exportUrl('jsonl'));
    expect(JSON.parse(jsonl.text)).toEqual(doc);
  });

  it('brat standoff as a tar of the .txt and the .ann', async () => {
    const response = await fetch(`${baseUrl}${exportUrl('brat')}`);
    expect(response.headers.get('content-type')).toBe('application/x-tar');
    writeFileSync(join(dir, 'seed.tar'), Buffer.from(await response.arrayBuffer()));
    execFileSync('tar', ['-xf', 'seed.tar'], { cwd: dir });
    const txt = readFileSync(join(dir, `${SEED_ARTICLE_ID}.txt`), 'utf8');
    const ann = readFileSync(join(dir, `${SEED_ARTICLE_ID}.ann`), 'utf8');
    expect(txt).toBe(doc.article.text);
    const { document } = readBrat(txt, ann, { articleId: 'seed', origin: 'download' });
    expect(document.claims).toHaveLength(doc.claims.length);
  });

  it('refuses an unknown format or article, naming it', async () => {
    const bad = await get(exportUrl('docx'));
    expect(bad.status).toBe(400);
    expect(bad.json.error.data.issues[0].path).toBe('format');
    const typo = await get(exportUrl('csv', '&tabel=claims'));
    expect(typo.json.error.data.issues).toEqual([{ path: 'tabel', message: 'unknown field' }]);
    const missing = await get('/api/articles/nope/export?format=csv');
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('no article with id "nope"');
  });

  it('the claims of a filtered list as CSV, exactly those /api/claims lists, in its order', async () => {
    const filters = 'speaker=matthew-levitt&kind=direct_quote,indirect';
    const listed = await get(`/api/claims?${filters}&limit=100`);
    const ids = (listed.json.items as { id: string }[]).map((c) => c.id);
    expect(ids.length).toBeGreaterThan(1);
    const csv = await get(`/api/claims/export?${filters}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="claimscope-filtered.claims.csv"',
    );
    const [header, ...rows] = parseCsv(csv.text);
    const idColumn = header?.indexOf('claim_id') ?? -1;
    expect(rows.map((r) => r[idColumn])).toEqual(ids);
    const all = await get('/api/claims/export');
    expect(parseCsv(all.text)).toHaveLength(1 + corpus.reduce((n, d) => n + d.claims.length, 0));
    const bad = await get('/api/claims/export?kind=shouting');
    expect(bad.status).toBe(400);
    expect(bad.json.error.data.issues[0].path).toMatch(/^kind/);
    // A format the claims export cannot write is a bad request, not a missing page.
    const json = await get('/api/claims/export?format=json');
    expect(json.status).toBe(400);
    expect(json.json.error.data.issues[0].path).toBe('format');
  });

  it('the whole corpus, streamed, with an ETag', async () => {
    const jsonl = await get('/api/export?format=jsonl');
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get('content-disposition')).toBe(
      'attachment; filename="claimscope-corpus.jsonl"',
    );
    expect(
      jsonl.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).article.id),
    ).toEqual(corpus.map((d) => d.article.id));
    const csv = await get('/api/export?format=csv&table=relations');
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(
      1 + corpus.reduce((n, d) => n + d.relations.length, 0),
    );
    const w3c = await get('/api/export?format=w3c');
    expect(w3c.json).toHaveLength(corpus.length);
    const again = await fetch(`${baseUrl}/api/export?format=jsonl`, {
      headers: { 'If-None-Match': jsonl.headers.get('etag') as string },
    });
    expect(again.status).toBe(304);
  });
});

describe('corpus downloads are streamed', () => {
  it('sends the first documents while later ones are not yet read from the store', async () => {
    const { syntheticCorpus } = await import('@claimscope/corpus/synthetic');
    const count = 300;
    const store = createMemoryStore([...syntheticCorpus(count)]);
    let exported = 0;
    // Counts the documents read out of the store, without changing what it answers.
    const counting = new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'exportArticle' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          exported++;
          return value.apply(target, args);
        };
      },
    });
    const streaming = createServer({
      host: '127.0.0.1',
      port: 0,
      store: counting,
      logger: { info: () => {}, error: () => {} },
    });
    const { url } = await streaming.start();
    try {
      const response = await fetch(`${url}/api/export?format=jsonl`);
      expect(response.headers.get('content-length')).toBeNull();
      const reader = response.body?.getReader();
      const first = await reader?.read();
      expect(first?.value?.length).toBeGreaterThan(0);
      // Let the server run as far ahead as the socket lets it, then see it has not read everything.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(exported).toBeLessThan(count);
      await reader?.cancel();
    } finally {
      await streaming.stop();
    }
  });
});
