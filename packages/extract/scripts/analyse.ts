// Development aid: which gold cues the extractor misses and which predicted cues are wrong, on a
// PolNeAR split (printed, never written to the repository).
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

const split = (process.argv[2] ?? 'train') as 'train' | 'dev';
const missed = new Map<string, number>();
const wrong = new Map<string, number>();
const examples: string[] = [];
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
for (const article of loadSplit(split)) {
  const doc = await extract({ text: article.text }, { id: 'a' });
  const pred = documentAttributions(doc);
  const ov = (a: { start: number; end: number }[], b: { start: number; end: number }[]) =>
    a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
  for (const g of article.gold) {
    if (pred.some((p) => ov(p.cue, g.cue))) continue;
    const cue = g.cue
      .map((c) => article.text.slice(c.start, c.end))
      .join(' ')
      .toLowerCase();
    bump(missed, cue);
    if (examples.length < 40 && Math.random() < 0.05) {
      const c = g.cue[0] ?? { start: 0, end: 0 };
      examples.push(
        `MISS [${cue}] …${article.text.slice(Math.max(0, c.start - 120), c.end + 80).replace(/\n/g, ' ')}`,
      );
    }
  }
  for (const p of pred) {
    if (article.gold.some((g) => ov(p.cue, g.cue))) continue;
    const cue = p.cue
      .map((c) => article.text.slice(c.start, c.end))
      .join(' ')
      .toLowerCase();
    bump(wrong, cue);
    if (examples.length < 60 && Math.random() < 0.03) {
      const c = p.cue[0] ?? { start: 0, end: 0 };
      examples.push(
        `FP [${cue}] …${article.text.slice(Math.max(0, c.start - 120), c.end + 80).replace(/\n/g, ' ')}`,
      );
    }
  }
}
const top = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
console.log(`missed (${[...missed.values()].reduce((a, b) => a + b, 0)}): ${top(missed)}\n`);
console.log(`wrong (${[...wrong.values()].reduce((a, b) => a + b, 0)}): ${top(wrong)}\n`);
console.log(examples.join('\n'));
