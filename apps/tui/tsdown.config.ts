import { defineConfig, type Rolldown, type UserConfig } from 'tsdown';
import { builtinArticlesJson } from './build/builtin-articles.js';

type Plugin = Rolldown.Plugin;

const EMPTY_DEVTOOLS = '\0claimscope:no-devtools';
/** The program as CommonJS scripts, which src/main.ts runs through V8's code cache. */
const BUILT_SCRIPT = './claimscope-main.cjs';

/** Everything must be inside the files: only Node's modules and the native addon stay outside. */
function selfContained(allowed: string[]): Plugin {
  return {
    // An import left outside (say, a workspace package whose dist was not built) would only fail
    // when a user runs the binary.
    name: 'claimscope:self-contained',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const outside = chunk.imports.filter(
          (id) => !id.startsWith('node:') && !allowed.includes(id) && !(id in bundle),
        );
        if (outside.length > 0)
          this.error(
            `${chunk.fileName} imports ${outside.join(', ')}; build the packages it needs first`,
          );
      }
    },
  };
}

/** Ink imports React DevTools only when DEV=true; it is not installed and never wanted here. */
const noDevtools: Plugin = {
  name: 'claimscope:no-devtools',
  resolveId(source, importer) {
    if (source === './devtools.js' && importer?.includes('/ink/')) return EMPTY_DEVTOOLS;
    return null;
  },
  load(id) {
    return id === EMPTY_DEVTOOLS ? 'export {};' : null;
  },
};

/**
 * Ink's reconciler awaits, at the top level, the DevTools and its package.json when DEV=true; a
 * CommonJS script cannot hold a top-level await, and neither is wanted (see noDevtools).
 */
const inkWithoutDevMode: Plugin = {
  name: 'claimscope:ink-without-dev-mode',
  transform(code, id) {
    if (!/\/ink\/build\/reconciler\.js$/.test(id)) return null;
    // Should Ink await anything else at the top level, rolldown refuses to build the script.
    return code
      .replace("await import('./devtools.js')", 'undefined')
      .replace('await loadPackageJson()', '{}');
  },
};

const shared = {
  platform: 'node',
  target: 'node20',
  // better-sqlite3 is a native addon, found beside its package at run time: a dependency, not bundled.
  deps: {
    alwaysBundle: (id: string) => !/^better-sqlite3(\/|$)/.test(id),
    neverBundle: ['better-sqlite3'],
  },
  minify: true,
  dts: false,
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    BUILTIN_ARTICLES: builtinArticlesJson(),
  },
} satisfies UserConfig;

/**
 * `claimscope` ships as a small ES module entry (claimscope.js) and the program as minified
 * CommonJS scripts beside it, with every dependency and the corpus JSON inlined: start-up reads
 * a few files instead of resolving hundreds of modules, and never parses what the command does
 * not use. CommonJS, because only such scripts can start from V8's cached bytecode on Node 20
 * (src/terminal/code-cache.ts).
 */
export default defineConfig([
  {
    ...shared,
    entry: { claimscope: 'src/main.ts' },
    format: 'esm',
    outExtensions: () => ({ js: '.js' }),
    clean: true,
    define: { ...shared.define, BUILT_SCRIPT: JSON.stringify(BUILT_SCRIPT) },
    banner: { js: '#!/usr/bin/env node' },
    outputOptions: { chunkFileNames: 'claimscope-[name]-[hash].js' },
    plugins: [selfContained([]), noDevtools],
  },
  {
    ...shared,
    entry: { 'claimscope-main': 'src/cli/run.ts' },
    format: 'cjs',
    outExtensions: () => ({ js: '.cjs' }),
    clean: true,
    // The entry hands the scripts the Yoga it loaded (its WebAssembly loads with a top-level await).
    deps: { ...shared.deps, neverBundle: ['better-sqlite3', 'yoga-layout'] },
    // Code that only some commands load (the extractor and its language model, ~4 MB) goes into
    // chunks of its own, so an interactive start never parses it.
    outputOptions: { chunkFileNames: 'claimscope-[name]-[hash].cjs' },
    plugins: [selfContained(['better-sqlite3', 'yoga-layout']), noDevtools, inkWithoutDevMode],
  },
]);
