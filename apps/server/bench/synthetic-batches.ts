import { batchesOf, type ImportBatch } from '@claimscope/api';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';

/** The first `size` synthetic articles in batches of `batchSize`, made as they are asked for. */
export async function* syntheticBatches(
  size: number,
  batchSize = 100,
): AsyncGenerator<ImportBatch> {
  for await (const candidates of batchesOf(syntheticCorpus(size), batchSize)) yield { candidates };
}
