import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The tmux tests each start their own tmux server and binary; a few at a time keeps them steady.
    maxConcurrency: 4,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
