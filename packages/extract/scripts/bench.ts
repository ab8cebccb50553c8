// Development aid: the speed ratio of the eval (extractor / wink-nlp alone, same pipeline, warm,
// each text timed right after its extraction) without the scoring, so that it can be bundled and
// run as built code: `node scripts/build-bench.mjs && node dist/bench.mjs [dev|long|train …]`
// (add `--cpu-prof` to node for a profile, and `--extract-only` or `--wink-only` to the bench). Prints each ratio of sums and of each text's fastest pass.
import { performance } from 'node:perf_hooks';
import { extract } from '../src/index.js';
import { warmUp, winkBaseline } from '../src/nlp.js';
import { loadSplit } from './polnear.js';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const runs = wanted.length > 0 ? wanted : ['dev', 'long', 'train'];
const passesArg = process.argv.find((a) => a.startsWith('--passes='));
// For profiles: time one side only.
const onlyExtract = process.argv.includes('--extract-only');
const onlyWink = process.argv.includes('--wink-only');
// Which side of each pair runs first: whichever runs second finds the text and wink-nlp's data
// fresh in the processor's caches.
const order = (process.argv.find((a) => a.startsWith('--order='))?.slice(8) ?? 'extract-first') as
  | 'extract-first'
  | 'wink-first'
  | 'alternate'
  | 'separate';

function longTexts(texts: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const text of texts) {
    current = current ? `${current}\n\n${text}` : text;
    if (current.length >= 10_000) {
      out.push(current);
      current = '';
    }
  }
  return out;
}

async function time(name: string, texts: string[], passes: number): Promise<void> {
  for (const text of texts) {
    await extract({ text }, { id: 'warm-up' });
    winkBaseline(text);
  }
  let extractMs = 0;
  let winkMs = 0;
  const fastestExtract = texts.map(() => Number.POSITIVE_INFINITY);
  const fastestWink = texts.map(() => Number.POSITIVE_INFINITY);
  const timeExtract = async (k: number) => {
    if (onlyWink) return;
    const t0 = performance.now();
    await extract({ text: texts[k] as string }, { id: 'bench' });
    const e = performance.now() - t0;
    extractMs += e;
    fastestExtract[k] = Math.min(fastestExtract[k] as number, e);
  };
  const timeWink = (k: number) => {
    if (onlyExtract) return;
    const t0 = performance.now();
    winkBaseline(texts[k] as string);
    const w = performance.now() - t0;
    winkMs += w;
    fastestWink[k] = Math.min(fastestWink[k] as number, w);
  };
  for (let pass = 0; pass < passes; pass++) {
    if (order === 'separate') {
      // Every text through one side, then every text through the other (which goes first
      // alternates by pass): neither ever follows the other on the same text.
      for (const side of pass % 2 === 0 ? ['extract', 'wink'] : ['wink', 'extract'])
        for (let k = 0; k < texts.length; k++)
          if (side === 'extract') await timeExtract(k);
          else timeWink(k);
      continue;
    }
    for (let k = 0; k < texts.length; k++) {
      const winkFirst = order === 'wink-first' || (order === 'alternate' && pass % 2 === 1);
      if (winkFirst) timeWink(k);
      await timeExtract(k);
      if (!winkFirst) timeWink(k);
    }
  }
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  const timed = texts.length * passes;
  console.log(
    `${name.padEnd(6)} ${texts.length} texts × ${passes}: extractor ${(extractMs / timed).toFixed(2)} ms, wink-nlp ${(winkMs / timed).toFixed(2)} ms, ratio ${(extractMs / Math.max(0.001, winkMs)).toFixed(3)}×, fastest-pass ratio ${(sum(fastestExtract) / Math.max(0.001, sum(fastestWink))).toFixed(3)}× (fastest passes: extractor ${(sum(fastestExtract) / texts.length).toFixed(2)} ms, wink-nlp ${(sum(fastestWink) / texts.length).toFixed(2)} ms)`,
  );
}

warmUp();
const dev = loadSplit('dev').map((a) => a.text);
for (const run of runs) {
  if (run === 'dev') await time('dev', dev, Number(passesArg?.slice(9) ?? 3));
  else if (run === 'long') await time('long', longTexts(dev), Number(passesArg?.slice(9) ?? 10));
  else if (run === 'train')
    await time(
      'train',
      loadSplit('train').map((a) => a.text),
      Number(passesArg?.slice(9) ?? 1),
    );
  else throw new Error(`expected dev, long or train, got ${run}`);
}
