import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  BINARY,
  freePort,
  type RunningServer,
  startServer,
  Terminal,
  terminalTestsAvailable,
} from './harness.js';

/** The built binary in a real terminal, in-process and against a running server. */

const available = terminalTestsAvailable();
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(columns = 100, rows = 30, env: Record<string, string> = {}): Promise<Terminal> {
  const terminal = new Terminal();
  cleanups.push(() => terminal.kill());
  return terminal.start(columns, rows, env);
}

async function server(port?: number): Promise<RunningServer> {
  const running = await startServer(port ?? (await freePort()));
  cleanups.push(() => running.stop());
  return running;
}

/** Every SGR parameter on the screen (1 bold, 7 inverse, 31 red…). */
function sgrParameters(screen: string): number[] {
  return screen
    .split('\u001b[')
    .slice(1)
    .flatMap((rest) => /^([0-9;]*)m/.exec(rest)?.[1]?.split(';').map(Number) ?? []);
}

/** The parameters that set a colour; 39 and 49 (back to the default colour) do not. */
function colourCodes(screen: string): number[] {
  return sgrParameters(screen).filter(
    (p) => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 107),
  );
}

/** Prints a marker in the shell, then starts the app: after it quits the marker must be back. */
async function launch(terminal: Terminal, args = ''): Promise<string> {
  const marker = `MARKER-${Math.random().toString(36).slice(2, 10)}`;
  terminal.run(`echo ${marker}`);
  await terminal.waitFor(new RegExp(`^${marker}$`, 'm'));
  terminal.run(`node ${BINARY} ${args}; echo "EXIT=$?"`);
  await terminal.waitFor('1 Article');
  // The alternate screen hides the shell's lines while the app runs.
  expect(terminal.screen()).not.toContain(marker);
  return marker;
}

