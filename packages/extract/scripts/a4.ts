// Development aid: per cue lemma, how many predictions pair with a gold cue and how many do not.
import { extract } from '../src/index.js';
import { loadSplit } from './polnear.js';

const tp = new Map<string, number>(),
  fp = new Map<string, number>();
for (const article of loadSplit('train')) {
  const doc = await extract({ text: article.text }, { id: 'a' });
  for (const c of doc.claims) {
    if (!c.cue || c.parentId) continue;
    const lemma = c.channel.cue ?? '';
    const hit = article.gold.some((g) =>
      g.cue.some((x) => x.start < c.cue!.position.end && c.cue!.position.start < x.end),
    );
    const key = (c as any).cueLemma ?? c.cue.quote.exact.split(' ').pop()!.toLowerCase();
    (hit ? tp : fp).set(key, ((hit ? tp : fp).get(key) ?? 0) + 1);
    void lemma;
  }
}
const keys = [...new Set([...tp.keys(), ...fp.keys()])].filter(
  (k) => (fp.get(k) ?? 0) > (tp.get(k) ?? 0) && (fp.get(k) ?? 0) >= 3,
);
console.log(
  keys
    .sort((a, b) => (fp.get(b) ?? 0) - (fp.get(a) ?? 0))
    .map((k) => `${k} tp=${tp.get(k) ?? 0} fp=${fp.get(k)}`)
    .join('\n'),
);
