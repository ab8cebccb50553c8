import { describe, expect, it } from 'vitest';
import { api } from './corpus.js';
import { failureOf, issuePaths } from './helpers.js';

const highlighted = (
  hit: { snippet: { text: string; highlights: { start: number; end: number }[] } } | undefined,
) => (hit ? hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end)) : []);

describe('search', () => {
  it('ranks the person first for a surname', async () => {
    const { hits } = await api.search({ q: 'Sanderson' });
    expect(hits[0]).toMatchObject({
      type: 'entity',
      id: 'tom-sanderson',
      name: 'Tom Sanderson',
      kind: 'person',
    });
    expect(highlighted(hits[0])).toEqual(['Sanderson']);
  });

  it('finds claims from a word prefix and highlights the whole words that matched', async () => {
    const { hits } = await api.search({ q: 'reconcil', types: ['claim'] });
    expect(hits.length).toBeGreaterThan(3);
    for (const hit of hits) {
      expect(hit.type).toBe('claim');
      const words = highlighted(hit);
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(word.toLowerCase()).toMatch(/^reconcil/);
    }
  });

  it('tolerates a misspelling', async () => {
    const { hits } = await api.search({ q: 'Zawahri' });
    expect(hits[0]).toMatchObject({ type: 'entity', id: 'ayman-al-zawahiri' });
  });

  it('finds an entity by its alias', async () => {
    const { hits } = await api.search({ q: 'ISIS', types: ['entity'] });
    expect(hits[0]).toMatchObject({ id: 'islamic-state' });
    expect(highlighted(hits[0])).toEqual(['ISIS']);
  });

  it('finds paragraphs, with every query word highlighted in the snippet', async () => {
    const { hits } = await api.search({ q: 'truce Syria', types: ['paragraph'] });
    expect(hits.length).toBeGreaterThan(0);
    const first = hits[0];
    expect(first).toMatchObject({
      type: 'paragraph',
      headline: expect.any(String),
      index: expect.any(Number),
    });
    expect(highlighted(first).map((w) => w.toLowerCase())).toEqual(
      expect.arrayContaining(['truce', 'syria']),
    );
  });

  it('gives claim hits their speaker', async () => {
    const { hits } = await api.search({ q: 'caliph', types: ['claim'], limit: 50 });
    const speakers = hits.flatMap((h) => (h.type === 'claim' ? [h.speaker.name] : []));
    expect(speakers).toContain('Matthew Levitt');
  });

  it('returns plain text snippets with highlights inside them, and respects the limit', async () => {
    const { hits } = await api.search({ q: 'al Qaeda', limit: 5 });
    expect(hits).toHaveLength(5);
    for (const hit of hits) {
      expect(hit.snippet.text).not.toMatch(/<\/?(mark|em|b)>/);
      for (const h of hit.snippet.highlights) {
        expect(h.start).toBeLessThan(h.end);
        expect(h.end).toBeLessThanOrEqual(hit.snippet.text.length);
      }
    }
  });

  it('answers no hits, not an error, for words that are nowhere', async () => {
    expect((await api.search({ q: 'zzyzx qwxv' })).hits).toEqual([]);
  });

  it('rejects an empty query at path q and an oversized limit at path limit', async () => {
    const empty = await failureOf(api.search({ q: '   ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(issuePaths(empty)).toEqual(['q']);
    expect(issuePaths(await failureOf(api.search({ q: 'x', limit: 500 })))).toEqual(['limit']);
  });
});
