import { defineConfig } from 'vitest/config';

// The PostgreSQL suites import the seed corpus in a hook; a shared 2-core machine needs slack.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], hookTimeout: 60_000 } });
