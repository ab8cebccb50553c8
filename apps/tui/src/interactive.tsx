import { render } from 'ink';
import { type Connection, connect } from './api/client.js';
import { requests } from './api/queries.js';
import { QueryCache } from './api/query-cache.js';
import type { CliOptions } from './cli/args.js';
import { readSettings } from './config.js';
import { enterAlternateScreen } from './terminal/screen.js';
import { App } from './ui/App.js';
import { createTheme } from './ui/theme.js';

/**
 * How long start-up waits for the article before drawing anything: long enough that the first
 * frame usually is the article (one render instead of a loading frame and then the text), short
 * enough that a slow server shows its loading state at once.
 */
const FIRST_FRAME_WAIT_MS = 400;
/** How long after the first frame the in-process router and store load if nothing asked yet. */
const WARM_UP_DELAY_MS = 1000;

/**
 * Puts the article list's first page and the first article's text into the cache. In-process,
 * they are read from the store directly; over HTTP, asked for at once rather than one render
 * after another.
 */
function prefetchFirstFrame(
  connection: Connection,
  cache: QueryCache,
  articleId: string | null,
): Promise<unknown> {
  const { client, firstFrame } = connection;
  const articles = requests.articlePage(0, null);
  const listed = cache.fetch(articles.key, async () => {
    const direct = await firstFrame?.articles();
    return direct ?? articles.run(client);
  });
  return listed.then((page) => {
    const id = articleId ?? page.items[0]?.id;
    if (!id) return;
    const document = requests.document(id);
    return cache.fetch(document.key, async () => {
      const direct = await firstFrame?.document(id);
      return direct ?? document.run(client);
    });
  });
}

export interface InteractiveHooks {
  /** Runs a moment after the first frame is on screen, when the terminal is idle. */
  afterFirstFrame?: () => void;
}

/** The full-screen UI: alternate screen in, Ink until the user quits, alternate screen out. */
export async function runInteractive(
  options: CliOptions,
  hooks: InteractiveHooks = {},
): Promise<void> {
  const connection = await connect(options);
  const cache = new QueryCache();
  // Failures show in the UI, which reads the same cache.
  const prefetched = prefetchFirstFrame(connection, cache, options.articleId).catch(() => {});
  await Promise.race([
    prefetched,
    new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS)),
  ]);
  const screen = enterAlternateScreen();
  const instance = render(
    <App
      connection={connection}
      theme={createTheme(readSettings(process.env).colour)}
      articleId={options.articleId}
      cache={cache}
    />,
    // Ctrl-C is a key like any other here, so that quitting always goes through the same exit.
    { exitOnCtrlC: false, patchConsole: true },
  );
  // The first frame is on screen: load the router and open the store for the next request, a
  // moment later, so that the terminal gets the machine to itself while it draws the frame.
  setTimeout(() => {
    hooks.afterFirstFrame?.();
    connection.warmUp?.();
  }, WARM_UP_DELAY_MS);
  try {
    await instance.waitUntilExit();
  } finally {
    screen.leave();
  }
}
