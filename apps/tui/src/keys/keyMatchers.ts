import {
  type Binding,
  type Command,
  EXCLUSIVE_MODES,
  KEYMAP,
  type KeySpec,
  MODES,
  type Mode,
} from './keyBindings.js';
import { isPrintable, type KeyPress } from './keypress.js';

/** What a key press means, given the table in `keyBindings.ts` and the modes in force. */

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
