// Development aid: where an extraction's time goes, stage by stage, over a PolNeAR split, beside
// wink-nlp's own processing of the same texts (printed only). `tsx scripts/profile.ts [dev|train]`.
import { performance } from 'node:perf_hooks';
import { findAttributions as attributionsOf } from '../src/attribution.js';
import { textBlocks } from '../src/blocks.js';
import { findEntities } from '../src/entities.js';
import { extract } from '../src/index.js';
import { analyse, forgetAnalysis, warmUp, winkBaseline } from '../src/nlp.js';
import { loadSplit } from './polnear.js';

const articles = loadSplit((process.argv[2] ?? 'dev') as 'dev' | 'train');
warmUp();
const PASSES = 4;
const ms: Record<string, number> = {};
const time = <T>(stage: string, pass: number, run: () => T): T => {
  const start = performance.now();
  const result = run();
  if (pass > 0) ms[stage] = (ms[stage] ?? 0) + performance.now() - start;
  return result;
};
// Pass 0 warms up, untimed. Each stage runs on its own, in the order `extract` runs them: the
// analysis is made by `analyse` and then read from the kept copy by the attributions and entities.
for (let pass = 0; pass < PASSES; pass++) {
  for (const a of articles) {
    const start = performance.now();
    await extract({ text: a.text });
    if (pass > 0) ms.extract = (ms.extract ?? 0) + performance.now() - start;
    time('wink-nlp alone (same pipeline)', pass, () => winkBaseline(a.text));
    const blocks = time('blocks', pass, () => textBlocks(a.text));
    time('analysis (wink-nlp and reading its output)', pass, () => analyse(a.text));
    const attributions = time('attribution rules', pass, () =>
      attributionsOf(
        a.text,
        blocks.filter((b) => b.kind !== 'banner' && b.kind !== 'footer'),
      ),
    );
    time('entities', pass, () =>
      findEntities(
        a.text,
        blocks.map((b, index) => ({ ...b, index })),
        attributions.flatMap((x) => (x.source ? [x.source] : [])),
      ),
    );
    forgetAnalysis();
  }
}
const timed = articles.length * (PASSES - 1);
for (const [stage, total] of Object.entries(ms))
  console.log(`${stage.padEnd(44)} ${(total / timed).toFixed(3)} ms/article`);
const rest =
  (ms.extract ?? 0) -
  ['blocks', 'analysis (wink-nlp and reading its output)', 'attribution rules', 'entities']
    .map((k) => ms[k] ?? 0)
    .reduce((x, y) => x + y, 0);
console.log(
  `${'document and the rest (by difference)'.padEnd(44)} ${(rest / timed).toFixed(3)} ms/article`,
);
console.log(
  `ratio extract / wink-nlp alone: ${((ms.extract ?? 0) / (ms['wink-nlp alone (same pipeline)'] ?? 1)).toFixed(2)}`,
);
