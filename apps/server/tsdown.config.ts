import { defineConfig } from 'tsdown';

// One self-contained file, so `node dist/main.js` runs without tsx or the workspace sources.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtensions: () => ({ js: '.js' }),
  deps: { alwaysBundle: () => true, onlyBundle: false },
  dts: false,
  clean: true,
});
