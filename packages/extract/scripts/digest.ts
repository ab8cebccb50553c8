// Development aid: one SHA-256 over the extraction's JSON of every PolNeAR article (dev then
// train, in file order), so that a speed change can be checked to leave every output byte-identical
// (`tsx scripts/digest.ts`; run it on main's code and on the change, and compare). Printed only.
import { createHash } from 'node:crypto';
import { extract } from '../src/index.js';
import { loadSplit } from './polnear.js';

const hash = createHash('sha256');
let count = 0;
for (const split of ['dev', 'train'] as const)
  for (const article of loadSplit(split)) {
    const document = await extract({ text: article.text }, { id: 'digest' });
    hash.update(JSON.stringify(document));
    hash.update('\n');
    count++;
  }
console.log(`${count} articles: ${hash.digest('hex')}`);
