import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { batchesOf, type ClaimStore, type ImportBatch, importBatches } from '@claimscope/api';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';

/**
 * The first `size` synthetic articles in batches of `batchSize`, made as they are asked for. Like
 * the CLI reading files, it lets the event loop run between documents: a batch written meanwhile
 * goes on instead of waiting for the whole next batch to be made.
 */
export async function* syntheticBatches(
  size: number,
  batchSize = 100,
): AsyncGenerator<ImportBatch> {
  async function* made() {
    for (const document of syntheticCorpus(size)) {
      yield document;
      await yieldToEventLoop();
    }
  }
  for await (const candidates of batchesOf(made(), batchSize)) yield { candidates };
}

/** Imports the first `size` synthetic articles into `store` as the CLI does; throws if any is rejected. */
export async function importSynthetic(store: ClaimStore, size: number): Promise<void> {
  for await (const report of importBatches(store, syntheticBatches(size)))
    if (report.rejected > 0) throw new Error(`${report.rejected} articles were rejected`);
}
