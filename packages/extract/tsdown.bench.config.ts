import { defineConfig } from 'tsdown';

// `pnpm bench:build` bundles the speed bench (scripts/bench.ts, with the extractor's sources and
// the workspace's schema package) into dist/bench.js, so that timings and CPU profiles see built
// code rather than tsx's transform. wink-nlp, its model and the HTML readers stay external
// (loaded from node_modules, as a user's bundle would).
export default defineConfig({
  entry: { bench: 'scripts/bench.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtensions: () => ({ js: '.js' }),
  deps: { alwaysBundle: [/^@claimscope\//] },
  sourcemap: true,
  dts: false,
  clean: true,
});
