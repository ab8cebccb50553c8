import { fileURLToPath } from 'node:url';
import { loadYoga } from 'yoga-layout/load';
import { CachedScripts, codeCacheDir } from '../src/terminal/code-cache.js';

// The minimal Ink program (minimal.tsx, built as a CommonJS script) started the way claimscope
// is: through the code cache, which it writes a second after its frame.
const scripts = new CachedScripts(
  fileURLToPath(new URL('.', import.meta.url)),
  codeCacheDir(process.env),
);
scripts.provide('yoga-layout', await loadYoga());
scripts.require('./claimscope-minimal.cjs');
setTimeout(() => scripts.saveCaches(), 1000);