describe.skipIf(!available)('claimscope in a terminal (tmux)', () => {
  beforeAll(assertBuilt);

  it('browses the built-in corpus: tabs, drill-in, search, resize, quit', async () => {
    const terminal = await open(100, 30);
    const marker = await launch(terminal);
    await terminal.waitFor('● in-process');
    await terminal.waitFor(/lines 1–\d+ of \d+/);

    terminal.keys('2');
    await terminal.waitFor('60 entities');
    await terminal.waitFor('│ Islamic State');
    terminal.keys('j', 'j', 'j', 'j', 'Enter');
    await terminal.waitFor('Entities › Matthew Levitt');
    terminal.keys('Enter');
    await terminal.waitFor(/Entities › Matthew Levitt › “/);
    await terminal.waitFor('▌');
    terminal.keys('Escape');
    await terminal.waitFor(/^Entities › Matthew Levitt\s*$/m);

    terminal.keys('5');
    await terminal.waitFor('Type to search');
    terminal.type('zarqawi');
    await terminal.waitFor('Abu Musab al-Zarqawi');
    // Digits type into the search box; Enter leaves it for the results.
    terminal.keys('Enter');
    await terminal.waitFor(/^Search: zarqawi\s/m);
    terminal.keys('3');
    await terminal.waitFor(/1–\d+ of 70/);
    expect(terminal.screen()).toContain('│');
    terminal.resize(70, 24);
    await terminal.waitFor('1–17 of 70');
    expect(terminal.screen()).not.toContain('│');
    terminal.resize(30, 8);
    await terminal.waitFor('Terminal too small');
    terminal.resize(100, 30);
    await terminal.waitFor(/1–23 of 70/);

    terminal.keys('q');
    const after = await terminal.waitFor('EXIT=0');
    expect(after).toContain(marker);
    expect(after).not.toContain('1 Article');
  });

  it('types q into the filter instead of quitting, and ? shows the help', async () => {
    const terminal = await open(100, 30);
    await launch(terminal);
    terminal.keys('2');
    await terminal.waitFor('60 entities');
    terminal.keys('/');
    terminal.type('qaeda');
    await terminal.waitFor(/\/ qaeda .*of 60 match/);
    terminal.keys('Escape');
    await terminal.waitFor('60 entities');
    terminal.keys('?');
    await terminal.waitFor('Quit at once, restoring the terminal');
    terminal.keys('Escape');
    await terminal.waitFor('60 entities');
  });

  it('keeps an entity’s claims one line a row, columns aligned, at 78–86 columns', async () => {
    const terminal = await open(100, 30);
    await launch(terminal);
    terminal.keys('2');
    await terminal.waitFor('60 entities');
    terminal.keys('Enter');
    await terminal.waitFor(/^▶ about +\d+ /m);
    // The Islamic State has more claims than one page: the title says how many are loaded.
    await terminal.waitFor(/^\d+ of \d+ claims/m);
    for (let width = 78; width <= 86; width += 1) {
      terminal.resize(width, 30);
      // Redrawn for this width once the position indicator ends at its last column.
      const screen = await terminal.waitFor(
        new RegExp(`^(?=.{${width}}$) *\\d+–\\d+ of \\d+$`, 'm'),
      );
      const lines = screen.split('\n');
      const rows = lines.filter((l) => /^(▶| ) (about|said) /.test(l));
      expect(rows.length, `at ${width}:\n${screen}`).toBeGreaterThan(10);
      // One line a row: the selected row is followed by the next row, not by more of itself.
      const selected = lines.findIndex((l) => l.startsWith('▶ '));
      expect(lines[selected + 1], `at ${width}:\n${screen}`).toMatch(/^ {2}(about|said) /);
      // Aligned: every claim number ends in the same column.
      const numberEnd = (row: string) => /^(▶| ) (about|said) +\d+/.exec(row)?.[0].length ?? -1;
      expect(new Set(rows.map(numberEnd)).size, `at ${width}:\n${screen}`).toBe(1);
      for (const line of lines) expect(line.length, `at ${width}`).toBeLessThanOrEqual(width);
    }
    // At the last row the rest loads.
    terminal.keys('G');
    await terminal.waitFor(/^\d+ claims/m);
  });

  it('restores the shell screen on Ctrl-C', async () => {
    const terminal = await open(80, 24);
    const marker = await launch(terminal);
    terminal.keys('C-c');
    const after = await terminal.waitFor('EXIT=0');
    expect(after).toContain(marker);
  });

  it('restores the shell screen when killed with SIGTERM', async () => {
    const terminal = await open(80, 24);
    const dir = mkdtempSync(join(tmpdir(), 'claimscope-e2e-'));
    const pidFile = join(dir, 'pid');
    const marker = `MARKER-${Date.now()}`;
    terminal.run(`echo ${marker}`);
    await terminal.waitFor(marker);
    terminal.run(`sh -c 'echo $$ > ${pidFile}; exec node ${BINARY}'; echo "EXIT=$?"`);
    await terminal.waitFor('1 Article');
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const after = await terminal.waitFor('EXIT=143');
    expect(after).toContain(marker);
  });

  it('uses no colour with NO_COLOR, but still marks the selection', async () => {
    const terminal = await open(100, 30, { NO_COLOR: '1' });
    await launch(terminal);
    terminal.keys('2');
    await terminal.waitFor('60 entities');
    const screen = terminal.screen({ escapes: true });
    expect(colourCodes(screen)).toEqual([]);
    expect(sgrParameters(screen)).toContain(7);
  });

  it('uses colour without NO_COLOR', async () => {
    const terminal = await open(100, 30);
    await launch(terminal);
    await terminal.waitFor(/lines 1–/);
    expect(colourCodes(terminal.screen({ escapes: true })).length).toBeGreaterThan(0);
  });

  it('talks to a running server, shows a lost server as an error, and retries on r', async () => {
    const port = await freePort();
    let api = await server(port);
    const terminal = await open(100, 30);
    const marker = await launch(terminal, `--api ${api.url}`);
    await terminal.waitFor(`● ${api.url}`);
    await terminal.waitFor(/lines 1–\d+ of \d+/);
    terminal.keys('2');
    await terminal.waitFor('60 entities');
    terminal.keys('Enter');
    await terminal.waitFor('Entities › Islamic State');

    await api.stop();
    terminal.keys('4');
    await terminal.waitFor(`Cannot reach the API at ${api.url}: connection refused`);
    await terminal.waitFor('r retry');

    api = await server(port);
    terminal.keys('r');
    await terminal.waitFor(/\d+ relations/);
    expect(terminal.screen()).not.toContain('Cannot reach');

    terminal.keys('q');
    const after = await terminal.waitFor('EXIT=0');
    expect(after).toContain(marker);
  });
});
