import { defineConfig } from 'tsdown';
import { builtinArticlesJson } from './build/builtin-articles.js';

const EMPTY_DEVTOOLS = '\0claimscope:no-devtools';

/**
 * `claimscope` ships as a minified entry file plus the chunks its commands load on demand, with
 * every dependency and the corpus JSON inlined: start-up reads a few files instead of resolving
 * hundreds of modules, and never parses what the command does not use.
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
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    BUILTIN_ARTICLES: builtinArticlesJson(),
  },
  banner: { js: '#!/usr/bin/env node' },
  // Code that only some commands load (the extractor and its language model, ~4 MB) goes into
  // chunks of its own beside the binary, so an interactive start never parses it.
  outputOptions: { chunkFileNames: 'claimscope-[name]-[hash].js' },
  plugins: [
    {
      // Everything must be inside the file: an import left outside (say, a workspace package
      // whose dist was not built) would only fail when a user runs the binary.
      name: 'claimscope:self-contained',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          const outside = chunk.imports.filter(
            (id) => !id.startsWith('node:') && id !== 'better-sqlite3' && !(id in bundle),
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
