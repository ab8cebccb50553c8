// Development aid: quoted gold attributions found by a prediction whose source disagrees (train),
// printed with the predicted and gold sources; never written to the repository.
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';
import { isQuoted } from './score.js';

type S = { start: number; end: number };
const split = (process.argv[2] ?? 'train') as 'train' | 'dev';
const every = Number(process.argv[3] ?? 4);
const ov = (a: S[] | null, b: S[] | null) =>
  (a ?? []).some((x) => (b ?? []).some((y) => x.start < y.end && y.start < x.end));
const size = (a: S[]) => a.reduce((n, s) => n + s.end - s.start, 0);
let n = 0;
for (const article of loadSplit(split)) {
  const pred = documentAttributions(await extract({ text: article.text }));
  const t = article.text;
  for (const g of article.gold.filter((a) => isQuoted(t, a))) {
    let best: (typeof pred)[number] | undefined;
    let share = 0.3;
    for (const p of pred) {
      let o = 0;
      for (const x of p.content)
        for (const y of g.content)
          o += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
      if (o / size(g.content) > share) {
        share = o / size(g.content);
        best = p;
      }
    }
    if (!best) continue;
    const none = (a: S[] | null) => !a || a.length === 0;
    if ((none(best.source) && none(g.source)) || ov(best.source, g.source)) continue;
    if (n++ % every !== 0) continue;
    const show = (a: S[] | null) => (a ?? []).map((s) => t.slice(s.start, s.end)).join('|') || '-';
    const c = g.content[0] ?? { start: 0, end: 0 };
    const cue = g.cue[0] ?? c;
    const from = Math.min(c.start, cue.start, g.source?.[0]?.start ?? c.start);
    const to = Math.max(cue.end, g.source?.[0]?.end ?? 0, Math.min(c.end, c.start + 80));
    console.log(
      `pred [${show(best.source)}] gold [${show(g.source)}] …${t.slice(Math.max(0, from - 60), Math.min(to + 30, from + 400)).replace(/\n/g, ' ⏎ ')}`,
    );
  }
}
console.log(`${n} disagreements`);
