import { defineConfig } from 'tsdown';

// Self-contained files, so `node dist/main.js` and `node dist/cli.js` run without tsx or the workspace sources.
export default defineConfig({
  entry: { main: 'src/main.ts', cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtensions: () => ({ js: '.js' }),
  deps: { alwaysBundle: () => true, onlyBundle: false },
  dts: false,
  clean: true,
});
