import { defineConfig } from 'tsdown';

const EMPTY_DEVTOOLS = '\0claimscope:no-devtools';

/**
 * `claimscope` ships as one minified file with every dependency and the corpus JSON inlined:
 * start-up is then one file read and parse instead of hundreds of module resolutions.
 */
export default defineConfig({
  entry: { claimscope: 'src/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtensions: () => ({ js: '.js' }),
  // better-sqlite3 is a native addon, found beside its package at run time: a dependency, not bundled.
  deps: {
    alwaysBundle: (id) => !/^better-sqlite3(\/|$)/.test(id),
    neverBundle: ['better-sqlite3'],
  },
  minify: true,
  dts: false,
  clean: true,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  banner: { js: '#!/usr/bin/env node' },
  // One file: the lazily imported in-process API goes into the same file.
  outputOptions: { codeSplitting: false },
  plugins: [
    {
      // Everything must be inside the file: an import left outside (say, a workspace package
      // whose dist was not built) would only fail when a user runs the binary.
      name: 'claimscope:self-contained',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          const outside = chunk.imports.filter(
            (id) => !id.startsWith('node:') && id !== 'better-sqlite3',
          );
          if (outside.length > 0)
            this.error(
              `${chunk.fileName} imports ${outside.join(', ')}; build the packages it needs first`,
            );
        }
      },
    },
    {
      // Ink imports React DevTools only when DEV=true; it is not installed and never wanted here.
      name: 'claimscope:no-devtools',
      resolveId(source, importer) {
        if (source === './devtools.js' && importer?.includes('/ink/')) return EMPTY_DEVTOOLS;
        return null;
      },
      load(id) {
        return id === EMPTY_DEVTOOLS ? 'export {};' : null;
      },
    },
  ],
});
