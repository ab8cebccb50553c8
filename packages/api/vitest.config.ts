import { defineConfig } from 'vitest/config';

// The PostgreSQL suites start a private cluster and import the seed corpus; a shared 2-core
// machine under load needs generous limits (they bound hangs, they do not measure speed).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 180_000 },
});
