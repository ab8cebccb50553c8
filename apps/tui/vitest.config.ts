import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { builtinArticlesJson } from './build/builtin-articles.js';

// The binary and the servers it starts read imported documents from the data directory: give the
// tests an empty one of their own, never the user's, and remove it when the run ends, however it ends.
// Likewise a code cache folder of their own (the built binary's, src/terminal/code-cache.ts).
const dataDir = mkdtempSync(join(tmpdir(), 'claimscope-tui-test-'));
const cacheDir = mkdtempSync(join(tmpdir(), 'claimscope-tui-test-cache-'));
process.once('exit', () => {
  for (const dir of [dataDir, cacheDir]) rmSync(dir, { recursive: true, force: true });
});

export default defineConfig({
  // As in the build (tsdown.config.ts): the first frame's article list, computed ahead.
  define: { BUILTIN_ARTICLES: builtinArticlesJson() },
  test: {
    env: { CLAIMSCOPE_DATA_DIR: dataDir, XDG_CACHE_HOME: cacheDir },
    // Limits sized for a busy 2-core machine: they bound hangs, they do not measure speed.
    testTimeout: 90_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        // The built binary in real terminals (tmux) and as a process: `pnpm test:e2e`.
        extends: true,
        test: {
          name: 'terminal',
          include: ['test/e2e/**/*.test.ts'],
          // Each test starts its own tmux server and binary; a few at a time keeps them steady.
          maxConcurrency: 4,
        },
      },
    ],
  },
});
