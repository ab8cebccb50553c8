import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The tmux tests each start their own tmux server and binary; a few at a time keeps them steady.
    maxConcurrency: 4,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The binary and the servers it starts read imported documents from the data directory: give
    // the tests an empty one of their own, never the user's.
    env: { CLAIMSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'claimscope-tui-test-')) },
  },
});
