import { defineConfig } from 'tsdown';

// Self-contained files, so `node dist/main.js` and `node dist/cli.js` run without tsx or the workspace
// sources; better-sqlite3 stays a dependency (a native addon found beside its package, not bundled).
export default defineConfig({
  entry: { main: 'src/main.ts', cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtensions: () => ({ js: '.js' }),
  deps: {
    alwaysBundle: (id) => !/^better-sqlite3(\/|$)/.test(id),
    onlyBundle: false,
    neverBundle: ['better-sqlite3'],
  },
  dts: false,
  clean: true,
});
