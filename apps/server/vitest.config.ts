import { defineConfig } from 'vitest/config';

// Suites start servers, CLI processes and PostgreSQL clusters: limits sized for a busy machine.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
});
