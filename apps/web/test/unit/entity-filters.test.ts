import { describe, expect, it } from 'vitest';
import {
  entityFiltersToSearch,
  entityListInput,
  hasEntityFilters,
  parseEntityFilters,
} from '~/lib/entity-filters';

describe('the entity list’s URL', () => {
  it('reads kinds, words, review and order, ignoring what the API would refuse', () => {
    const filters = parseEntityFilters({
      kind: ['person', 'planet'],
      q: '  Nusra ',
      review: 'unreviewed,maybe',
      sort: 'name',
    });
    expect(filters).toEqual({
      kinds: ['person'],
      q: 'Nusra',
      review: ['unreviewed'],
      sort: 'name',
      cursor: null,
      back: [],
    });
    expect(hasEntityFilters(filters)).toBe(true);
    expect(parseEntityFilters({ sort: 'popularity' }).sort).toBe('mentions');
    expect(hasEntityFilters(parseEntityFilters({ sort: 'name' }))).toBe(false);
  });

  it('writes the same URL back, with the page, and asks the API for exactly that page', () => {
    const filters = parseEntityFilters({ kind: 'place', q: 'Syria', cursor: 'c3', back: ',c2' });
    expect(entityFiltersToSearch(filters)).toBe('?q=Syria&kind=place&cursor=c3&back=%2Cc2');
    expect(entityListInput(filters, 50)).toEqual({
      limit: 50,
      sort: 'mentions',
      kind: ['place'],
      text: 'Syria',
      cursor: 'c3',
    });
    expect(entityListInput(parseEntityFilters({}), 50)).toEqual({ limit: 50, sort: 'mentions' });
    expect(entityFiltersToSearch(parseEntityFilters({}))).toBe('');
  });
});
