// Development aid: predicted and gold sources that differ, for cue-paired attributions (train).
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

type S = { start: number; end: number };
const ov = (a: S[] | null, b: S[] | null) =>
  (a ?? []).some((x) => (b ?? []).some((y) => x.start < y.end && y.start < x.end));
const every = Number(process.argv[2] ?? 7);
let n = 0;
for (const article of loadSplit('train').slice(0, 300)) {
  const pred = documentAttributions(await extract({ text: article.text }));
  const used = new Set<number>();
  const T = (a: S[] | null) => (a ?? []).map((s) => article.text.slice(s.start, s.end)).join(' | ');
  for (const p of pred) {
    const gi = article.gold.findIndex((g, i) => !used.has(i) && ov(p.cue, g.cue));
    if (gi < 0) continue;
    used.add(gi);
    const g = article.gold[gi];
    if (!g || T(p.source).replace(/[,.]$/, '') === T(g.source).replace(/[,.]$/, '')) continue;
    if (n++ % every === 0)
      console.log(
        `${ov(p.source, g.source) ? 'OVL' : 'NO '} P: ${T(p.source).slice(0, 70)}  ||  G: ${T(g.source).slice(0, 70)}  [${T(p.cue)}]`,
      );
  }
}
