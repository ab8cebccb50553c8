import { render } from 'ink-testing-library';
import { expect, vi } from 'vitest';
import type { Connection } from '../src/api/client.js';
import type { TabId } from '../src/state/navigation.js';
import { App } from '../src/ui/App.js';
import { createTheme } from '../src/ui/theme.js';

/**
 * The whole terminal UI rendered in-process at a fixed size, with what the tests do to it: read
 * the last frame, wait to see a text, press keys. Unmounting is pushed onto `cleanups`.
 */
export function renderApp(
  connection: Connection,
  cleanups: (() => unknown)[],
  options: { columns?: number; rows?: number; tab?: TabId; articleId?: string } = {},
) {
  const app = render(
    <App
      connection={connection}
      theme={createTheme(false)}
      articleId={options.articleId ?? null}
      initialTab={options.tab}
      size={{ columns: options.columns ?? 100, rows: options.rows ?? 30 }}
    />,
  );
  cleanups.push(() => app.unmount());
  const frame = () => app.lastFrame() ?? '';
  const see = (text: string | RegExp) =>
    vi.waitFor(
      () =>
        typeof text === 'string' ? expect(frame()).toContain(text) : expect(frame()).toMatch(text),
      { timeout: 30_000 },
    );
  const press = async (keys: string, thenSee?: string | RegExp) => {
    app.stdin.write(keys);
    if (thenSee) await see(thenSee);
  };
  return { app, frame, see, press };
}
