import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The built-in corpus's article list, as the JSON text `scripts/builtin-articles.ts` prints, for
 * the build's (and the tests') `define` of `BUILTIN_ARTICLES`. A separate process: the config
 * loaders of tsdown and vitest cannot import the workspace's TypeScript packages themselves.
 */
export function builtinArticlesJson(): string {
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const script = fileURLToPath(new URL('../scripts/builtin-articles.ts', import.meta.url));
  return execFileSync(tsx, [script], { encoding: 'utf8' });
}
