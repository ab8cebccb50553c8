// The benchmark (not a test): import throughput, start time, memory, and latency/throughput under
// load for each store and corpus size, against a bare node:http handler serving the same bytes.
//   pnpm --filter @claimscope/server bench -- --sizes 1,1000,10000 --duration 5 --stores memory,postgres
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { type ClaimStore, createMemoryStore, importDocuments } from '@claimscope/api';
import { createPostgresStore } from '@claimscope/api/postgres';
import { type PostgresCluster, startPostgresCluster } from '@claimscope/api/testing/postgres';
import { syntheticCorpus, syntheticDocument } from '@claimscope/corpus/synthetic';
import autocannon from 'autocannon';
import { createServer } from '../src/server.js';

const { values } = parseArgs({
  // `pnpm … bench -- --sizes …` passes the `--` through: skip it.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    sizes: { type: 'string', default: '1,1000,10000' },
    stores: { type: 'string', default: 'memory,postgres' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const stores = values.stores.split(',');
const duration = Number(values.duration);
const connections = Number(values.connections);
const silent = { info: () => {}, error: () => {} };

const first = syntheticDocument(0);
const QUERIES: [string, string, unknown][] = [
  ['entity.get', 'entity.get', { id: first.claims[0]?.aboutIds[0] }],
  [
    'claim.list (filtered)',
    'claim.list',
    { kind: 'direct_quote', modality: 'asserted', limit: 20 },
  ],
  ['search', 'search', { q: 'truce reconcile' }],
];
const pathOf = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function load(url: string) {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function listen(server: ReturnType<typeof createHttpServer>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let cluster: PostgresCluster | undefined;
let databases = 0;
async function openStore(kind: string): Promise<ClaimStore> {
  if (kind === 'memory') return createMemoryStore([]);
  cluster ??= await startPostgresCluster();
  databases += 1;
  return createPostgresStore({
    connectionString: await cluster.createDatabase(`bench_${databases}`),
  });
}

const lines: string[] = [];
const print = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
print(
  `| store | articles | import (articles/s) | start (ms) | RSS (MB) | query | mode | req/s | p50 (ms) | p99 (ms) | × bare |`,
);
print('|---|---|---|---|---|---|---|---|---|---|---|');
try {
  for (const kind of stores)
    for (const size of sizes) {
      const store = await openStore(kind);
      const importStarted = performance.now();
      let batch: unknown[] = [];
      for (const document of syntheticCorpus(size)) {
        batch.push(document);
        if (batch.length === 100) {
          await importDocuments(store, batch);
          batch = [];
        }
      }
      if (batch.length) await importDocuments(store, batch);
      const importRate = size / ((performance.now() - importStarted) / 1000);
      // Start: build or connect the store as a restarted server would, then listen.
      const startBegan = performance.now();
      await store.counts();
      const cached = createServer({ port: 0, store, logger: silent });
      const uncached = createServer({ port: 0, store, logger: silent, cacheResponses: false });
      const cachedUrl = (await cached.start()).url;
      const startMs = performance.now() - startBegan;
      const uncachedUrl = (await uncached.start()).url;
      const rss = process.memoryUsage().rss / 2 ** 20;
      for (const [label, procedure, input] of QUERIES) {
        const path = pathOf(procedure, input);
        const body = Buffer.from(await (await fetch(`${cachedUrl}${path}`)).arrayBuffer());
        const bare = createHttpServer((_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
          res.end(body);
        });
        const bareUrl = await listen(bare);
        const bareResult = await load(`${bareUrl}${path}`);
        for (const [mode, url] of [
          ['bare node:http', bareUrl],
          ['cached', cachedUrl],
          ['uncached', uncachedUrl],
        ] as const) {
          const r = mode === 'bare node:http' ? bareResult : await load(`${url}${path}`);
          print(
            `| ${kind} | ${size} | ${importRate.toFixed(0)} | ${startMs.toFixed(0)} | ${rss.toFixed(0)} | ${label} (${body.length} B) | ${mode} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / bareResult.rps).toFixed(2)}${r.errors ? ` (${r.errors} errors)` : ''} |`,
          );
        }
        await new Promise((resolve) => bare.close(resolve));
      }
      await cached.stop();
      await uncached.stop();
      await store.close();
    }
} finally {
  cluster?.stop();
}
