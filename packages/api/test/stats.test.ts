import { describe, expect, it } from 'vitest';
import { api, corpus, SEED_ARTICLE_ID, seedDocument } from './corpus.js';

describe('stats', () => {
  it('counts every record by kind, with every kind present', async () => {
    const stats = await api.stats();
    expect(stats.articles).toBe(corpus.length);
    expect(stats.mentions).toBe(seedDocument.mentions.length);
    expect(stats.entities.total).toBe(seedDocument.entities.length);
    expect(stats.entities.byKind.person).toBe(
      seedDocument.entities.filter((e) => e.kind === 'person').length,
    );
    expect(Object.values(stats.claims.byKind).reduce((a, b) => a + b, 0)).toBe(
      seedDocument.claims.length,
    );
    expect(Object.values(stats.claims.byModality).reduce((a, b) => a + b, 0)).toBe(
      seedDocument.claims.length,
    );
    expect(stats.claims.byModality.denial).toBe(
      seedDocument.claims.filter((c) => c.modality === 'denial').length,
    );
    expect(Object.values(stats.relations.byPredicate).reduce((a, b) => a + b, 0)).toBe(
      seedDocument.relations.length,
    );
    expect(stats.claimLinks.byKind.contradicts).toBe(
      seedDocument.claimLinks.filter((l) => l.kind === 'contradicts').length,
    );
  });

  it('ranks the top speakers by claim count', async () => {
    const { topSpeakers } = await api.stats({ topSpeakers: 3 });
    expect(topSpeakers).toHaveLength(3);
    expect(topSpeakers[0]?.speaker).toEqual({
      id: 'alice-speri',
      name: 'Alice Speri',
      kind: 'person',
    });
    const counts = topSpeakers.map((s) => s.claimCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('counts one article on request', async () => {
    expect((await api.stats({ articleId: SEED_ARTICLE_ID })).claims.total).toBe(
      seedDocument.claims.length,
    );
    expect((await api.stats({ articleId: 'elsewhere' })).claims.total).toBe(0);
  });
});
