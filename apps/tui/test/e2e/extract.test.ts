import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateArticleDocument } from '@claimscope/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BINARY } from './harness.js';

/** `claimscope extract` and `claimscope import` of articles, run as the bundled binary. */

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function claimscope(env: Record<string, string>, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BINARY, ...args],
      { env: { ...process.env, CLAIMSCOPE_API_URL: '', CLAIMSCOPE_ADMIN_TOKEN: '', ...env } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const STORY = [
  'Library Hours Cut After Budget Vote',
  '',
  'The county board voted on Monday to close the main library on Sundays.',
  '',
  '"Families rely on this building every weekend," said Grace Kim, who leads the Friends of the Library. "We will keep fighting."',
  '',
  'Board chairman Paul Reyes told the Valley Courier that the cut would save $300,000 a year.',
].join('\n');

const PAGE = `<!doctype html><html><head><title>Ferry fares rise</title>
<meta property="og:site_name" content="Valley Courier"><meta name="author" content="Ivy Stone">
</head><body><article><h1>Ferry fares rise</h1>
<p>Ferry fares will rise by ten percent in January, the transit agency announced on Friday, its first increase in six years.</p>
<p>"Fuel costs have doubled since the last increase," said Omar Farouk, the agency's director. "We had no other way to keep the boats running."</p>
<p>Riders said the increase would hurt commuters who travel every day.</p>
</article></body></html>`;

const work = mkdtempSync(join(tmpdir(), 'claimscope-extract-'));
const articles = join(work, 'articles');

beforeAll(() => {
  assertBuilt();
  mkdirSync(articles);
  writeFileSync(join(articles, 'library-hours.txt'), STORY);
  writeFileSync(join(articles, 'ferry-fares.html'), PAGE);
  writeFileSync(join(articles, 'notes.md'), 'not an article input');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('claimscope extract', () => {
  it('summarises who is quoted and through which channel, with nothing running', async () => {
    const result = await claimscope({}, 'extract', join(articles, 'library-hours.txt'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"Library Hours Cut After Budget Vote"');
    expect(result.stdout).toMatch(/Grace Kim: 2 quoted, 0 reported/);
    expect(result.stdout).toMatch(/Paul Reyes: 0 quoted, 1 reported; interview \(Valley Courier\)/);
    expect(result.stdout).toContain('machine-made and unreviewed');
  }, 60_000);

  it('prints the draft document with --json, and it validates', async () => {
    const result = await claimscope({}, 'extract', join(articles, 'ferry-fares.html'), '--json');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect((await validateArticleDocument(doc)).ok).toBe(true);
    expect(doc.article.id).toBe('ferry-fares');
    expect(doc.article.headline).toBe('Ferry fares rise');
    const quote = doc.claims.find((c: { kind: string }) => c.kind === 'direct_quote');
    expect(quote.source.quote.exact).toBe("Omar Farouk, the agency's director");
    expect(quote.provenance.review.status).toBe('unreviewed');
  }, 60_000);

  it('writes one <input name>.json per input of a folder with --out, a line each', async () => {
    const out = join(work, 'drafts');
    const result = await claimscope({}, 'extract', articles, '--out', out);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ferry-fares\.html → .*ferry-fares\.json: \d+ entities/);
    for (const name of ['ferry-fares.json', 'library-hours.json']) {
      const doc = JSON.parse(readFileSync(join(out, name), 'utf8'));
      expect((await validateArticleDocument(doc)).ok, name).toBe(true);
    }
  }, 60_000);

  it('reports a file it cannot read, goes on with the others, and exits 1', async () => {
    const missing = join(work, 'missing.txt');
    const result = await claimscope({}, 'extract', missing, join(articles, 'library-hours.txt'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${missing}: cannot read: no such file or directory`);
    expect(result.stdout).toContain('"Library Hours Cut After Budget Vote"');
  }, 60_000);

  it('reports an input with no text in it', async () => {
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '\n\n   \n');
    const result = await claimscope({}, 'extract', empty);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${empty}: the text is empty`);
  }, 60_000);

  it('needs at least one input', async () => {
    const result = await claimscope({}, 'extract');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'extract' needs at least one file or directory");
  }, 60_000);
});

describe('claimscope import of an article file', () => {
  it('extracts a .txt before storing it, and the stored claims are unreviewed', async () => {
    const env = { CLAIMSCOPE_DATA_DIR: join(work, 'data') };
    const imported = await claimscope(env, 'import', join(articles, 'library-hours.txt'));
    expect(imported.stdout).toContain('created    library-hours v1');
    expect(imported.code).toBe(0);
    const exported = await claimscope(env, 'article', '--article', 'library-hours', '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).headline).toBe('Library Hours Cut After Budget Vote');
  }, 60_000);
});
