import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP, type Mode } from '../src/keys/keyBindings.js';
import { footerHints } from '../src/keys/keyHelp.js';
import { resolveKey } from '../src/keys/keyMatchers.js';
import type { KeyPress } from '../src/keys/keypress.js';
import { keymapMarkdown } from '../src/keys/keysMarkdown.js';

const char = (c: string, ctrl = false): KeyPress => ({ char: c, ctrl, meta: false });
const named = (name: KeyPress['name']): KeyPress => ({ name, ctrl: false, meta: false });
const modes = (...m: Mode[]) => new Set<Mode>(['always', 'global', ...m]);

describe('resolveKey', () => {
  it('quits on q in a list', () => {
    expect(resolveKey(char('q'), modes('list'))).toMatchObject({
      kind: 'command',
      command: 'quit',
    });
  });

  it('types q into a focused input instead of quitting', () => {
    expect(resolveKey(char('q'), modes('list', 'input'))).toEqual({ kind: 'text', text: 'q' });
  });

  it('quits on Ctrl-C even while typing or in help', () => {
    expect(resolveKey(char('c', true), modes('input'))).toMatchObject({ command: 'quitNow' });
    expect(resolveKey(char('c', true), modes('help'))).toMatchObject({ command: 'quitNow' });
  });

  it('lets help swallow keys it does not bind', () => {
    expect(resolveKey(char('2'), modes('help', 'list'))).toEqual({ kind: 'none' });
    expect(resolveKey(named('escape'), modes('help', 'list'))).toMatchObject({
      command: 'closeHelp',
    });
  });

  it('gives Escape to the input before the back command', () => {
    expect(resolveKey(named('escape'), modes('list', 'input'))).toMatchObject({
      command: 'inputCancel',
    });
    expect(resolveKey(named('escape'), modes('list'))).toMatchObject({ command: 'back' });
  });

  it('moves with arrows but not with j while typing', () => {
    expect(resolveKey(named('down'), modes('list', 'input'))).toMatchObject({ command: 'down' });
    expect(resolveKey(char('j'), modes('list', 'input'))).toEqual({ kind: 'text', text: 'j' });
  });

  it('binds r to retry only after an error', () => {
    expect(resolveKey(char('r'), modes('list', 'error'))).toMatchObject({ command: 'retry' });
    expect(resolveKey(char('r'), modes('list'))).toEqual({ kind: 'none' });
  });

  it('tells Ctrl-D (half page) from d', () => {
    expect(resolveKey(char('d', true), modes('list'))).toMatchObject({ command: 'halfPageDown' });
    expect(resolveKey(char('d'), modes('list'))).toEqual({ kind: 'none' });
  });

  it('never binds one key twice within a mode', () => {
    const seen = new Set<string>();
    for (const binding of KEYMAP)
      for (const mode of binding.modes)
        for (const key of binding.keys) {
          const id = `${mode}:${key.ctrl ? 'C-' : ''}${key.name ?? key.char}`;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
  });
});

describe('footerHints', () => {
  it('shows only the input keys while typing', () => {
    const labels = footerHints(modes('list', 'input')).map((h) => h.label);
    expect(labels).toEqual(['done', 'cancel', 'clear', 'select']);
  });

  it('shows retry after an error, and list keys in a list', () => {
    const labels = footerHints(modes('list', 'error')).map((h) => h.label);
    expect(labels).toContain('retry');
    expect(labels).toContain('filter');
    expect(labels).toContain('quit');
  });
});

describe('KEYS.md', () => {
  it('is generated from the keymap (run pnpm --filter @claimscope/tui docs:keys)', () => {
    expect(readFileSync(new URL('../KEYS.md', import.meta.url), 'utf8')).toBe(keymapMarkdown());
  });
});
