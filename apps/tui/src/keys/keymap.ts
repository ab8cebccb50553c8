import type { Motion } from '../state/viewport.js';
import { isPrintable, type KeyName, type KeyPress } from './keypress.js';

/**
 * The one keymap of the app. The key handler resolves presses against it, and the help overlay,
 * the footer and KEYS.md are all generated from it, so they cannot drift apart.
 */

/** Where a binding applies. Resolution tries modes in this order: earlier modes win. */
export const MODES = ['always', 'help', 'input', 'error', 'list', 'reader', 'global'] as const;
export type Mode = (typeof MODES)[number];

/** Modes that swallow every key they do not bind (printable keys type into the input). */
const EXCLUSIVE_MODES: ReadonlySet<Mode> = new Set(['help', 'input']);

export const MODE_TITLES: Record<Mode, string> = {
  always: 'Anywhere',
  help: 'Help',
  input: 'Typing in a filter or the search box',
  error: 'After an error',
  list: 'Lists',
  reader: 'Article text',
  global: 'Everywhere else',
};

export type Command =
  | 'quitNow'
  | 'closeHelp'
  | 'inputAccept'
  | 'inputCancel'
  | 'inputDelete'
  | 'inputClear'
  | 'retry'
  | Motion
  | 'open'
  | 'nextQuote'
  | 'prevQuote'
  | 'filter'
  | 'switchTab'
  | 'nextTab'
  | 'prevTab'
  | 'back'
  | 'help'
  | 'quit';

export interface KeySpec {
  name?: KeyName;
  char?: string;
  ctrl?: boolean;
}

export interface Binding {
  command: Command;
  modes: readonly Mode[];
  keys: readonly KeySpec[];
  description: string;
  /** Shown in the footer when the mode is active, as `<keys> <footer>`. */
  footer?: string;
  /** How to print the keys when listing each one would be noisy ("1–5"). */
  keysLabel?: string;
}

const ch = (char: string): KeySpec => ({ char });
const named = (name: KeyName): KeySpec => ({ name });
const ctrl = (char: string): KeySpec => ({ char, ctrl: true });

const motions = (modes: readonly Mode[], what: string): Binding[] => [
  {
    command: 'down',
    modes,
    keys: [ch('j'), named('down')],
    description: `Down one ${what}`,
    footer: 'move',
    keysLabel: 'j/k ↑↓',
  },
  { command: 'up', modes, keys: [ch('k'), named('up')], description: `Up one ${what}` },
  {
    command: 'pageDown',
    modes,
    keys: [named('pageDown'), ch(' ')],
    description: 'Down one page',
    keysLabel: 'PgDn Space',
  },
  { command: 'pageUp', modes, keys: [named('pageUp')], description: 'Up one page' },
  { command: 'halfPageDown', modes, keys: [ctrl('d')], description: 'Down half a page' },
  { command: 'halfPageUp', modes, keys: [ctrl('u')], description: 'Up half a page' },
  {
    command: 'top',
    modes,
    keys: [ch('g'), named('home')],
    description: 'Go to the top',
    footer: 'top/end',
    keysLabel: 'g/G',
  },
  { command: 'bottom', modes, keys: [ch('G'), named('end')], description: 'Go to the bottom' },
];

