import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { Script } from 'node:vm';

/*
 * Node 20 keeps no compiled code between runs for ES modules (`module.enableCompileCache` is
 * Node 22). CommonJS scripts run through `vm.Script` can: V8 hands out the bytecode of every
 * function that has run (`createCachedData`) and takes it back at the next start (`cachedData`),
 * so the first frame's React, Ink and screen code is neither parsed nor compiled again.
 */

/**
 * Where the cache lives: $XDG_CACHE_HOME/claimscope, else ~/.cache/claimscope; null (no cache)
 * when CLAIMSCOPE_NO_CACHE is set and not empty. Read here rather than through the settings
 * schema (config.ts), which is itself among the code this cache holds.
 */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env.CLAIMSCOPE_NO_CACHE) return null;
  if (env.XDG_CACHE_HOME?.trim()) return join(env.XDG_CACHE_HOME, 'claimscope');
  if (env.HOME) return join(env.HOME, '.cache', 'claimscope');
  return null;
}

/**
 * The cache file for a script: its content hash, the Node version and the CPU architecture in
 * the name, since V8 itself checks only the length of the source and its own version.
 */
export function cacheFileName(scriptName: string, code: string): string {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  return `${scriptName}@${hash}-${process.version}-${process.arch}.bin`;
}

interface LoadedScript {
  module: { exports: unknown };
  script: Script;
  cacheFile: string | null;
  /** V8 took the cached bytecode: nothing to write. */
  fromCache: boolean;
}

/**
 * A small CommonJS loader for the binary's own scripts (`claimscope-*.cjs` beside it): each runs
 * from its cached bytecode when there is a cache of that very script, and `saveCaches` writes
 * one for each script that had none. Anything else is Node's `require`, except the modules given
 * in `provided`.
 */
export class CachedScripts {
  readonly #dir: string;
  readonly #cacheDir: string | null;
  readonly #provided = new Map<string, unknown>();
  readonly #loaded = new Map<string, LoadedScript>();
  readonly #nodeRequire: NodeJS.Require;

  constructor(dir: string, cacheDir: string | null) {
    this.#dir = dir;
    this.#cacheDir = cacheDir;
    this.#nodeRequire = createRequire(join(dir, 'claimscope.js'));
  }

  /** What `require(id)` returns in the scripts from now on. */
  provide(id: string, exports: unknown): void {
    this.#provided.set(id, exports);
  }

  /** The exports of a script in the binary's folder (`./claimscope-….cjs`), or of a module. */
  require = (id: string): unknown => {
    if (this.#provided.has(id)) return this.#provided.get(id);
    if (!/^\.\/claimscope-[\w.@-]+\.cjs$/.test(id)) return this.#nodeRequire(id);
    const file = resolve(this.#dir, id);
    const known = this.#loaded.get(file);
    return known ? known.module.exports : this.#run(file);
  };

  /** The scripts that ran from cached bytecode, by file name. */
  get fromCache(): string[] {
    return [...this.#loaded].filter(([, s]) => s.fromCache).map(([file]) => basename(file));
  }

  /**
   * Writes the bytecode of everything run so far, for each script that started without a usable
   * cache. Call it once the code worth keeping has run. Never throws: a cache that cannot be
   * written only makes the next start slower.
   */
  saveCaches(): void {
    if (!this.#cacheDir) return;
    const unsaved = [...this.#loaded.values()].filter((loaded) => !loaded.fromCache);
    if (unsaved.length === 0) return;
    try {
      mkdirSync(this.#cacheDir, { recursive: true });
      for (const loaded of unsaved) {
        loaded.fromCache = true;
        if (loaded.cacheFile) writeCache(loaded.cacheFile, loaded.script.createCachedData());
      }
      // Another cache of a script this run loaded belongs to an earlier build or Node version: of
      // no further use. Caches of scripts this run did not load (another command's) stay.
      const current = new Set([...this.#loaded.values()].map((loaded) => loaded.cacheFile));
      const scripts = new Set([...this.#loaded.keys()].map((file) => basename(file, '.cjs')));
      for (const name of readdirSync(this.#cacheDir)) {
        const file = join(this.#cacheDir, name);
        const script = name.slice(0, name.lastIndexOf('@'));
        if (name.endsWith('.bin') && scripts.has(script) && !current.has(file))
          rmSync(file, { force: true });
      }
    } catch {
      // An unwritable cache folder: the next start compiles again, that is all.
    }
  }

  #run(file: string): unknown {
    const code = readFileSync(file, 'utf8');
    const scriptName = basename(file, '.cjs');
    const cacheFile = this.#cacheDir ? join(this.#cacheDir, cacheFileName(scriptName, code)) : null;
    const cachedData = cacheFile ? readCache(cacheFile) : undefined;
    // The same wrapper as Node's own CommonJS loader.
    const script = new Script(
      `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
      { filename: file, cachedData },
    );
    const module = { exports: {} };
    const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
    // Registered before it runs, as Node does, so that scripts requiring each other terminate.
    this.#loaded.set(file, { module, script, cacheFile, fromCache });
    script.runInThisContext()(module.exports, this.require, module, file, this.#dir);
    return module.exports;
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so that a reader never sees half a cache. */
function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
