import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, BINARY, Terminal, terminalTestsAvailable } from './harness.js';

/**
 * The built binary keeps the compiled code of its first frame in $XDG_CACHE_HOME/claimscope and
 * starts from it the next time; a damaged or unwritable cache never stops it from starting.
 */

const available = terminalTestsAvailable();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'claimscope-e2e-cache-'));
  cleanups.push(() => rmSync(path, { recursive: true, force: true }));
  return path;
}

/** Starts claimscope in a terminal with `cacheHome` as XDG_CACHE_HOME; waits for the article. */
async function startApp(cacheHome: string, env: Record<string, string> = {}): Promise<Terminal> {
  const terminal = new Terminal();
  cleanups.push(() => terminal.kill());
  await terminal.start(100, 30, { XDG_CACHE_HOME: cacheHome, ...env });
  terminal.run(`node ${BINARY}`);
  await terminal.waitFor('lines 1–');
  return terminal;
}

/** Quits the app and waits for the shell: its cache is written (or not) by then. */
async function quit(terminal: Terminal): Promise<void> {
  terminal.keys('q');
  await terminal.waitFor(/^[$#]\s*$/m);
}

const bin = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.bin'));
const cacheOf = (home: string) => join(home, 'claimscope');
const filesOf = (dir: string) =>
  Object.fromEntries(bin(dir).map((name) => [name, statSync(join(dir, name)).ino]));

describe.runIf(available)('the code cache of the built binary', () => {
  beforeAll(assertBuilt);

  it('is written after the first frame, and the next start runs from it', async () => {
    const home = folder();
    const first = await startApp(home);
    await vi.waitFor(
      () => {
        const names = bin(cacheOf(home));
        expect(names.some((name) => name.startsWith('claimscope-main@'))).toBe(true);
        expect(names.some((name) => name.startsWith('claimscope-interactive-'))).toBe(true);
      },
      { timeout: 30_000, interval: 100 },
    );
    await quit(first);
    const written = filesOf(cacheOf(home));

    // A start that found its bytecode rejected would write it again (a new file by rename).
    const second = await startApp(home);
    second.keys('j');
    await second.waitFor('lines 2–');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await quit(second);
    expect(filesOf(cacheOf(home))).toEqual(written);
  });

  it('starts from a damaged cache and writes a good one in its place', async () => {
    const home = folder();
    await quit(await startAppUntilCached(home));
    for (const name of bin(cacheOf(home))) writeFileSync(join(cacheOf(home), name), 'garbage');

    const terminal = await startApp(home);
    await vi.waitFor(
      () => {
        for (const name of bin(cacheOf(home)))
          expect(readFileSync(join(cacheOf(home), name), 'latin1')).not.toBe('garbage');
      },
      { timeout: 30_000, interval: 100 },
    );
    await quit(terminal);
  });

  it('starts when the cache folder cannot be created, and without a cache when told', async () => {
    const home = folder();
    writeFileSync(join(home, 'not-a-folder'), '');
    const blocked = await startApp(join(home, 'not-a-folder'));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    blocked.keys('j');
    await blocked.waitFor('lines 2–');
    await quit(blocked);

    const off = await startApp(home, { CLAIMSCOPE_NO_CACHE: '1' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await quit(off);
    expect(readdirSync(home)).toEqual(['not-a-folder']);
  });
});

async function startAppUntilCached(home: string): Promise<Terminal> {
  const terminal = await startApp(home);
  await vi.waitFor(() => expect(bin(cacheOf(home)).length).toBeGreaterThan(0), {
    timeout: 30_000,
    interval: 100,
  });
  return terminal;
}
