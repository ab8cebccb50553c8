import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/index.js';
import { NOT_NAMES } from './not-names.js';

const [doc] = loadCorpus();
if (!doc) throw new Error('the corpus is empty');
const { text } = doc.article;

/**
 * Capitalized words (and all-caps tokens) of the text, split at hyphens ("Qaeda-IS" gives
 * "Qaeda" and "IS") and without a trailing "'s" ("State's" gives "State").
 */
function capitalizedWords(): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[A-Z][\p{L}'’]*/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    words.push({ word, start: m.index, end: m.index + word.length });
  }
  return words;
}

const insideMention = (start: number, end: number) =>
  doc.mentions.some((m) => m.anchor.position.start <= start && end <= m.anchor.position.end);

describe('capitalized-name coverage', () => {
  it('finds every capitalized word inside a mention or on the reviewed allow-list', () => {
    const unexplained = capitalizedWords()
      .filter(({ word, start, end }) => !insideMention(start, end) && !(word in NOT_NAMES))
      .map(
        ({ word, start }) =>
          `${word} at ${start}: "${text.slice(Math.max(0, start - 20), start + 30)}"`,
      );
    expect(unexplained).toEqual([]);
  });

  it('keeps no allow-list entry the text does not need', () => {
    const needed = new Set(
      capitalizedWords()
        .filter(({ start, end }) => !insideMention(start, end))
        .map(({ word }) => word),
    );
    expect(Object.keys(NOT_NAMES).filter((w) => !needed.has(w))).toEqual([]);
  });

  it('never allow-lists a word that names an entity somewhere in the text', () => {
    const names = new Set(doc.mentions.map((m) => m.anchor.quote.exact));
    expect(Object.keys(NOT_NAMES).filter((w) => names.has(w))).toEqual([]);
  });
});
