// Development aid: the headline scores on a PolNeAR split, without timing or the baseline
// (`tsx scripts/quick.ts train`), for fast iteration. Printed only.
import { extract } from '../src/index.js';
import { documentAttributions } from './eval-polnear.js';
import { loadSplit } from './polnear.js';
import { emptyTally, isQuoted, prf, scoreArticle } from './score.js';

const split = (process.argv[2] ?? 'train') as 'train' | 'dev';
const all = emptyTally();
const quoted = emptyTally();
for (const article of loadSplit(split)) {
  const predicted = documentAttributions(await extract({ text: article.text }, { id: 'q' }));
  scoreArticle(article.text, predicted, article.gold, all);
  scoreArticle(
    article.text,
    predicted.filter((a) => isQuoted(article.text, a)),
    article.gold.filter((a) => isQuoted(article.text, a)),
    quoted,
  );
}
const f = (c: { predicted: number; gold: number; matched: number }) => {
  const { p, r, f: f1 } = prf(c);
  return `${(100 * f1).toFixed(2)} (P ${(100 * p).toFixed(2)} R ${(100 * r).toFixed(2)})`;
};
const g = quoted.ggt['0.3'];
const gp = g.predicted ? g.correct / g.predicted : 0;
const gr = g.gold ? g.found / g.gold : 0;
console.log(
  `${split}: primary ${f(all.primary)} | exact cue ${f(all.exact.cue)} source ${f(all.exact.source)} content ${f(all.exact.content)} | quoted GGT0.3 ${((200 * gp * gr) / (gp + gr || 1)).toFixed(2)} spk ${((100 * g.speaker) / (g.found || 1)).toFixed(2)}`,
);
