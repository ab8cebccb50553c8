// CPU per imported article on PostgreSQL, in the importing process and in the database:
//   pnpm --filter @claimscope/server exec tsx bench/import-cpu.ts [size] [batch]
// Imports the first `size` (2,000) synthetic articles in batches of `batch` (100) into a fresh
// database of a private cluster, as the benchmark does (validation included), and prints the
// rate and the CPU milliseconds per article of this process (without the generator's, measured
// apart) and of the cluster's processes, and the WAL it wrote per article. CPU time follows the
// load of a shared machine less than articles a second do; WAL does not follow it at all.
import { importBatches } from '@claimscope/api';
import { createPostgresStore } from '@claimscope/api/postgres';
import { cpuTimeBetween, startPostgresCluster } from '@claimscope/api/testing/postgres';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';
import { syntheticBatches } from './synthetic-batches.js';

const [sizeArg = '2000', batchArg = '100'] = process.argv.slice(2);
const size = Number(sizeArg);
const batchSize = Number(batchArg);

// The generator's own CPU, to subtract: it makes the same documents again during the import.
const generating = process.cpuUsage();
for (const _ of syntheticCorpus(size));
const generatorCpu = process.cpuUsage(generating);

const cluster = await startPostgresCluster();
try {
  const store = await createPostgresStore({
    connectionString: await cluster.createDatabase('import_cpu'),
  });
  try {
    // WAL the import writes: unlike CPU time, it does not vary with the load of the machine.
    const walPosition = async () =>
      String((await cluster.execute('SELECT pg_current_wal_insert_lsn() AS lsn'))[0]?.lsn);
    const walBefore = await walPosition();
    const databaseBefore = cluster.cpuTimes();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let rejected = 0;
    for await (const report of importBatches(store, syntheticBatches(size, batchSize)))
      rejected += report.rejected;
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const database = cpuTimeBetween(databaseBefore, cluster.cpuTimes());
    const [wal] = await cluster.execute(
      `SELECT pg_wal_lsn_diff('${await walPosition()}', '${walBefore}') AS bytes`,
    );
    const ms = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    if (rejected > 0) throw new Error(`${rejected} articles were rejected`);
    console.log(
      [
        `${size} articles in batches of ${batchSize}: ${(size / seconds).toFixed(0)} articles/s`,
        `CPU per article (ms): importing process ${((ms(cpu) - ms(generatorCpu)) / size).toFixed(2)}` +
          ` (generator ${(ms(generatorCpu) / size).toFixed(2)} apart), PostgreSQL ${(database / size).toFixed(2)}`,
        `WAL per article: ${(Number(wal?.bytes) / size / 1024).toFixed(1)} KB`,
      ].join('\n'),
    );
  } finally {
    await store.close();
  }
} finally {
  cluster.stop();
}
