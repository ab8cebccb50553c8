// Development aid: quoted gold contents found (GGT 0.3) whose predicted source does not overlap.
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';
import { isQuoted } from './score.js';

type S = { start: number; end: number };
const chars = (a: S[]) => {
  const c = new Set<number>();
  for (const s of a) for (let i = s.start; i < s.end; i++) c.add(i);
  return c;
};
const ov = (a: S[] | null, b: S[] | null) =>
  (a ?? []).some((x) => (b ?? []).some((y) => x.start < y.end && y.start < x.end));
let n = 0,
  bad = 0,
  found = 0;
for (const article of loadSplit('train').slice(0, 400)) {
  const pred = documentAttributions(await extract({ text: article.text })).filter((p) =>
    isQuoted(article.text, p),
  );
  for (const g of article.gold.filter((x) => isQuoted(article.text, x))) {
    const gc = chars(g.content);
    const p = pred.find((q) => {
      const pc = chars(q.content);
      let i = 0;
      for (const c of gc) if (pc.has(c)) i++;
      return i / gc.size > 0.3;
    });
    if (!p) continue;
    found++;
    if ((!p.source?.length && !g.source?.length) || ov(p.source, g.source)) continue;
    bad++;
    const T = (a: S[] | null) =>
      (a ?? []).map((s) => article.text.slice(s.start, s.end)).join(' | ');
    if (n++ % 6 === 0)
      console.log(
        `P src=${JSON.stringify(T(p.source))} cue=${T(p.cue)} | G src=${JSON.stringify(T(g.source))} cue=${T(g.cue)} | ${T(g.content).slice(0, 60)}`,
      );
  }
}
console.log({ found, bad });
