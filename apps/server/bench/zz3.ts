import { openSqliteStore } from '@claimscope/api/sqlite';
import { syntheticDocument, seededRandom } from '@claimscope/corpus/synthetic';
const store = openSqliteStore({ dataDir: '/tmp/scale-prof/data-10000', builtin: [] });
const random = seededRandom(42);
const qs: string[] = [];
while (qs.length < 200) {
  const document = syntheticDocument(Math.floor(random() * 10000));
  const ps = document.article.blocks.filter((b) => b.kind === 'paragraph');
  const p = ps[Math.floor(random() * ps.length)];
  const words = [...(p?.text ?? '').matchAll(/\p{L}{3,}/gu)].map((m) => m[0]);
  const count = 1 + Math.floor(random() * 2);
  const start = Math.floor(random() * Math.max(1, words.length - count));
  qs.push(words.slice(start, start + count).join(' '));
}
for (const q of qs) await store.search({ q, limit: 20, types: ['entity', 'claim', 'paragraph'] });
const c = process.cpuUsage();
const s = performance.now();
for (let i = 0; i < 5; i++) for (const q of qs) await store.search({ q, limit: 20, types: ['entity', 'claim', 'paragraph'] });
const u = process.cpuUsage(c);
console.log('avg ms', ((performance.now() - s) / 1000).toFixed(3), 'cpu', ((u.user + u.system) / 1000 / 1000).toFixed(3));
