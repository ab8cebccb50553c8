// Development aid: prints gold attributions with a given cue that the extractor misses (train).
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

const wanted = process.argv[2] ?? 'said';
const every = Number(process.argv[3] ?? 8);
let n = 0;
for (const article of loadSplit('train')) {
  const pred = documentAttributions(await extract({ text: article.text }));
  const ov = (a: { start: number; end: number }[], b: { start: number; end: number }[]) =>
    a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
  for (const g of article.gold) {
    const c = g.cue[0];
    if (!c || article.text.slice(c.start, c.end).toLowerCase() !== wanted) continue;
    if (pred.some((p) => ov(p.cue, g.cue))) continue;
    if (n++ % every !== 0) continue;
    const s = g.source?.[0];
    const src = s ? article.text.slice(s.start, s.end) : '-';
    console.log(
      `[${src}] …${article.text.slice(Math.max(0, c.start - 140), c.end + 70).replace(/\n/g, ' ⏎ ')}`,
    );
  }
}
