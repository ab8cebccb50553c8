import { createMemoryStore } from '@claimscope/api';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { validateArticleDocument } from '@claimscope/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, MAX_BODY_BYTES } from '../src/server.js';
import { readJson } from './json.js';

/** `article.extract` over HTTP: a draft for anyone, stored nowhere, within import's body limit. */

const silent = { info: () => {}, error: () => {} };
const STORY = [
  'Harbor Ferry Strike Ends',
  '',
  '"We reached a fair deal tonight," said Lena Ortiz, the union\'s president.',
  '',
  'The port authority said in a statement that service would resume on Monday.',
].join('\n');

const extractOverHttp = (base: string, input: unknown) =>
  fetch(`${base}/trpc/article.extract`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });

describe('article.extract over HTTP', () => {
  const app = createServer({
    port: 0,
    store: createMemoryStore([makeFixtureDocument('first')]),
    logger: silent,
    adminToken: 'a-long-enough-admin-token',
  });
  let base = '';
  beforeAll(async () => {
    base = (await app.start()).url;
  });
  afterAll(() => app.stop());

  it('returns a valid draft of plain text without a token, and stores nothing', async () => {
    const response = await extractOverHttp(base, {
      format: 'text',
      content: STORY,
      id: 'ferry-strike',
    });
    expect(response.status).toBe(200);
    const doc = (await readJson(response)).result.data;
    expect((await validateArticleDocument(doc)).ok).toBe(true);
    expect(doc.article.id).toBe('ferry-strike');
    const quote = doc.claims.find((c: { kind: string }) => c.kind === 'direct_quote');
    expect(quote.source.quote.exact).toBe("Lena Ortiz, the union's president");
    expect(quote.provenance).toMatchObject({
      agent: { kind: 'rule', name: '@claimscope/extract' },
      review: { status: 'unreviewed' },
    });
    const list = await fetch(`${base}/trpc/article.list?input=${encodeURIComponent('{}')}`);
    const ids = (await readJson(list)).result.data.items.map((a: { id: string }) => a.id);
    expect(ids).not.toContain('ferry-strike');
  }, 30_000);

  it('reads an HTML page and keeps its URL', async () => {
    const html = `<html><head><meta property="og:title" content="Ferry strike ends"></head><body><article><h1>Ferry strike ends</h1><p>${STORY.split('\n')[2]}</p><p>Service resumes on Monday after a week of cancelled crossings across the bay, officials said.</p></article></body></html>`;
    const response = await extractOverHttp(base, {
      format: 'html',
      content: html,
      url: 'https://news.example.org/ferry',
    });
    expect(response.status).toBe(200);
    const doc = (await readJson(response)).result.data;
    expect(doc.article.headline).toBe('Ferry strike ends');
    expect(doc.article.source.url).toBe('https://news.example.org/ferry');
  }, 30_000);

  it('refuses a body over the limit import has, and says so', async () => {
    const response = await extractOverHttp(base, {
      format: 'text',
      content: `Headline\n\n${'a'.repeat(MAX_BODY_BYTES)}`,
    });
    expect(response.status).toBe(413);
  });

  it('names the field of a bad input', async () => {
    const response = await extractOverHttp(base, { format: 'pdf', content: STORY });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await readJson(response))).toContain('format');
  });
});
