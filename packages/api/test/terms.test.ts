import { describe, expect, it } from 'vitest';
import { fold, normalizeTerm, searchText, TOKEN_PATTERN } from '../src/views/terms.js';

/** The words of `text` as the in-memory index normalizes them, one token at a time. */
const wordsOf = (text: string) =>
  [...text.matchAll(TOKEN_PATTERN)].flatMap((m) => normalizeTerm(m[0]) ?? []).join(' ');

describe('searchText', () => {
  it('keeps the folded words of two letters or more, split at spaces and punctuation', () => {
    expect(searchText("Al-Baghdadi's MEN, in 2014:\tthe\u00a0truce  a x")).toBe(
      'al baghdadi men in 2014 \tthe truce',
    );
    expect(searchText('Maqdisī told ÉL PAÍS')).toBe('maqdisi told el pais');
    expect(searchText('')).toBe('');
  });

  it('gives the words the in-memory index sees, for ASCII text and for any other', () => {
    for (const text of [
      'O\'Brien said: "We\'ll see" (1-2 weeks) e.g. x_y #tag',
      'tab\tinside\u0007bell',
      'ΟΔΟΣ ΣΑΣ. Straße İstanbul Zarqāwī',
      'emoji 😀 between words',
    ])
      expect(searchText(text)).toBe(wordsOf(text));
  });
});

describe('fold', () => {
  it('lowercases and strips diacritics, ASCII and not', () => {
    expect(fold('Western ARMY, 2014')).toBe('western army, 2014');
    expect(fold('Zarqāwī ÉL')).toBe('zarqawi el');
  });
});
