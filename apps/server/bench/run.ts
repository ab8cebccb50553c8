// The benchmark (not a test): import throughput, start time, memory, and latency/throughput under
// load for each store and corpus size, against a bare node:http handler serving the same bytes.
//   pnpm --filter @claimscope/server bench -- --sizes 1,1000,10000 --duration 5 --stores memory,sqlite,postgres
// For `sqlite`, start time and RSS are those of a real server process (`node dist/main.js`, built
// first) started on the data folder the benchmark imported into, until /healthz answers.
// autocannon runs in a child process (load-worker.mjs), beside the servers rather than on their
// event loop.
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ClaimStore, createMemoryStore, importBatches } from '@claimscope/api';
import { createPostgresStore } from '@claimscope/api/postgres';
import { openSqliteStore } from '@claimscope/api/sqlite';
import {
  cpuTimeBetween,
  type PostgresCluster,
  startPostgresCluster,
} from '@claimscope/api/testing/postgres';
import { syntheticDocument } from '@claimscope/corpus/synthetic';
import { createServer } from '../src/server.js';
import { syntheticBatches } from './synthetic-batches.js';
import { VARIED_QUERIES, variedSearches } from './varied-searches.js';

const { values } = parseArgs({
  // `pnpm … bench -- --sizes …` passes the `--` through: skip it.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    sizes: { type: 'string', default: '1,1000,10000' },
    stores: { type: 'string', default: 'memory,postgres' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    rates: { type: 'string', default: '100,200,400' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const stores = values.stores.split(',');
const duration = Number(values.duration);
const connections = Number(values.connections);
/** Offered loads (requests per second) at which the varied searches are also measured. */
const rates = values.rates
  .split(',')
  .filter((rate) => rate !== '')
  .map(Number);
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
  // A scan of every article's headline, dek and id (the list has no index of its words).
  ['article.list (text)', 'article.list', { text: 'western army', limit: 20 }],
  // Corpus-wide, default arguments: the first page of contradicting and qualifying links.
  ['claim.disagreements', 'claim.disagreements', {}],
  // The entities page: the most mentioned first, each with how many articles name it.
  ['entity.list', 'entity.list', {}],
  // The articles page in another order than the order added.
  ['article.list (newest)', 'article.list', { sort: 'newest', limit: 50 }],
];
const pathOf = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per request of this process (the servers) and of the PostgreSQL cluster. */
  serverCpu: number;
  databaseCpu: number;
}

/**
 * Load on `url` from another process; with `paths`, each connection cycles through them. Without
 * `rate`, each connection sends its next request as soon as the last is answered (a closed loop,
 * at saturation); with it, requests go out evenly at that rate whatever the server does (an open
 * loop, each timed from when it was due: see load-worker.mjs).
 */
async function load(url: string, paths?: string[], rate?: number): Promise<LoadResult> {
  const options = {
    url,
    connections,
    duration,
    pipelining: 1,
    ...(rate && { rate }),
    ...(paths && { requests: paths.map((path) => ({ method: 'GET', path })) }),
  };
  const cpuBefore = process.cpuUsage();
  const databaseBefore = cluster?.cpuTimes() ?? new Map();
  const result = await generate(options);
  const requests = Math.max(1, result.rps * duration);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...result,
    serverCpu: (cpu.user + cpu.system) / 1000 / requests,
    databaseCpu: cpuTimeBetween(databaseBefore, cluster?.cpuTimes() ?? new Map()) / requests,
  };
}

function generate(options: object): Promise<Omit<LoadResult, 'serverCpu' | 'databaseCpu'>> {
  return new Promise((resolve, reject) => {
    const generator = fork(fileURLToPath(new URL('./load-worker.mjs', import.meta.url)), {
      execArgv: [],
    });
    generator.once('message', (result) => resolve(result as LoadResult));
    generator.once('error', reject);
    generator.send(options);
  });
}

async function listen(server: ReturnType<typeof createHttpServer>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A bare node:http server answering each path with the bytes it was given for it. */
async function bareServer(bodies: Map<string, Buffer>) {
  const respond: RequestListener = (req, res) => {
    const body = bodies.get(req.url ?? '') ?? Buffer.alloc(0);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  };
  const server = createHttpServer(respond);
  return { url: await listen(server), close: () => new Promise((r) => server.close(r)) };
}

let cluster: PostgresCluster | undefined;
let databases = 0;
const dataDirs: string[] = [];
async function openStore(
  kind: string,
): Promise<{ store: ClaimStore; database?: string; dataDir?: string }> {
  if (kind === 'memory') return { store: createMemoryStore([]) };
  if (kind === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'claimscope-bench-'));
    dataDirs.push(dataDir);
    return { store: openSqliteStore({ dataDir, builtin: [] }), dataDir };
  }
  cluster ??= await startPostgresCluster();
  databases += 1;
  const database = `bench_${databases}`;
  const connectionString = await cluster.createDatabase(database);
  return { store: await createPostgresStore({ connectionString }), database };
}

/**
 * After a bulk import, PostgreSQL's autovacuum soon vacuums and analyses the new rows (within a
 * minute or so by default); until then every index scan also visits dead and unset-visibility
 * tuples. The benchmark measures that steady state by running it at once, and prints how long it took.
 */
async function settle(database: string): Promise<number> {
  const started = performance.now();
  await cluster?.execute('VACUUM (ANALYZE)', database);
  return performance.now() - started;
}