export const KEYMAP: readonly Binding[] = [
  {
    command: 'quitNow',
    modes: ['always'],
    keys: [ctrl('c')],
    description: 'Quit at once, restoring the terminal',
  },

  {
    command: 'closeHelp',
    modes: ['help'],
    keys: [ch('?'), named('escape'), ch('q')],
    description: 'Close help',
    footer: 'close',
  },
  {
    command: 'down',
    modes: ['help'],
    keys: [ch('j'), named('down')],
    description: 'Scroll help down',
    footer: 'scroll',
    keysLabel: 'j/k',
  },
  { command: 'up', modes: ['help'], keys: [ch('k'), named('up')], description: 'Scroll help up' },

  {
    command: 'inputAccept',
    modes: ['input'],
    keys: [named('return')],
    description: 'Keep the text and go back to the list',
    footer: 'done',
  },
  {
    command: 'inputCancel',
    modes: ['input'],
    keys: [named('escape')],
    description: 'Clear the text and leave the input',
    footer: 'cancel',
  },
  {
    command: 'inputDelete',
    modes: ['input'],
    keys: [named('backspace')],
    description: 'Delete the last character',
  },
  {
    command: 'inputClear',
    modes: ['input'],
    keys: [ctrl('u')],
    description: 'Clear the text',
    footer: 'clear',
  },
  {
    command: 'down',
    modes: ['input'],
    keys: [named('down')],
    description: 'Move the selection down',
    footer: 'select',
    keysLabel: '↑↓',
  },
  { command: 'up', modes: ['input'], keys: [named('up')], description: 'Move the selection up' },

  {
    command: 'retry',
    modes: ['error'],
    keys: [ch('r')],
    description: 'Retry what failed',
    footer: 'retry',
  },

  ...motions(['list', 'reader'], 'row or line'),
  {
    command: 'open',
    modes: ['list'],
    keys: [named('return'), named('right'), ch('l')],
    description: 'Open the selected row',
    footer: 'open',
    keysLabel: 'Enter',
  },
  {
    command: 'filter',
    modes: ['list'],
    keys: [ch('/')],
    description: 'Filter this list as you type',
    footer: 'filter',
  },

  {
    command: 'open',
    modes: ['reader'],
    keys: [named('return')],
    description: 'Open the selected quote; at a quote, its speaker; at a relation, its subject',
    footer: 'open',
    keysLabel: 'Enter',
  },
  {
    command: 'nextQuote',
    modes: ['reader'],
    keys: [ch('n')],
    description: 'Select the next quote in the article',
    footer: 'quote',
    keysLabel: 'n/N',
  },
  {
    command: 'prevQuote',
    modes: ['reader'],
    keys: [ch('N')],
    description: 'Select the previous quote',
  },

  {
    command: 'switchTab',
    modes: ['global'],
    keys: ['1', '2', '3', '4', '5'].map(ch),
    description: 'Go to tab 1–5 (Article, Entities, Claims, Relations, Search)',
    footer: 'tabs',
    keysLabel: '1–5',
  },
  {
    command: 'nextTab',
    modes: ['global'],
    keys: [ch(']'), named('tab')],
    description: 'Next tab',
    keysLabel: '] Tab',
  },
  {
    command: 'prevTab',
    modes: ['global'],
    keys: [ch('['), named('backTab')],
    description: 'Previous tab',
  },
  {
    command: 'back',
    modes: ['global'],
    keys: [named('escape'), named('backspace'), named('left'), ch('h')],
    description: 'Clear the filter, or go back one screen',
    footer: 'back',
    keysLabel: 'Esc',
  },
  {
    command: 'help',
    modes: ['global'],
    keys: [ch('?')],
    description: 'Show all keys',
    footer: 'help',
  },
  { command: 'quit', modes: ['global'], keys: [ch('q')], description: 'Quit', footer: 'quit' },
];

function matches(spec: KeySpec, press: KeyPress): boolean {
  if (Boolean(spec.ctrl) !== press.ctrl) return false;
  if (spec.name !== undefined) return spec.name === press.name;
  return press.name === undefined && spec.char === press.char;
}

export type Resolution =
  | { kind: 'command'; command: Command; press: KeyPress }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

/**
 * Finds what a key press means given the active modes. Modes are tried in priority order; a
 * help overlay or a focused input swallows everything it does not bind, so `q` types a "q"
 * into a filter instead of quitting.
 */
