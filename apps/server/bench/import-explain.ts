// Where PostgreSQL's time goes in one imported batch:
//   pnpm --filter @claimscope/server exec tsx bench/import-explain.ts [before] [batch]
// Imports the first `before` (1,000) synthetic articles, then two more batches of `batch` (100)
// with auto_explain (ANALYZE, BUFFERS, WAL, nested statements: the triggers' too) and every
// statement's parse, bind and execute durations logged, and prints the log of the second (the
// first fills the new connection's caches).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBatches } from '@claimscope/api';
import { createPostgresStore } from '@claimscope/api/postgres';
import { startPostgresCluster } from '@claimscope/api/testing/postgres';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';
import { syntheticBatches } from './synthetic-batches.js';

const [beforeArg = '1000', batchArg = '100'] = process.argv.slice(2);
const before = Number(beforeArg);
const batch = Number(batchArg);

const cluster = await startPostgresCluster();
try {
  const url = await cluster.createDatabase('import_explain');
  const first = await createPostgresStore({ connectionString: url });
  for await (const report of importBatches(first, syntheticBatches(before)))
    if (report.rejected > 0) throw new Error(`${report.rejected} articles were rejected`);
  await first.close();
  await cluster.execute('VACUUM ANALYZE', 'import_explain');
  const settings = {
    session_preload_libraries: 'auto_explain',
    'auto_explain.log_min_duration': '0',
    'auto_explain.log_analyze': 'on',
    'auto_explain.log_buffers': 'on',
    'auto_explain.log_wal': 'on',
    'auto_explain.log_nested_statements': 'on',
    'auto_explain.log_triggers': 'on',
    log_min_duration_statement: '0',
  };
  for (const [name, value] of Object.entries(settings))
    await cluster.execute(`ALTER DATABASE import_explain SET ${name} = '${value}'`);
  const log = join(cluster.folder, 'server.log');
  const store = await createPostgresStore({ connectionString: url });
  if (!store.importDocuments) throw new Error('the PostgreSQL store imports batches');
  const documents = [...syntheticCorpus(before + 2 * batch)].slice(before);
  const warmUp = await store.importDocuments(documents.slice(0, batch));
  const logStart = readFileSync(log, 'utf8').length;
  const results = await store.importDocuments(documents.slice(batch));
  await store.close();
  if ([...warmUp, ...results].some((r) => !('status' in r)))
    throw new Error('a document was rejected');
  console.log(readFileSync(log, 'utf8').slice(logStart));
} finally {
  cluster.stop();
}
