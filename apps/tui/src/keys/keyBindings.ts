import type { Motion } from '../state/viewport.js';
import type { KeyName } from './keypress.js';

/**
 * The one keymap of the app, as data. `keyMatchers.ts` resolves presses against it, `keyHelp.ts`
 * renders the help overlay and the footer from it, and `keysMarkdown.ts` writes KEYS.md from it,
 * so they cannot drift apart.
 */

/** Where a binding applies. Resolution tries modes in this order: earlier modes win. */
export const MODES = ['always', 'help', 'input', 'error', 'list', 'reader', 'global'] as const;
export type Mode = (typeof MODES)[number];

/** Modes that swallow every key they do not bind (printable keys type into the input). */
export const EXCLUSIVE_MODES: ReadonlySet<Mode> = new Set(['help', 'input']);

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
  | 'order'
  | 'switchTab'
  | 'nextTab'
  | 'prevTab'
  | 'back'
  | 'help'
  | 'articles'
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
  /** How to print the keys when listing each one would be noisy ("1–6"). */
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
    command: 'order',
    modes: ['list'],
    keys: [ch('o')],
    description: 'Article picker: next order (added, recent, newest, oldest, headline, claims)',
  },

  {
    command: 'open',
    modes: ['reader'],
    keys: [named('return')],
    description:
      'Open the selected quote; at a claim, the linked claim selected or else its speaker; at a relation, its subject',
    footer: 'open',
    keysLabel: 'Enter',
  },
  {
    command: 'nextQuote',
    modes: ['reader'],
    keys: [ch('n')],
    description: 'Select the next quote in the article; at a claim, the next linked claim',
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
    keys: ['1', '2', '3', '4', '5', '6'].map(ch),
    description: 'Go to tab 1–6 (Article, Entities, Claims, Relations, Search, Disagreements)',
    footer: 'tabs',
    keysLabel: '1–6',
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
    command: 'articles',
    modes: ['global'],
    keys: [ch('a')],
    description: 'Choose the article every tab shows',
    footer: 'articles',
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
