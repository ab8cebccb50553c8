import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BINARY, Terminal, terminalTestsAvailable } from './harness.js';

/**
 * Keys work on every screen after any sequence of keys: the built binary in tmux, driven by the
 * sequences from the bug report and by seeded random ones, each followed by a probe that checks
 * the screen still answers list and reader keys.
 */

const available = terminalTestsAvailable();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function launch(columns = 100, rows = 30): Promise<Terminal> {
  const terminal = new Terminal();
  cleanups.push(() => terminal.kill());
  await terminal.start(columns, rows);
  terminal.run(`node ${BINARY}; echo "EXIT=$?"`);
  await terminal.waitFor(/lines 1–\d+ of \d+/, { timeout: 20_000 });
  return terminal;
}

const FIRST_ROW = 4;

/** The line index of the selected list row, or -1. */
function selectedLine(screen: string): number {
  return screen.split('\n').findIndex((line) => line.startsWith('▶ '));
}

/** Resolves once the selected row is `expected`, polling the screen. */
async function waitForSelection(terminal: Terminal, expected: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const screen = terminal.screen();
    if (selectedLine(screen) === expected) return;
    if (Date.now() > deadline)
      throw new Error(`the selection did not reach line ${expected}; the screen was:\n${screen}`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/** Small, seeded, deterministic: the same sequences on every run (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Everything a user presses except what quits (q, Ctrl-C), in tmux's names.
const ALPHABET = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  'j',
  'j',
  'k',
  'g',
  'G',
  'n',
  'N',
  'Enter',
  'Enter',
  'Escape',
  'Escape',
  'BSpace',
  'Left',
  'Right',
  'Down',
  'Up',
  'PageDown',
  'PageUp',
  'Tab',
  'BTab',
  '[',
  ']',
  '/',
  '?',
  'a',
  'e',
  'C-u',
  'C-d',
];

/**
 * Brings the current tab back to its first screen with Esc (closing help and inputs, clearing
 * filters on the way), then checks that it still answers: the article scrolls, a list moves its
 * selection, the search box takes a query and its results move.
 */
async function probe(terminal: Terminal, context: string): Promise<void> {
  for (let i = 0; i < 14; i += 1) terminal.keys('Escape');
  // Keys are handled in order: once the help shows, every key before it has been handled.
  terminal.keys('?');
  await terminal.waitFor('Quit at once', { timeout: 15_000 });
  terminal.keys('Escape');
  await terminal.waitFor('Quit at once', { timeout: 15_000, absent: true });
  await terminal.waitFor(/^(Article|Entities|Claims|Relations|Search|Disagreements)\s*$/m, {
    timeout: 15_000,
  });
  const crumb = /^(Article|Entities|Claims|Relations|Search|Disagreements)\s*$/m.exec(
    terminal.screen(),
  )?.[1];
  try {
    if (crumb === 'Article') {
      terminal.keys('g');
      await terminal.waitFor(/lines 1–\d+ of/, { timeout: 15_000 });
      terminal.keys('j');
      await terminal.waitFor(/lines 2–\d+ of/, { timeout: 15_000 });
      return;
    }
    if (crumb === 'Search') {
      // A query still on its way would hold '/' until it is answered: wait for the results.
      await terminal.waitFor(/Type to search|^▶ /m, { timeout: 15_000 });
      terminal.keys('/', 'C-u');
      terminal.type('qaeda');
      terminal.keys('Enter');
      await terminal.waitFor(/^Search: qaeda\s/m, { timeout: 15_000 });
    }
    // A tab's first list starts under the tab bar, the breadcrumb, its title and its headers.
    if (crumb === 'Disagreements') await terminal.waitFor(/\d+ disagreements/, { timeout: 15_000 });
    terminal.keys('g');
    await waitForSelection(terminal, FIRST_ROW);
    terminal.keys('j');
    await waitForSelection(terminal, FIRST_ROW + 1);
  } catch (error) {
    throw new Error(`after ${context}: ${(error as Error).message}`);
  }
}

describe.skipIf(!available)('keys after any sequence (tmux)', () => {
  beforeAll(assertBuilt);

  it('Esc at the Entities tab’s first screen leaves j and Enter working', async () => {
    const terminal = await launch();
    terminal.keys('2');
    await terminal.waitFor('60 entities');
    const first = selectedLine(terminal.screen());
    terminal.keys('Escape');
    await new Promise((resolve) => setTimeout(resolve, 300));
    terminal.keys('j');
    await waitForSelection(terminal, first + 1);
    terminal.keys('Enter');
    await terminal.waitFor('Entities › al Qaeda');
  });

  it('Esc at the article leaves j and n working', async () => {
    const terminal = await launch();
    // One key at a time, as a person presses them (keys read together are handled together).
    for (const key of ['1', 'Escape']) {
      terminal.keys(key);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    terminal.keys('j');
    await terminal.waitFor(/lines 2–\d+ of/);
    terminal.keys('n');
    await terminal.waitFor(/claim \d+ \(\d+ of \d+\)/);
    const before = /claim \d+ \((\d+) of/.exec(terminal.screen())?.[1];
    terminal.keys('n');
    await terminal.waitFor(new RegExp(`claim \\d+ \\((?!${before} )\\d+ of`));
  });

  it('answers list and reader keys after seeded random key sequences', async () => {
    const terminal = await launch();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const next = random(seed);
      const keys = Array.from(
        { length: 30 },
        () => ALPHABET[Math.floor(next() * ALPHABET.length)] as string,
      );
      for (const key of keys) terminal.keys(key);
      await probe(terminal, `seed ${seed}: ${keys.join(' ')}`);
    }
    expect(terminal.screen()).not.toContain('EXIT=');
  }, 240_000);
});
