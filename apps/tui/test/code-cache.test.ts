import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCacheDir } from '../src/terminal/code-cache.js';

/**
 * The built binary's scripts start from V8's cached bytecode: written once the first frame has
 * run, used by the next start, and never a reason for a start to fail.
 */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'claimscope-code-cache-'));
  folders.push(path);
  return path;
}

/** A program of two scripts, as the build lays them out: an entry requiring a chunk. */
function program(greeting = 'hello'): string {
  const dir = folder();
  writeFileSync(
    join(dir, 'claimscope-main.cjs'),
    `const chunk = require('./claimscope-chunk-a1.cjs');
     const { join } = require('node:path');
     exports.greet = (name) => chunk.shout(join('${greeting}', name)) + require('yoga-layout').mark;`,
  );
  writeFileSync(
    join(dir, 'claimscope-chunk-a1.cjs'),
    'exports.shout = (text) => text.toUpperCase();',
  );
  return dir;
}

const starter = fileURLToPath(new URL('./fixtures/start-cached.ts', import.meta.url));

/** Starts the program in a process of its own; `save`: then writes the cache, as after a frame. */
function start(dir: string, cacheDir: string | null, save = true) {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', starter, dir, cacheDir ?? '', ...(save ? ['save'] : [])],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as { greeting: string; fromCache: string[] };
}

const cacheFiles = (cacheDir: string) => readdirSync(cacheDir).sort();

describe('the code cache', () => {
  it('runs the scripts, their chunks, Node modules and provided modules', () => {
    expect(start(program(), folder(), false).greeting).toBe('HELLO/ADA!');
  });

  it('is written once the code has run, and the next start runs from it', () => {
    const dir = program();
    const cacheDir = join(folder(), 'claimscope');
    expect(start(dir, cacheDir, false).fromCache).toEqual([]);
    expect(existsSync(cacheDir)).toBe(false);
    expect(start(dir, cacheDir).fromCache).toEqual([]);
    const written = cacheFiles(cacheDir);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(
      new RegExp(`^claimscope-chunk-a1@[0-9a-f]{16}-${process.version}-${process.arch}\\.bin$`),
    );
    const inodes = written.map((name) => statSync(join(cacheDir, name)).ino);

    const second = start(dir, cacheDir);
    expect(second.greeting).toBe('HELLO/ADA!');
    expect(second.fromCache).toEqual(['claimscope-chunk-a1.cjs', 'claimscope-main.cjs']);
    // Nothing to write: the files stay as they were.
    expect(cacheFiles(cacheDir).map((name) => statSync(join(cacheDir, name)).ino)).toEqual(inodes);
  });

  it('does not take the bytecode of another build, even of the same length, and drops its cache', () => {
    const cacheDir = folder();
    start(program('hello'), cacheDir);
    const old = cacheFiles(cacheDir);

    const after = start(program('howdy'), cacheDir);
    expect(after.greeting).toBe('HOWDY/ADA!');
    expect(after.fromCache).toEqual(['claimscope-chunk-a1.cjs']);
    const now = cacheFiles(cacheDir);
    expect(now).toHaveLength(2);
    expect(now.filter((name) => !old.includes(name))).toHaveLength(1);
  });

  it("keeps the caches of scripts it did not load (another command's)", () => {
    const cacheDir = folder();
    const other = `claimscope-extract@0123456789abcdef-${process.version}-${process.arch}.bin`;
    writeFileSync(join(cacheDir, other), 'bytecode of a script this start never loads');
    start(program(), cacheDir);
    expect(cacheFiles(cacheDir)).toContain(other);
    expect(cacheFiles(cacheDir)).toHaveLength(3);
  });

  it('starts from a corrupt cache as from none, and replaces it', () => {
    const dir = program();
    const cacheDir = folder();
    start(dir, cacheDir);
    for (const name of cacheFiles(cacheDir)) writeFileSync(join(cacheDir, name), 'not bytecode');

    const next = start(dir, cacheDir);
    expect(next.greeting).toBe('HELLO/ADA!');
    expect(next.fromCache).toEqual([]);
    for (const name of cacheFiles(cacheDir))
      expect(readFileSync(join(cacheDir, name), 'utf8')).not.toBe('not bytecode');
    expect(start(dir, cacheDir).fromCache).toHaveLength(2);
  });

  it('starts, and keeps quiet, when the cache folder cannot be written', () => {
    const blocker = join(folder(), 'a-file');
    writeFileSync(blocker, '');
    // The starter exits non-zero (and prints nothing) if saving throws.
    expect(start(program(), join(blocker, 'claimscope')).greeting).toBe('HELLO/ADA!');
  });

  it('keeps nothing without a cache folder', () => {
    expect(start(program(), null).greeting).toBe('HELLO/ADA!');
  });

  it('lives under XDG_CACHE_HOME, else ~/.cache, and nowhere with CLAIMSCOPE_NO_CACHE', () => {
    expect(codeCacheDir({ HOME: '/home/ana', XDG_CACHE_HOME: '/var/cache/ana' })).toBe(
      '/var/cache/ana/claimscope',
    );
    expect(codeCacheDir({ HOME: '/home/ana', XDG_CACHE_HOME: ' ' })).toBe(
      '/home/ana/.cache/claimscope',
    );
    expect(codeCacheDir({ HOME: '/home/ana', CLAIMSCOPE_NO_CACHE: '1' })).toBeNull();
    expect(codeCacheDir({})).toBeNull();
  });
});
