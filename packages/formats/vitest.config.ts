import { defineConfig } from 'vitest/config';

// Pure functions, but the PolNeAR round trip reads a whole split and a busy 2-core machine can
// stall any test for seconds: the limits bound hangs, they do not measure speed.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 300_000 } });
