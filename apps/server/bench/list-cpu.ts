// CPU per `claim.list` page, in process, one line per filter, on the SQLite store:
//   pnpm --filter @claimscope/server exec tsx bench/list-cpu.ts <dataDir> <size> [calls]
// or on PostgreSQL (a private cluster, deleted afterwards; CPU of this process + the database's):
//   pnpm --filter @claimscope/server exec tsx bench/list-cpu.ts postgres <size> [calls]
// Imports `size` synthetic articles into `dataDir` first when it holds no database, so a folder
// can be kept between runs (an import of 10,000 takes minutes); then, for each filter, makes one
// warm call and times `calls` more (first page of 20, and the page at offset 1,000).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimStore } from '@claimscope/api';
import { createPostgresStore } from '@claimscope/api/postgres';
import { openSqliteStore, SQLITE_FILE } from '@claimscope/api/sqlite';
import { cpuTimeBetween, startPostgresCluster } from '@claimscope/api/testing/postgres';
import { importSynthetic } from './synthetic-batches.js';

const [dataDir = '', sizeArg = '10000', callsArg = '5'] = process.argv.slice(2);
const size = Number(sizeArg);
const calls = Number(callsArg);

const cluster = dataDir === 'postgres' ? await startPostgresCluster() : null;
const fresh = cluster !== null || !existsSync(join(dataDir, SQLITE_FILE));
const store = cluster
  ? await createPostgresStore({ connectionString: await cluster.createDatabase('bench') })
  : openSqliteStore({ dataDir, builtin: [] });
if (fresh) {
  await importSynthetic(store, size);
  if (cluster) await cluster.execute('VACUUM ANALYZE', 'bench');
}

// Ids that exist in any synthetic corpus: the first page's claims name them.
const first = await store.listClaims({ limit: 100 });
const sample = first.items.find((c) => c.channel.outletId) ?? first.items[0];
const speakerId = sample?.speakerId ?? '';
const aboutId = first.items.find((c) => c.aboutIds.length)?.aboutIds[0] ?? '';
const outletId = sample?.channel.outletId ?? '';

type ListClaimsQuery = Parameters<ClaimStore['listClaims']>[0];

const filters: [string, Partial<ListClaimsQuery>][] = [
  ['no filter', {}],
  ['speakerId', { speakerId }],
  ['aboutId', { aboutId }],
  ['speakerId + channel', { speakerId, channel: ['interview'] }],
  ["channel: ['interview']", { channel: ['interview'] }],
  ["review: ['unreviewed']", { review: ['unreviewed'] }],
  ["review: ['rejected']", { review: ['rejected'] }],
  ['outletId', { outletId }],
  ['channel + review', { channel: ['interview'], review: ['unreviewed'] }],
  ["text: 'said'", { text: 'said' }],
  ["text: 'truce'", { text: 'truce' }],
  ["text: 'tr'", { text: 'tr' }],
  ["text: 'zzzq' (no match)", { text: 'zzzq' }],
  ['aboutId + text', { aboutId, text: 'said' }],
];

const cpuOf = async (query: ListClaimsQuery) => {
  await store.listClaims(query);
  const databaseBefore = cluster?.cpuTimes() ?? new Map();
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await store.listClaims(query);
  const used = process.cpuUsage(before);
  const database = cpuTimeBetween(databaseBefore, cluster?.cpuTimes() ?? new Map());
  return ((used.user + used.system) / 1000 + database) / calls;
};

console.log('filter | total | first page (ms CPU) | offset 1,000 (ms CPU)');
for (const [name, filter] of filters) {
  const query = { limit: 20, ...filter } as ListClaimsQuery;
  const page = await store.listClaims(query);
  const firstPage = await cpuOf(query);
  const deep = await cpuOf({ ...query, cursor: 1000 } as ListClaimsQuery);
  const total = `${page.total}${'totalIsLowerBound' in page && page.totalIsLowerBound ? '+' : ''}`;
  console.log(`${name} | ${total} | ${firstPage.toFixed(2)} | ${deep.toFixed(2)}`);
}
await store.close();
cluster?.stop();
