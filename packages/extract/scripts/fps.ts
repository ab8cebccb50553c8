// Development aid: predicted attributions whose cue no gold cue overlaps, for one cue word (train).
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

type S = { start: number; end: number };
const wanted = process.argv[2] ?? 'said';
const every = Number(process.argv[3] ?? 5);
let n = 0;
for (const article of loadSplit('train').slice(0, 400)) {
  const pred = documentAttributions(await extract({ text: article.text }));
  const ov = (a: S[], b: S[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
  for (const p of pred) {
    const c = p.cue[0];
    if (!c || !article.text.slice(c.start, c.end).toLowerCase().endsWith(wanted)) continue;
    if (article.gold.some((g) => ov(p.cue, g.cue))) continue;
    if (n++ % every !== 0) continue;
    const src = (p.source ?? []).map((s) => article.text.slice(s.start, s.end)).join('|');
    console.log(
      `[${src}] …${article.text.slice(Math.max(0, c.start - 110), c.end + 60).replace(/\n/g, ' ⏎ ')}`,
    );
  }
}
