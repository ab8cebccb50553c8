import { defineConfig } from 'vitest/config';

// The first extraction loads wink-nlp's model (~0.4 s); a shared 2-core machine needs slack.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 30_000 } });
