// CPU per uncached search on the SQLite store, in process and through the uncached server:
//   pnpm --filter @claimscope/server exec tsx bench/search-cpu.ts <dataDir> <size> [seconds]
// Imports `size` synthetic articles into `dataDir` first when it holds no database, so a folder
// can be kept between runs (an import of 10,000 takes minutes); then times the benchmark's 200
// varied searches (the same seed as run.ts) three times in process after one warm pass, and for
// `seconds` through a server with `cacheResponses: false` under a closed loop of 20 connections.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore, SQLITE_FILE } from '@claimscope/api/sqlite';
import { createServer } from '../src/server.js';
import { importSynthetic } from './synthetic-batches.js';
import { variedSearches } from './varied-searches.js';

const [dataDir = '', sizeArg = '10000', secondsArg = '5'] = process.argv.slice(2);
const size = Number(sizeArg);
const duration = Number(secondsArg);

const fresh = !existsSync(join(dataDir, SQLITE_FILE));
const store = openSqliteStore({ dataDir, builtin: [] });
if (fresh) {
  await importSynthetic(store, size);
}
const queries = variedSearches(size);
const search = (q: string) =>
  store.search({ q, types: ['entity', 'claim', 'paragraph'], limit: 20 });
for (const q of queries) await search(q);
const before = process.cpuUsage();
for (let i = 0; i < 3; i++) for (const q of queries) await search(q);
const inProcess = process.cpuUsage(before);
console.log(
  `store: ${((inProcess.user + inProcess.system) / 1000 / (3 * queries.length)).toFixed(3)} ms of CPU per search`,
);

const server = createServer({
  port: 0,
  store,
  logger: { info: () => {}, error: () => {} },
  cacheResponses: false,
});
const { url } = await server.start();
const paths = queries.map((q) => `/trpc/search?input=${encodeURIComponent(JSON.stringify({ q }))}`);
const cpuBefore = process.cpuUsage();
const result = await new Promise<{ rps: number; p50: number; p99: number }>((resolve) => {
  const generator = fork(fileURLToPath(new URL('./load-worker.mjs', import.meta.url)), {
    execArgv: [],
  });
  generator.once('message', (message) => resolve(message as never));
  generator.send({
    url,
    connections: 20,
    duration,
    pipelining: 1,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
});
const cpu = process.cpuUsage(cpuBefore);
console.log(
  `server, closed loop: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${((cpu.user + cpu.system) / 1000 / (result.rps * duration)).toFixed(3)} ms of CPU per search`,
);
await server.stop();
await store.close();
