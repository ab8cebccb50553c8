import { describe, expect, it } from 'vitest';
import { createCaller, createMemoryStore } from '../src/index.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';

// The corpus has one article so far; a small fixture covers a store of several.
describe('a store of several articles', () => {
  const api = createCaller(
    createMemoryStore([makeFixtureDocument('first'), makeFixtureDocument('second')]),
  );

  it('treats one entity id in two articles as one entity', async () => {
    const { items, total } = await api.entity.list({ text: 'sanderson' });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      id: 'sanderson',
      articleIds: ['first', 'second'],
      mentionCount: 4,
      claimCount: 6,
    });
    const detail = await api.entity.get({ id: 'sanderson' });
    expect(detail.mentions.map((m) => m.articleId)).toEqual(['first', 'first', 'second', 'second']);
  });

  it('counts within one article when the list is filtered by it', async () => {
    const { items } = await api.entity.list({ text: 'sanderson', articleId: 'second' });
    expect(items[0]).toMatchObject({ mentionCount: 2, claimCount: 3 });
  });

  it('filters claims, relations and stats by article', async () => {
    const { items } = await api.claim.list({ articleId: 'second', limit: 100 });
    expect(items.length).toBe(7);
    expect(items.every((c) => c.articleId === 'second' && c.id.startsWith('second.'))).toBe(true);
    expect((await api.relation.list({ articleId: 'first' })).total).toBe(2);
    expect((await api.stats()).claims.total).toBe(14);
    expect((await api.stats({ articleId: 'second' })).claims.total).toBe(7);
  });

  it('searches each entity once', async () => {
    const { hits } = await api.search({ q: 'Joscelyn', types: ['entity'] });
    const ids = hits.map((h) => h.id);
    expect(ids[0]).toBe('joscelyn');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('createMemoryStore refuses inconsistent input', () => {
  it('refuses a claim id used by two articles, naming both', () => {
    const copy = makeFixtureDocument('first');
    copy.article.id = 'copy';
    expect(() => createMemoryStore([makeFixtureDocument('first'), copy])).toThrow(
      /claim id "first\.c-author" is used in article "first" and again in article "copy"/,
    );
  });

  it('refuses one entity id with two kinds', () => {
    const other = makeFixtureDocument('second');
    const ap = other.entities.find((e) => e.id === 'ap');
    if (ap) ap.kind = 'organization';
    expect(() => createMemoryStore([makeFixtureDocument('first'), other])).toThrow(
      /entity "ap" is a outlet in article "first" but a organization in article "second"/,
    );
  });

  it('refuses the same article twice', () => {
    expect(() => createMemoryStore([makeFixtureDocument(), makeFixtureDocument()])).toThrow(
      /loaded twice/,
    );
  });
});
