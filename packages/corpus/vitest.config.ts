import { defineConfig } from 'vitest/config';

// Pure tests, but a busy 2-core machine can stall any of them for seconds.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
