import { createMemoryStore } from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';
import { readConfig } from './config.js';
import { readDocumentsFile } from './documents.js';
import { stdoutLogger as logger } from './logger.js';
import { createServer } from './server.js';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  // CLAIMSCOPE_DOCUMENTS serves the documents of a JSON file instead of the bundled corpus.
  const documentsFile = process.env.CLAIMSCOPE_DOCUMENTS;
  const documents = documentsFile ? await readDocumentsFile(documentsFile) : loadCorpus();
  const app = createServer({ ...config, store: createMemoryStore(documents), logger });
  const { url } = await app.start();
  logger.info(
    `claimscope API listening on ${url} (tRPC at ${url}/trpc; articles: ${documents.length})`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: no new connections; finishing in-flight requests`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  logger.error(
    `claimscope server could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
