import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadCorpus, SEED_ARTICLE_ID } from '@claimscope/corpus';
import { readBrat, readWebAnnotations } from '@claimscope/formats';
import { afterAll, describe, expect, it } from 'vitest';
import { connectLocal } from '../src/api/client.js';
import { type ExportCommand, parseCommandLine, UsageError } from '../src/cli/args.js';
import { runExport } from '../src/cli/export.js';

const dir = mkdtempSync(join(tmpdir(), 'claimscope-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seed = loadCorpus().find((d) => d.article.id === SEED_ARTICLE_ID);

function exportCommand(argv: string[]): ExportCommand {
  const command = parseCommandLine(['export', ...argv], {});
  if (command.kind !== 'export') throw new Error('not an export command');
  return command;
}

async function run(argv: string[]) {
  const { client } = await connectLocal();
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: string[] = [];
  await runExport(exportCommand(argv), client, stdout, { write: (t: string) => progress.push(t) });
  return { out: Buffer.concat(chunks).toString('utf8'), progress: progress.join('') };
}

describe('claimscope export', () => {
  it('needs a known format, and a known table for csv', () => {
    expect(() => parseCommandLine(['export'], {})).toThrow(UsageError);
    expect(() => parseCommandLine(['export', '--format', 'docx'], {})).toThrow(/one of: w3c/);
    expect(() => parseCommandLine(['export', '--format', 'csv', '--table', 'x'], {})).toThrow(
      /--table must be one of/,
    );
    expect(exportCommand(['--format', 'csv', '--article', 'a', '--out', 'f.csv'])).toMatchObject({
      format: 'csv',
      table: 'claims',
      out: 'f.csv',
      options: { articleId: 'a' },
    });
  });

  it('writes the whole corpus as JSON Lines to stdout, with progress on stderr', async () => {
    const { out, progress } = await run(['--format', 'jsonl']);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).article.id),
    ).toEqual(loadCorpus().map((d) => d.article.id));
    expect(progress).toMatch(/exported 1\/1 article\n$/);
  });

  it('writes one article as W3C Web Annotations to a file', async () => {
    const path = join(dir, 'seed.jsonld');
    await run(['--format', 'w3c', '--article', SEED_ARTICLE_ID, '--out', path]);
    const { document } = await readWebAnnotations(
      JSON.parse(readFileSync(path, 'utf8')),
      seed?.article.text ?? '',
    );
    expect(document.claims).toEqual(seed?.claims);
  });

  it('writes brat standoff as a folder of .txt and .ann files', async () => {
    const out = join(dir, 'brat');
    await run(['--format', 'brat', '--out', out]);
    expect(readdirSync(out).sort()).toEqual([`${SEED_ARTICLE_ID}.ann`, `${SEED_ARTICLE_ID}.txt`]);
    const txt = readFileSync(join(out, `${SEED_ARTICLE_ID}.txt`), 'utf8');
    const ann = readFileSync(join(out, `${SEED_ARTICLE_ID}.ann`), 'utf8');
    const { document } = readBrat(txt, ann, { articleId: 'seed', origin: 'test' });
    expect(document.claims).toHaveLength(seed?.claims.length ?? -1);
  });
});
