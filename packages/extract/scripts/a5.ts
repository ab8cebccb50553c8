import { extract } from '../src/index.js';
import { CUE_LEMMAS } from '../src/lexicon.js';
import { analyse } from '../src/nlp.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';

let inLex = 0,
  outLex = 0;
const ex: string[] = [];
for (const article of loadSplit('train').slice(0, 400)) {
  const doc = await extract({ text: article.text }, { id: 'a' });
  const pred = documentAttributions(doc);
  const ov = (a: any[], b: any[]) =>
    a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
  for (const g of article.gold) {
    if (pred.some((p) => ov(p.cue, g.cue))) continue;
    const c = g.cue[0];
    if (!c) continue;
    const toks = analyse(article.text, c.start, g.cue[g.cue.length - 1]!.end).tokens;
    const hit = toks.some((t) => CUE_LEMMAS.has(t.lemma) || t.lower === 'according');
    if (hit) {
      inLex++;
      if (ex.length < 40 && Math.random() < 0.08)
        ex.push(
          `[${article.text.slice(c.start, c.end)}] src=${g.source ? JSON.stringify(article.text.slice(g.source[0]!.start, g.source[0]!.end)) : '-'} …${article.text.slice(Math.max(0, c.start - 130), c.end + 70).replace(/\n/g, ' ')}`,
        );
    } else outLex++;
  }
}
console.log({ inLex, outLex });
console.log(ex.join('\n'));
