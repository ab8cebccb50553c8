import { describe, expect, it } from 'vitest';
import { outletsNamedIn } from '~/lib/outlet-match';

const outlets = [
  { id: 'associated-press', name: 'Associated Press', aliases: ['AP'] },
  { id: 'vice-news', name: 'VICE News', aliases: [] },
];

describe('outletsNamedIn', () => {
  it('finds the outlet a query names by alias or name, as whole words', () => {
    expect(outletsNamedIn('told the AP', outlets).map((o) => o.id)).toEqual(['associated-press']);
    expect(outletsNamedIn('what Levitt told vice news', outlets).map((o) => o.id)).toEqual([
      'vice-news',
    ]);
  });

  it('does not match a name inside another word', () => {
    expect(outletsNamedIn('apply a truce', outlets)).toEqual([]);
  });
});
