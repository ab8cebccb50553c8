import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBrat, writeWebAnnotations } from '@claimscope/formats';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../src/api/local.js';
import { parseCommandLine, UsageError } from '../src/cli/args.js';
import { runImport } from '../src/cli/import.js';

const dir = mkdtempSync(join(tmpdir(), 'claimscope-import-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A made-up story in brat standoff, PolNeAR's attribution layout.
const txt =
  'Ferry fares rise\n\nThe harbour board said fares will rise in May.\n\nSee also: timetables.';
const at = (words: string) => {
  const start = txt.indexOf(words);
  return `${start} ${start + words.length}\t${words}`;
};
const ann = [
  `T1\tSource ${at('The harbour board')}`,
  `T2\tCue ${at('said')}`,
  `T3\tContent ${at('fares will rise in May')}`,
  `T4\tAttribution ${at('said')}`,
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  `T5\tDiscard ${at('See also: timetables.')}`,
].join('\n');

describe('claimscope import --from brat|w3c', () => {
  it('takes --from brat or w3c only', () => {
    expect(parseCommandLine(['import', '--from', 'brat', 'x'], {})).toMatchObject({ from: 'brat' });
    expect(parseCommandLine(['import', 'x.json'], {})).not.toHaveProperty('from');
    expect(() => parseCommandLine(['import', '--from', 'conll', 'x'], {})).toThrow(UsageError);
  });

  it('imports brat and W3C files into the data folder, naming what it could not represent', async () => {
    const files = join(dir, 'files');
    const dataDir = join(dir, 'data');
    mkdirSync(files);
    writeFileSync(join(files, 'ferry-fares.txt'), txt);
    writeFileSync(join(files, 'ferry-fares.ann'), ann);
    const other = readBrat(txt, ann, { articleId: 'ferry-fares-again', origin: 'test' }).document;
    writeFileSync(join(files, 'ferry-fares-again.txt'), txt);
    writeFileSync(
      join(files, 'ferry-fares-again.annotations.jsonld'),
      JSON.stringify(writeWebAnnotations(other)),
    );
    const lines: string[] = [];
    const options = { api: null, dataDir, articleId: null, json: false };
    const print = (line: string) => lines.push(line);
    expect(await runImport(options, [files], {}, print, 'brat')).toBe(0);
    expect(
      await runImport(
        options,
        [join(files, 'ferry-fares-again.annotations.jsonld')],
        {},
        print,
        'w3c',
      ),
    ).toBe(0);
    expect(lines.join('\n')).toMatch(/not represented {2}\S*ferry-fares\.ann T5: a Discard span/);
    expect(lines.filter((l) => l.startsWith('created'))).toHaveLength(2);

    const store = await openLocalStore({ kind: 'embedded', dataDir });
    try {
      const imported = await store.exportArticle('ferry-fares');
      expect(imported?.claims.map((c) => c.cue?.quote.exact)).toEqual(['said']);
      expect(imported?.article.provenance.agent.name).toBe('claimscope import from brat standoff');
      const fromW3c = await store.exportArticle('ferry-fares-again');
      expect(fromW3c?.claims).toEqual(other.claims);
    } finally {
      await store.close();
    }
  });
});
