import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

const role = process.argv[2] as 'cue' | 'source' | 'content';
const cnt = new Map<string, number>();
let n = 0;
for (const article of loadSplit('train').slice(0, 400)) {
  const doc = await extract({ text: article.text }, { id: 'a' });
  const pred = documentAttributions(doc);
  const ov = (a: any[], b: any[]) =>
    a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
  const used = new Set<number>();
  const T = (s: any[] | null) =>
    (s ?? [])
      .map((c) => article.text.slice(c.start, c.end))
      .join(' | ')
      .replace(/^[\s,.;:"“”‘’']+|[\s,.;:"“”‘’']+$/g, '');
  for (const p of pred) {
    const gi = article.gold.findIndex((g, i) => !used.has(i) && ov(p.cue, g.cue));
    if (gi < 0) continue;
    used.add(gi);
    const g = article.gold[gi]!;
    if (T(p[role]) === T(g[role])) continue;
    const key = role === 'cue' ? `${T(p.cue)} => ${T(g.cue)}` : '';
    cnt.set(key, (cnt.get(key) ?? 0) + 1);
    if (n++ % 15 === 0 && role !== 'cue')
      console.log(`P: ${T(p[role]).slice(0, 150)}\nG: ${T(g[role]).slice(0, 150)}\n`);
  }
}
if (role === 'cue')
  console.log(
    [...cnt.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 50)
      .map(([k, v]) => `${v} ${k}`)
      .join('\n'),
  );
