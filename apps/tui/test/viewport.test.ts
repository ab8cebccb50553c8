import { describe, expect, it } from 'vitest';
import { moveCursor, moveScroll, positionLabel, reveal, settle } from '../src/state/viewport.js';

const at = (cursor: number, scroll = 0) => ({ cursor, scroll });

describe('moveCursor', () => {
  it('moves down and scrolls the window to keep the cursor visible', () => {
    expect(moveCursor(at(9, 0), 'down', 100, 10)).toEqual(at(10, 1));
  });

  it('stops at both ends', () => {
    expect(moveCursor(at(0), 'up', 100, 10)).toEqual(at(0, 0));
    expect(moveCursor(at(99, 90), 'down', 100, 10)).toEqual(at(99, 90));
  });

  it('pages by a window and half a window', () => {
    expect(moveCursor(at(3, 0), 'pageDown', 100, 10)).toEqual(at(13, 10));
    expect(moveCursor(at(3, 0), 'halfPageDown', 100, 10)).toEqual(at(8, 5));
    expect(moveCursor(at(13, 10), 'pageUp', 100, 10)).toEqual(at(3, 0));
  });

  it('jumps to the top and bottom', () => {
    expect(moveCursor(at(50, 45), 'top', 100, 10)).toEqual(at(0, 0));
    expect(moveCursor(at(0), 'bottom', 100, 10)).toEqual(at(99, 90));
  });

  it('copes with an empty list and lists shorter than the window', () => {
    expect(moveCursor(at(0), 'down', 0, 10)).toEqual(at(0, 0));
    expect(moveCursor(at(0), 'pageDown', 3, 10)).toEqual(at(2, 0));
  });
});

describe('settle', () => {
  it('pulls a cursor back in range after the list shrinks (a filter)', () => {
    expect(settle(at(40, 35), 5, 10)).toEqual(at(4, 0));
  });

  it('keeps the cursor visible when the window shrinks (a resize)', () => {
    expect(settle(at(20, 15), 100, 4)).toEqual(at(20, 17));
  });
});

describe('moveScroll and reveal', () => {
  it('scrolls text within bounds', () => {
    expect(moveScroll(at(0, 0), 'pageDown', 25, 10).scroll).toBe(10);
    expect(moveScroll(at(0, 10), 'pageDown', 25, 10).scroll).toBe(15);
    expect(moveScroll(at(0, 3), 'top', 25, 10).scroll).toBe(0);
  });

  it('opens text with the focus a third of the way down', () => {
    expect(reveal(50, 200, 30)).toBe(40);
    expect(reveal(2, 200, 30)).toBe(0);
    expect(reveal(199, 200, 30)).toBe(170);
  });
});

describe('positionLabel', () => {
  it('counts from one, inclusive', () => {
    expect(positionLabel(11, 20, 240)).toBe('12–31 of 240');
    expect(positionLabel(0, 20, 7)).toBe('1–7 of 7');
    expect(positionLabel(0, 20, 0)).toBe('0 of 0');
    expect(positionLabel(9990, 20, 12408)).toBe('9,991–10,010 of 12,408');
  });
});
