import { describe, expect, it } from 'vitest';
import {
  claimLabel,
  claimNumber,
  foldText,
  formatCount,
  paragraphNumbers,
  plural,
} from '../src/display.js';
import { CERTAINTIES, PREDICATES } from '../src/labels.js';
import { CertaintySchema, PredicateSchema } from '../src/relation.js';

describe('claim numbering', () => {
  it('cites a claim by the number its id ends with', () => {
    expect(claimNumber('vice-aq-is-reconciliation.claim-07')).toBe(7);
    expect(claimLabel('vice-aq-is-reconciliation.claim-11')).toBe('claim 11');
  });

  it('falls back to the id when the id carries no number', () => {
    expect(claimNumber('a.opening-quote')).toBeNull();
    expect(claimLabel('a.opening-quote')).toBe('a.opening-quote');
  });
});

describe('counts', () => {
  it('group thousands, so a count at corpus scale reads at a glance', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(12408)).toBe('12,408');
    expect(formatCount(1_250_000)).toBe('1,250,000');
  });

  it('agree with their noun, with an irregular plural when given', () => {
    expect(plural(1, 'claim')).toBe('1 claim');
    expect(plural(0, 'claim')).toBe('0 claims');
    expect(plural(10000, 'entity', 'entities')).toBe('10,000 entities');
  });
});

describe('paragraph numbers', () => {
  it('count only paragraphs, from 1, in reading order', () => {
    const blocks = [
      { id: 'p2', kind: 'paragraph', index: 4 },
      { id: 'h', kind: 'headline', index: 0 },
      { id: 'credit', kind: 'photo_credit', index: 2 },
      { id: 'p1', kind: 'paragraph', index: 1 },
      { id: 'promo', kind: 'related_link', index: 3 },
    ] as const;
    const numbers = paragraphNumbers(blocks);
    expect(numbers.get('p1')).toBe(1);
    expect(numbers.get('p2')).toBe(2);
    expect(numbers.has('h')).toBe(false);
    expect(numbers.has('promo')).toBe(false);
  });
});

describe('text folding', () => {
  it('ignores case and accents', () => {
    expect(foldText('Zarqāwī')).toBe('zarqawi');
  });
});

describe('browser-safe vocabularies', () => {
  it('offer exactly the relation predicates and certainties the schema accepts, in its order', () => {
    expect(PREDICATES).toEqual(PredicateSchema.options);
    expect(CERTAINTIES).toEqual(CertaintySchema.options);
  });
});
