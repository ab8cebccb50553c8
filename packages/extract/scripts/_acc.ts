import { loadSplit } from './polnear.js';
let n = 0, inner = 0;
const ex: string[] = [];
for (const a of loadSplit('train')) {
  const t = a.text;
  for (const m of t.matchAll(/\b(said|says|told \w+)(?: [^,.]{0,40})?, according to /g)) {
    const at = m.index ?? 0;
    n++;
    const said = at; const saidEnd = at + m[1]!.length;
    const gs = a.gold.filter((g) => g.cue.some((c) => c.start < saidEnd && at < c.end));
    const ga = a.gold.filter((g) => g.cue.some((c) => t.slice(c.start, c.end).toLowerCase().startsWith('according') && c.start > at && c.start < at + 80));
    if (gs.length) inner++;
    if (ex.length < 8) ex.push(`said-gold=${gs.length} acc-gold=${ga.length} src=${ga.map(g=>g.source?.map(s=>t.slice(s.start,s.end)).join('|')).join(';')} cont=${ga.map(g=>g.content.map(s=>t.slice(s.start,s.end).slice(0,60)).join('|')).join(';')}  …${t.slice(at - 60, at + 60).replace(/\n/g, ' ')}`);
  }
}
console.log(n, inner); console.log(ex.join('\n'));
