import { importDocuments } from '@claimscope/api';
import { openSqliteStore } from '@claimscope/api/sqlite';
import { syntheticCorpus, syntheticDocument, seededRandom } from '@claimscope/corpus/synthetic';
import { existsSync } from 'node:fs';
const size = Number(process.argv[2] ?? 1000);
const dataDir = `/tmp/scale-prof/data-${size}`;
const fresh = !existsSync(dataDir);
let t = performance.now();
const store = openSqliteStore({ dataDir, builtin: [] });
console.log('open ms', (performance.now() - t).toFixed(1));
if (fresh) {
  t = performance.now();
  let batch: unknown[] = [];
  let n = 0;
  for (const d of syntheticCorpus(size)) {
    batch.push(d);
    if (batch.length === 100) { await importDocuments(store, batch); batch = []; n += 100; if (n % 1000 === 0) console.log(n, ((performance.now() - t) / n).toFixed(2), 'ms/article'); }
  }
  if (batch.length) await importDocuments(store, batch);
  console.log('import/s', (size / ((performance.now() - t) / 1000)).toFixed(0));
}
const random = seededRandom(42);
const qs: string[] = [];
while (qs.length < 200) {
  const document = syntheticDocument(Math.floor(random() * size));
  const ps = document.article.blocks.filter((b) => b.kind === 'paragraph');
  const p = ps[Math.floor(random() * ps.length)];
  const words = [...(p?.text ?? '').matchAll(/\p{L}{3,}/gu)].map((m) => m[0]);
  const count = 1 + Math.floor(random() * 2);
  const start = Math.floor(random() * Math.max(1, words.length - count));
  qs.push(words.slice(start, start + count).join(' '));
}
for (let round = 0; round < 2; round++) {
  const times: [number, string][] = [];
  for (const q of qs) {
    const s = performance.now();
    await store.search({ q, limit: 20, types: ['entity', 'claim', 'paragraph'] });
    times.push([performance.now() - s, q]);
  }
  times.sort((a, b) => a[0] - b[0]);
  console.log('search p50', times[100]?.[0].toFixed(2), 'p99', times[197]?.[0].toFixed(2), 'max', times[199]);
}
const s = performance.now();
await store.search({ q: 'truce reconcile', limit: 20, types: ['entity', 'claim', 'paragraph'] });
console.log('truce reconcile', (performance.now() - s).toFixed(2));
await store.close();
