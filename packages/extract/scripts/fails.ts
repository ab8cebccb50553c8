// Development aid: why cue-paired predictions fail the primary score (train, printed only).
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

type S = { start: number; end: number };
const ov = (a: S[] | null, b: S[] | null) =>
  (a ?? []).some((x) => (b ?? []).some((y) => x.start < y.end && y.start < x.end));
const chars = (a: S[]) => {
  const c = new Set<number>();
  for (const s of a) for (let i = s.start; i < s.end; i++) c.add(i);
  return c;
};
const counts = { paired: 0, contentShort: 0, source: 0, both: 0 };
const show = process.argv[2];
let n = 0;
for (const article of loadSplit('train').slice(0, 500)) {
  const pred = documentAttributions(await extract({ text: article.text }));
  const used = new Set<number>();
  for (const p of pred) {
    const gi = article.gold.findIndex((g, i) => !used.has(i) && ov(p.cue, g.cue));
    if (gi < 0) continue;
    used.add(gi);
    const g = article.gold[gi]!;
    counts.paired++;
    const gc = chars(g.content);
    const pc = chars(p.content);
    let inter = 0;
    for (const i of gc) if (pc.has(i)) inter++;
    const contentOk = gc.size > 0 && inter / gc.size > 0.5;
    const srcOk = (!p.source?.length && !g.source?.length) || ov(p.source, g.source);
    if (!contentOk && !srcOk) counts.both++;
    else if (!contentOk) counts.contentShort++;
    else if (!srcOk) counts.source++;
    const T = (a: S[] | null) =>
      (a ?? []).map((s) => article.text.slice(s.start, s.end)).join(' | ');
    if (show === 'content' && !contentOk && n++ % 10 === 0)
      console.log(
        `CUE ${T(p.cue)}\n P: ${T(p.content).slice(0, 160)}\n G: ${T(g.content).slice(0, 160)}\n`,
      );
    if (show === 'source' && !srcOk && contentOk && n++ % 5 === 0)
      console.log(`CUE ${T(p.cue)}  P: ${T(p.source)}  G: ${T(g.source)}`);
  }
}
console.log(counts);
