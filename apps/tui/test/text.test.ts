import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { filterRows } from '../src/state/filter.js';
import { cellWidth, fit, fitRuns, highlightRuns, truncate, wrapSpans } from '../src/ui/text.js';

describe('cell widths', () => {
  it('counts wide characters as two cells and combining marks as none', () => {
    expect(cellWidth('日本')).toBe(4);
    expect(cellWidth('e\u0301')).toBe(1);
    expect(cellWidth('😀')).toBe(2);
  });

  it('agrees with string-width on every Latin, punctuation, arrow, box and shape character, alone and in text', () => {
    const ranges = [
      [0x20, 0x7e],
      [0xa0, 0x24f],
      [0x2000, 0x206f],
      [0x2190, 0x21ff],
      [0x2500, 0x25ff],
      [0x2700, 0x27bf],
      [0x2800, 0x28ff],
    ];
    for (const [from, to] of ranges)
      for (let code = from as number; code <= (to as number); code += 1) {
        const ch = String.fromCharCode(code);
        expect(cellWidth(ch), `U+${code.toString(16)}`).toBe(stringWidth(ch));
        expect(cellWidth(`a ${ch}b`), `U+${code.toString(16)} in text`).toBe(
          stringWidth(`a ${ch}b`),
        );
      }
    expect(cellWidth('“Al Qaeda’s — ¶ café…”')).toBe(22);
  });

  it('truncates by cells, never splitting a wide character', () => {
    expect(truncate('日本語のテキスト', 7)).toBe('日本語…');
    expect(cellWidth(truncate('日本語のテキスト', 7))).toBeLessThanOrEqual(7);
    expect(truncate('short', 10)).toBe('short');
  });

  it('pads to an exact width', () => {
    expect(cellWidth(fit('日本', 6))).toBe(6);
    expect(cellWidth(fit('a long piece of text', 6))).toBe(6);
  });
});

describe('wrapSpans', () => {
  const plain = (text: string) => [{ text, style: 'plain', offset: 0 }];
  const lines = (text: string, width: number) =>
    wrapSpans(plain(text), width).map((l) => l.map((s) => s.text).join(''));

  it('wraps at word boundaries', () => {
    expect(lines('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('breaks words longer than a line', () => {
    expect(lines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('wraps wide characters by cells', () => {
    for (const line of lines('日本語 日本語 日本語', 8))
      expect(cellWidth(line)).toBeLessThanOrEqual(8);
  });

  it('keeps styles and offsets, even when a style changes inside a word', () => {
    const wrapped = wrapSpans(
      [
        { text: 'al Qaeda', style: 'mention', offset: 10 },
        { text: "'s leaders", style: 'plain', offset: 18 },
      ],
      9,
    );
    expect(wrapped[0]).toEqual([{ text: 'al', style: 'mention', offset: 10 }]);
    expect(wrapped[1]).toEqual([
      { text: 'Qaeda', style: 'mention', offset: 13 },
      { text: "'s", style: 'plain', offset: 18 },
    ]);
  });
});

describe('filterRows', () => {
  it('matches every word, ignoring case and accents', () => {
    const rows = ['Abu Musab al-Zarqāwī', 'Ayman al-Zawahiri', 'Syria'];
    expect(filterRows(rows, 'zarqawi', (r) => r)).toEqual(['Abu Musab al-Zarqāwī']);
    expect(filterRows(rows, 'AL ay', (r) => r)).toEqual(['Ayman al-Zawahiri']);
    expect(filterRows(rows, '  ', (r) => r)).toEqual(rows);
  });
});

describe('highlighted runs', () => {
  it('marks the ranges and fits them to a width with an ellipsis', () => {
    const runs = highlightRuns('the caliph al-Baghdadi', [{ start: 4, end: 10 }]);
    expect(runs).toEqual([
      { text: 'the ', strong: false },
      { text: 'caliph', strong: true },
      { text: ' al-Baghdadi', strong: false },
    ]);
    const fitted = fitRuns(runs, 9);
    expect(fitted.map((r) => r.text).join('')).toBe('the cali…');
    expect(fitted[1]).toEqual({ text: 'cali', strong: true });
    expect(
      cellWidth(
        fitRuns(runs, 30)
          .map((r) => r.text)
          .join(''),
      ),
    ).toBe(30);
  });
});
