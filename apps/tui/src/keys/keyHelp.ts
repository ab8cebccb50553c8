import {
  type Binding,
  EXCLUSIVE_MODES,
  KEYMAP,
  type KeySpec,
  MODE_TITLES,
  MODES,
  type Mode,
} from './keyBindings.js';
import type { KeyName } from './keypress.js';

/** The keymap as people read it: key names, the help overlay's sections and the footer line. */

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
