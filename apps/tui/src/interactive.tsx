import { render } from 'ink';
import { connect } from './api/client.js';
import { requests } from './api/queries.js';
import { QueryCache } from './api/query-cache.js';
import type { CliOptions } from './cli/args.js';
import { enterAlternateScreen } from './terminal/screen.js';
import { App } from './ui/App.js';
import { createTheme, wantsColour } from './ui/theme.js';

/** The full-screen UI: alternate screen in, Ink until the user quits, alternate screen out. */
export async function runInteractive(options: CliOptions): Promise<void> {
  const connection = await connect(options);
  // Ask for the article list and then the article text now, while Ink starts, rather than one
  // render cycle after another: the first full frame comes sooner.
  const cache = new QueryCache();
  const articles = requests.articles();
  cache
    .fetch(articles.key, () => articles.run(connection.client))
    .then((list) => {
      const id = options.articleId ?? list[0]?.id;
      const document = id ? requests.document(id) : null;
      if (document) cache.ensure(document.key, () => document.run(connection.client));
    })
    // Failures show in the UI, which reads the same cache.
    .catch(() => {});
  const screen = enterAlternateScreen();
  const instance = render(
    <App
      connection={connection}
      theme={createTheme(wantsColour(process.env))}
      articleId={options.articleId}
      cache={cache}
    />,
    // Ctrl-C is a key like any other here, so that quitting always goes through the same exit.
    { exitOnCtrlC: false, patchConsole: true },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    screen.leave();
  }
}