const mainScript = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/**
 * A server process on `dataDir` as a user starts it (`node dist/main.js`): how long until /healthz
 * answers, and its resident memory after `warm` (a load against it) ran.
 */
async function startServerProcess(dataDir: string, warm: (url: string) => Promise<unknown>) {
  if (!existsSync(mainScript)) throw new Error(`${mainScript} is missing: run pnpm build first`);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const began = performance.now();
  const child = spawn(process.execPath, [mainScript], {
    env: { PATH: process.env.PATH, CLAIMSCOPE_DATA_DIR: dataDir, PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const startMs = performance.now() - began;
    await warm(url);
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { startMs, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

const lines: string[] = [];
const print = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
print(
  `| store | articles | import (articles/s) | start (ms) | RSS (MB) | query | mode | req/s | p50 (ms) | p99 (ms) | × bare | CPU/req: server, db (ms) |`,
);
print('|---|---|---|---|---|---|---|---|---|---|---|---|');
try {
  for (const kind of stores)
    for (const size of sizes) {
      const opened = await openStore(kind);
      const { database, dataDir } = opened;
      let store = opened.store;
      const importStarted = performance.now();
      const importCpu = process.cpuUsage();
      const importDatabaseCpu = cluster?.cpuTimes() ?? new Map();
      // Batches of 100, the next made and validated while the last is written, as the CLI does.
      for await (const report of importBatches(store, syntheticBatches(size)))
        if (report.rejected > 0) throw new Error(`${report.rejected} articles were rejected`);
      const importRate = size / ((performance.now() - importStarted) / 1000);
      {
        const { user, system } = process.cpuUsage(importCpu);
        const databaseMs = cpuTimeBetween(importDatabaseCpu, cluster?.cpuTimes() ?? new Map());
        console.error(
          `${kind} ${size}: import CPU per article (ms), generator included: this process ${((user + system) / 1000 / size).toFixed(2)}${database ? `, PostgreSQL ${(databaseMs / size).toFixed(2)}` : ''}`,
        );
      }
      if (database)
        console.error(
          `${kind} ${size}: VACUUM (ANALYZE) after the import took ${Math.round(await settle(database))} ms`,
        );
      let serverProcess: { startMs: number; rssMb: number } | undefined;
      if (dataDir) {
        // A restart as users make it: a new process opens the folder, then serves searches.
        await store.close();
        const warmPaths = variedSearches(size).map((q) => pathOf('search', { q }));
        serverProcess = await startServerProcess(dataDir, (url) => load(url, warmPaths));
        store = openSqliteStore({ dataDir, builtin: [] });
      }
      // Start: build or connect the store as a restarted server would, then listen.
      const startBegan = performance.now();
      await store.counts();
      const cached = createServer({ port: 0, store, logger: silent });
      const uncached = createServer({ port: 0, store, logger: silent, cacheResponses: false });
      const cachedUrl = (await cached.start()).url;
      const startMs = serverProcess?.startMs ?? performance.now() - startBegan;
      const uncachedUrl = (await uncached.start()).url;
      const rss = serverProcess?.rssMb ?? process.memoryUsage().rss / 2 ** 20;
      const row = (label: string, bytes: string, mode: string, r: LoadResult, bare: LoadResult) =>
        print(
          `| ${kind} | ${size} | ${importRate.toFixed(0)} | ${startMs.toFixed(0)} | ${rss.toFixed(0)} | ${label} (${bytes}) | ${mode} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / bare.rps).toFixed(2)}${r.errors ? ` (${r.errors} errors)` : ''} | ${r.serverCpu.toFixed(2)}${database ? `, ${r.databaseCpu.toFixed(2)}` : ''} |`,
        );
      for (const [label, procedure, input] of QUERIES) {
        const path = pathOf(procedure, input);
        const body = Buffer.from(await (await fetch(`${cachedUrl}${path}`)).arrayBuffer());
        const bare = await bareServer(new Map([[path, body]]));
        const bareResult = await load(`${bare.url}${path}`);
        row(label, `${body.length} B`, 'bare node:http', bareResult, bareResult);
        row(label, `${body.length} B`, 'cached', await load(`${cachedUrl}${path}`), bareResult);
        row(label, `${body.length} B`, 'uncached', await load(`${uncachedUrl}${path}`), bareResult);
        await bare.close();
      }
      // Searches as users make them: a different query on every request, uncached.
      const paths = variedSearches(size).map((q) => pathOf('search', { q }));
      const bodies = new Map<string, Buffer>();
      for (const path of paths)
        bodies.set(path, Buffer.from(await (await fetch(`${uncachedUrl}${path}`)).arrayBuffer()));
      const averageBytes = [...bodies.values()].reduce((n, b) => n + b.length, 0) / bodies.size;
      const bare = await bareServer(bodies);
      const bareResult = await load(bare.url, paths);
      const label = `search, ${VARIED_QUERIES} queries`;
      const bytes = `~${averageBytes.toFixed(0)} B`;
      row(label, bytes, 'bare node:http', bareResult, bareResult);
      row(label, bytes, 'uncached', await load(uncachedUrl, paths), bareResult);
      for (const rate of rates)
        row(
          label,
          bytes,
          `uncached, ${rate} req/s offered`,
          await load(uncachedUrl, paths, rate),
          bareResult,
        );
      await bare.close();
      await cached.stop();
      await uncached.stop();
      await store.close();
    }
} finally {
  cluster?.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
