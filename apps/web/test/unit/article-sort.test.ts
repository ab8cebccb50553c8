import { describe, expect, it } from 'vitest';
import { parseArticleSort } from '~/lib/article-sort';

describe('the article list’s order in its URL', () => {
  it('reads an order the list knows, and falls back to the order added otherwise', () => {
    expect(parseArticleSort({ sort: 'newest' })).toBe('newest');
    expect(parseArticleSort({ sort: ['claims', 'headline'] })).toBe('claims');
    expect(parseArticleSort({})).toBe('added');
    expect(parseArticleSort({ sort: 'latest' })).toBe('added');
    // Not a key of the labels' prototype either.
    expect(parseArticleSort({ sort: 'toString' })).toBe('added');
    expect(parseArticleSort({ sort: '__proto__' })).toBe('added');
  });
});
