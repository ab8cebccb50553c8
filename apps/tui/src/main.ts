/*
 * The `claimscope` command. Built, it runs the program from CommonJS scripts beside it through
 * V8's code cache (terminal/code-cache.ts): a start after the first reuses the compiled code of
 * everything the first frame ran. From source (tsx, tests), it imports the program directly.
 */

/** The built program's scripts, beside this file; undefined when run from source. */
declare const BUILT_SCRIPT: string | undefined;

if (typeof BUILT_SCRIPT === 'string') {
  const { fileURLToPath } = await import('node:url');
  const { CachedScripts, codeCacheDir } = await import('./terminal/code-cache.js');
  const scripts = new CachedScripts(
    fileURLToPath(new URL('.', import.meta.url)),
    codeCacheDir(process.env),
  );
  const { run } = scripts.require(BUILT_SCRIPT) as typeof import('./cli/run.js');
  run(process.argv.slice(2), {
    async prepareInteractive() {
      // Ink's yoga-layout awaits its WebAssembly at the top level, which a CommonJS script
      // cannot: it loads here, and the scripts' `require('yoga-layout')` receives it.
      const { loadYoga } = await import('yoga-layout/load');
      scripts.provide('yoga-layout', await loadYoga());
    },
    // By then the first frame's code has run: its bytecode is what the next start needs.
    interactiveHooks: { afterFirstFrame: () => scripts.saveCaches() },
  });
} else {
  const { run } = await import('./cli/run.js');
  run(process.argv.slice(2));
}
