// Development aid: time the extractor's stages over a PolNeAR split (printed only).
import { performance } from 'node:perf_hooks';
import { findAttributions } from '../src/attribution.js';
import { textBlocks } from '../src/blocks.js';
import { findEntities } from '../src/entities.js';
import { extract } from '../src/index.js';
import { analyse, warmUp, winkBaseline } from '../src/nlp.js';
import { loadSplit } from './polnear.js';

const articles = loadSplit('dev');
warmUp();
const t: Record<string, number> = {
  wink: 0,
  analyseBlocks: 0,
  attributions: 0,
  entities: 0,
  extract: 0,
};
for (const a of articles) {
  let s = performance.now();
  winkBaseline(a.text);
  t.wink = (t.wink ?? 0) + performance.now() - s;
  const blocks = textBlocks(a.text);
  s = performance.now();
  analyse(a.text);
  t.analyseWhole = (t.analyseWhole ?? 0) + performance.now() - s;
  s = performance.now();
  const attributions = findAttributions(a.text, blocks);
  t.attributions = (t.attributions ?? 0) + performance.now() - s;
  s = performance.now();
  findEntities(
    a.text,
    blocks.map((b, index) => ({ ...b, index })),
    attributions.flatMap((x) => (x.source ? [x.source] : [])),
  );
  t.entities = (t.entities ?? 0) + performance.now() - s;
  s = performance.now();
  await extract({ text: a.text });
  t.extract = (t.extract ?? 0) + performance.now() - s;
}
for (const [k, v] of Object.entries(t))
  console.log(k, (v / articles.length).toFixed(2), 'ms/article');
