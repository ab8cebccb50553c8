import type { Key } from 'ink';

/** Named keys the keymap can bind, independent of how the terminal encoded them. */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'backspace'
  | 'tab'
  | 'backTab';

/** One key press, normalised: either a named key or a printable character, with modifiers. */
export interface KeyPress {
  name?: KeyName;
  /** The printable character, when the press is one (`q`, `/`, `G`). */
  char?: string;
  ctrl: boolean;
  meta: boolean;
}

/**
 * Turns Ink's `(input, key)` pair into a KeyPress. Terminals send DEL (0x7f) for Backspace,
 * which Ink reports as `delete`, so both count as backspace here.
 */
export function toKeyPress(input: string, key: Key): KeyPress {
  const base = { ctrl: key.ctrl, meta: key.meta && !key.escape };
  const named: [boolean, KeyName][] = [
    [key.upArrow, 'up'],
    [key.downArrow, 'down'],
    [key.leftArrow, 'left'],
    [key.rightArrow, 'right'],
    [key.pageUp, 'pageUp'],
    [key.pageDown, 'pageDown'],
    [key.home, 'home'],
    [key.end, 'end'],
    [key.return, 'return'],
    [key.escape, 'escape'],
    [key.backspace || key.delete, 'backspace'],
    [key.tab && key.shift, 'backTab'],
    [key.tab, 'tab'],
  ];
  for (const [pressed, name] of named) if (pressed) return { ...base, name };
  return { ...base, char: input };
}

const CONTROL_NAMES: Record<string, KeyName> = {
  '\r': 'return',
  '\n': 'return',
  '\t': 'tab',
  '\u007f': 'backspace',
  '\b': 'backspace',
  '\u001b': 'escape',
};

function fromCharacter(char: string): KeyPress {
  const name = CONTROL_NAMES[char];
  if (name) return { name, ctrl: false, meta: false };
  const code = char.codePointAt(0) ?? 0;
  // Ctrl-A … Ctrl-Z arrive as 0x01 … 0x1a.
  if (code >= 1 && code <= 26)
    return { char: String.fromCharCode(code + 96), ctrl: true, meta: false };
  return { char, ctrl: false, meta: false };
}

/**
 * Ink delivers plain text that arrives in one read as one input: fast typing, key repeat over
 * SSH, or several keys sent at once. A paste into an input wants the whole text, but commands
 * must see each key, so text is split into one press per character.
 */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
  const press = toKeyPress(input, key);
  // Esc then a key, arriving together, reads as Alt+key; nothing here uses Alt, so split it.
  if (
    press.meta &&
    press.name === undefined &&
    !press.ctrl &&
    press.char &&
    press.char.length === 1
  )
    return [
      { name: 'escape', ctrl: false, meta: false },
      { ...press, meta: false },
    ];
  if (press.name !== undefined || press.ctrl || press.meta || input.length <= 1) return [press];
  const chars = Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(input),
    (s) => s.segment,
  );
  return chars.length <= 1 ? [press] : chars.map(fromCharacter);
}

/** True for a press that should type into a text input: one printable character, no Ctrl. */
export function isPrintable(press: KeyPress): press is KeyPress & { char: string } {
  return (
    press.name === undefined &&
    !press.ctrl &&
    !press.meta &&
    press.char !== undefined &&
    press.char.length > 0 &&
    // Pasted text arrives as one chunk; control characters never belong in the input.
    !Array.from(press.char).some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f')
  );
}
