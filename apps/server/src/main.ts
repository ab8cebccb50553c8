import { readConfig, readStoreSettings } from './config.js';
import { stdoutLogger as logger } from './logger.js';
import { createServer } from './server.js';
import { openStore } from './store.js';

async function main(): Promise<void> {
  // Every setting is checked before anything starts.
  const config = readConfig(process.env);
  const { store, description } = await openStore(readStoreSettings(process.env));
  const app = createServer({ ...config, store, logger });
  const { url } = await app.start();
  const { articles } = await store.counts();
  logger.info(
    `claimscope API listening on ${url} (tRPC at ${url}/trpc; articles: ${articles}; store: ${description}; ${config.adminToken ? 'imports allowed with the admin token' : 'read-only'})`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: no new connections; finishing in-flight requests`);
    app
      .stop()
      .then(() => store.close())
      .then(
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
