import { describe, expect, it } from 'vitest';
import {
  claimFiltersToSearch,
  claimListInput,
  claimPageLinks,
  hasClaimFilters,
  parseClaimFilters,
  parseEntityQueries,
} from '~/lib/claim-filters';
import { totalLabel } from '~/lib/page-links';

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
      channel: [],
      outlet: null,
      review: [],
      q: 'truce',
      cursor: null,
      back: [],
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

  it('filters by channel and outlet, in the URL and the claim.list input', () => {
    const filters = parseClaimFilters({ channel: 'interview', outlet: 'associated-press' });
    expect(claimFiltersToSearch(filters)).toBe('?channel=interview&outlet=associated-press');
    expect(claimListInput(filters)).toEqual({
      limit: 50,
      channel: ['interview'],
      outletId: 'associated-press',
    });
  });

  it('links a page back as well as forward, keeping the filters', () => {
    const first = parseClaimFilters({ speaker: 'analysts' });
    const { next, previous } = claimPageLinks(first, 'c2');
    expect(previous).toBeNull();
    expect(next).toBe('?speaker=analysts&cursor=c2&back=');
    const second = parseClaimFilters(Object.fromEntries(new URLSearchParams(next ?? '')));
    const links = claimPageLinks(second, 'c3');
    expect(links.previous).toBe('?speaker=analysts');
    const third = parseClaimFilters(Object.fromEntries(new URLSearchParams(links.next ?? '')));
    expect(third.back).toEqual(['', 'c2']);
    expect(claimPageLinks(third, null)).toEqual({
      next: null,
      previous: '?speaker=analysts&cursor=c2&back=',
    });
  });

  it('filters by review status, in the URL and the claim.list input', () => {
    const filters = parseClaimFilters({ review: ['unreviewed', 'nonsense'], kind: 'indirect' });
    expect(filters.review).toEqual(['unreviewed']);
    expect(hasClaimFilters(parseClaimFilters({ review: 'disputed' }))).toBe(true);
    expect(claimFiltersToSearch(filters)).toBe('?kind=indirect&review=unreviewed');
    expect(claimListInput(filters)).toEqual({
      limit: 50,
      kind: ['indirect'],
      review: ['unreviewed'],
    });
  });

  it('reads the words typed to find a speaker, subject or outlet, apart from the filters', () => {
    const params = { speakerName: ' Olga ', outletName: 'AP', speaker: 'x' };
    expect(parseEntityQueries(params)).toEqual({ speaker: 'Olga', about: '', outlet: 'AP' });
    expect(claimFiltersToSearch(parseClaimFilters(params))).toBe('?speaker=x');
  });
});

describe('the number of claims a page reports', () => {
  it('shows an exact total as it is, and a lower bound as "1,000+"', () => {
    expect(totalLabel({ total: 42 })).toBe('42');
    expect(totalLabel({ total: 1000, totalIsLowerBound: true })).toBe('1,000+');
    expect(totalLabel({ total: 1040, totalIsLowerBound: true })).toBe('1,040+');
    expect(totalLabel({ total: 12408 })).toBe('12,408');
  });
});
