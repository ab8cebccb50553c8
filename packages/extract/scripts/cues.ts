// Development aid: paired predictions whose cue span differs from the gold cue (a split), as
// "predicted => gold" counts; printed only.
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

type S = { start: number; end: number };
const split = (process.argv[2] ?? 'train') as 'train' | 'dev';
const ov = (a: S[], b: S[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
const diff = new Map<string, number>();
let pairs = 0;
for (const article of loadSplit(split)) {
  const t = article.text;
  const pred = documentAttributions(await extract({ text: t }));
  const used = new Set<number>();
  const show = (a: S[]) =>
    a
      .map((s) => t.slice(s.start, s.end))
      .join(' … ')
      .toLowerCase();
  for (const p of pred) {
    const g = article.gold.findIndex((x, i) => !used.has(i) && ov(p.cue, x.cue));
    if (g < 0) continue;
    used.add(g);
    pairs++;
    const a = show(p.cue);
    const b = show(article.gold[g]?.cue ?? []);
    if (a !== b) diff.set(`${a} => ${b}`, (diff.get(`${a} => ${b}`) ?? 0) + 1);
  }
}
const all = [...diff.values()].reduce((x, y) => x + y, 0);
console.log(`${pairs} pairs, ${all} with another cue span`);
console.log(
  [...diff.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 70)
    .map(([k, v]) => `${v} ${k}`)
    .join('\n'),
);