export function resolveKey(
  press: KeyPress,
  active: ReadonlySet<Mode>,
  keymap: readonly Binding[] = KEYMAP,
): Resolution {
  for (const mode of MODES) {
    if (!active.has(mode)) continue;
    const binding = keymap.find(
      (b) => b.modes.includes(mode) && b.keys.some((k) => matches(k, press)),
    );
    if (binding) return { kind: 'command', command: binding.command, press };
    if (mode === 'input' && isPrintable(press)) return { kind: 'text', text: press.char };
    if (EXCLUSIVE_MODES.has(mode)) return { kind: 'none' };
  }
  return { kind: 'none' };
}

export function formatKey(spec: KeySpec): string {
  const symbols: Record<KeyName, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    pageUp: 'PgUp',
    pageDown: 'PgDn',
    home: 'Home',
    end: 'End',
    return: 'Enter',
    escape: 'Esc',
    backspace: 'Backspace',
    tab: 'Tab',
    backTab: 'Shift-Tab',
  };
  const base = spec.name ? symbols[spec.name] : spec.char === ' ' ? 'Space' : (spec.char ?? '');
  return spec.ctrl ? `Ctrl-${base.toUpperCase()}` : base;
}

export function formatKeys(binding: Binding): string {
  return binding.keys.map(formatKey).join(' ');
}

export interface HelpSection {
  modes: readonly Mode[];
  title: string;
  rows: { keys: string; description: string }[];
}

/**
 * The keymap grouped by the modes each binding applies in, in the table's order: the help
 * overlay and KEYS.md both print this.
 */
export function helpSections(keymap: readonly Binding[] = KEYMAP): HelpSection[] {
  const sections = new Map<string, HelpSection>();
  for (const b of keymap) {
    const id = b.modes.join('+');
    let section = sections.get(id);
    if (!section) {
      section = {
        modes: b.modes,
        title: b.modes
          .map((m, i) => (i === 0 ? MODE_TITLES[m] : MODE_TITLES[m].toLowerCase()))
          .join(' and '),
        rows: [],
      };
      sections.set(id, section);
    }
    section.rows.push({ keys: formatKeys(b), description: b.description });
  }
  return [...sections.values()];
}

export interface FooterHint {
  keys: string;
  label: string;
}

/** The short hints for the active modes: the footer line. Exclusive modes hide the rest. */
export function footerHints(
  active: ReadonlySet<Mode>,
  keymap: readonly Binding[] = KEYMAP,
): FooterHint[] {
  const hints: FooterHint[] = [];
  for (const mode of MODES) {
    if (!active.has(mode) || mode === 'always') continue;
    for (const b of keymap) {
      const hint = { keys: b.keysLabel ?? formatKeys(b), label: b.footer ?? '' };
      const seen = hints.some((h) => h.keys === hint.keys && h.label === hint.label);
      if (b.modes.includes(mode) && b.footer && !seen) hints.push(hint);
    }
    if (EXCLUSIVE_MODES.has(mode)) break;
  }
  return hints;
}

/** A Markdown table with its columns padded, as Biome formats Markdown. */
function markdownTable(header: string[], rows: string[][]): string[] {
  const length = (s: string) => Array.from(s).length;
  const widths = header.map((h, i) =>
    Math.max(length(h), 3, ...rows.map((r) => length(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - length(c))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** KEYS.md: the keymap as Markdown tables. */
export function keymapMarkdown(keymap: readonly Binding[] = KEYMAP): string {
  const escapePipes = (s: string) => s.replaceAll('|', '\\|');
  const out = [
    '# claimscope keys',
    '',
    'Generated from `apps/tui/src/keys/keymap.ts` by `pnpm --filter @claimscope/tui docs:keys`; the in-app help (`?`) and the footer come from the same table.',
    'When several apply, the earlier section wins: a focused input takes printable keys, so `q` types a "q" there.',
    '',
  ];
  for (const section of helpSections(keymap)) {
    const rows = section.rows.map((row) => [
      escapePipes(
        row.keys
          .split(' ')
          .map((k) => `\`${k}\``)
          .join(' '),
      ),
      escapePipes(row.description),
    ]);
    out.push(`## ${section.title}`, '', ...markdownTable(['Keys', 'Action'], rows), '');
  }
  return out.join('\n');
}
