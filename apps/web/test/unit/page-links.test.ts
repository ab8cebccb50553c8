import { describe, expect, it } from 'vitest';
import { graphFiltersToSearch, parseGraphFilters } from '~/lib/graph-filters';
import { firstItemNumber, neighbourPages, parsePagePosition } from '~/lib/page-links';

describe('paging by cursor in plain links', () => {
  it('goes forward keeping the way back, and back to the first page', () => {
    const first = parsePagePosition({});
    expect(first).toEqual({ cursor: null, back: [] });
    const second = neighbourPages(first, 'c2').next;
    expect(second).toEqual({ cursor: 'c2', back: [''] });
    const third = neighbourPages(second ?? first, 'c3').next;
    expect(third).toEqual({ cursor: 'c3', back: ['', 'c2'] });
    expect(firstItemNumber(third ?? first, 50)).toBe(101);
    expect(neighbourPages(third ?? first, null)).toEqual({
      next: null,
      previous: { cursor: 'c2', back: [''] },
    });
    expect(neighbourPages({ cursor: 'c2', back: [''] }, 'c3').previous).toEqual({
      cursor: null,
      back: [],
    });
    expect(neighbourPages(first, null)).toEqual({ next: null, previous: null });
  });

  it('reads a position from the URL, ignoring `back` without a cursor', () => {
    expect(parsePagePosition({ cursor: 'c3', back: ',c2' })).toEqual({
      cursor: 'c3',
      back: ['', 'c2'],
    });
    expect(parsePagePosition({ cursor: 'c2', back: '' })).toEqual({ cursor: 'c2', back: [''] });
    expect(parsePagePosition({ back: 'c2' })).toEqual({ cursor: null, back: [] });
  });
});

describe('the graph’s scope in its URL', () => {
  it('reads an article or an entity, refusing what is not an id, and writes them back with the page', () => {
    const article = parseGraphFilters({ article: 'vice-1', cursor: 'c2', back: '' }, []);
    expect(article.scope).toEqual({ article: 'vice-1' });
    expect(graphFiltersToSearch(article)).toBe('?article=vice-1&cursor=c2&back=');
    expect(parseGraphFilters({ entity: 'al-qaeda' }, []).scope).toEqual({ entity: 'al-qaeda' });
    expect(parseGraphFilters({ entity: '<script>' }, []).scope).toBeNull();
    expect(parseGraphFilters({}, []).scope).toBeNull();
    expect(graphFiltersToSearch({ scope: { entity: 'x' }, kinds: ['person'] })).toBe(
      '?entity=x&kind=person',
    );
  });

  it('keeps the words of the graph filter whole, commas included', () => {
    const filters = parseGraphFilters({ q: '  Baghdadi, Abu Bakr ' }, []);
    expect(filters.q).toBe('Baghdadi, Abu Bakr');
    // Through the URL the form links to, and back.
    const search = Object.fromEntries(new URLSearchParams(graphFiltersToSearch(filters)));
    expect(parseGraphFilters(search, []).q).toBe('Baghdadi, Abu Bakr');
  });
});
