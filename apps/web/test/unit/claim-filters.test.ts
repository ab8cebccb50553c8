import { describe, expect, it } from 'vitest';
import {
  claimFiltersToSearch,
  claimListInput,
  hasClaimFilters,
  parseClaimFilters,
} from '~/lib/claim-filters';

describe('claim filters in the URL', () => {
  it('reads every filter from search params', () => {
    const filters = parseClaimFilters({
      speaker: 'tom-joscelyn',
      about: 'islamic-state',
      kind: ['direct_quote', 'indirect'],
      modality: 'hedged',
      q: '  truce ',
    });
    expect(filters).toEqual({
      speaker: 'tom-joscelyn',
      about: 'islamic-state',
      kind: ['direct_quote', 'indirect'],
      modality: ['hedged'],
      q: 'truce',
      cursor: null,
    });
  });

  it('drops values the API would reject instead of failing the page', () => {
    const filters = parseClaimFilters({
      speaker: 'Not An Id!',
      kind: ['shouting', 'indirect'],
      modality: 'maybe',
    });
    expect(filters.speaker).toBeNull();
    expect(filters.kind).toEqual(['indirect']);
    expect(filters.modality).toEqual([]);
    expect(hasClaimFilters(filters)).toBe(true);
    expect(hasClaimFilters(parseClaimFilters({}))).toBe(false);
  });

  it('accepts comma-separated lists too', () => {
    expect(parseClaimFilters({ kind: 'direct_quote,indirect' }).kind).toEqual([
      'direct_quote',
      'indirect',
    ]);
  });

  it('writes a shareable query string that reads back to the same filters', () => {
    const filters = parseClaimFilters({
      speaker: 'analysts',
      kind: ['indirect'],
      modality: ['hedged', 'prediction'],
      q: 'air strikes',
    });
    const search = claimFiltersToSearch(filters);
    expect(search).toBe(
      '?speaker=analysts&kind=indirect&modality=hedged&modality=prediction&q=air+strikes',
    );
    const params = new URLSearchParams(search);
    const record: Record<string, string[]> = {};
    for (const key of new Set(params.keys())) record[key] = params.getAll(key);
    expect(parseClaimFilters(record)).toEqual(filters);
  });

  it('gives an empty string when nothing is filtered', () => {
    expect(claimFiltersToSearch(parseClaimFilters({}))).toBe('');
  });

  it('maps filters onto the claim.list input, leaving out empty ones', () => {
    expect(
      claimListInput(parseClaimFilters({ speaker: 'analysts', modality: 'hedged' }), 25),
    ).toEqual({
      limit: 25,
      speakerId: 'analysts',
      modality: ['hedged'],
    });
  });
});
