import { ArticleDocumentSchema } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';
import { api, corpus, SEED_ARTICLE_ID, seedDocument } from './corpus.js';
import { failureOf, issuePaths } from './helpers.js';

describe('article.list', () => {
  it('summarises every article with its byline and counts', async () => {
    const page = await api.article.list();
    expect(page.total).toBe(corpus.length);
    const seed = page.items.find((a) => a.id === SEED_ARTICLE_ID);
    expect(seed).toMatchObject({
      headline: seedDocument.article.headline,
      dek: seedDocument.article.dek,
      authors: [{ id: 'alice-speri', name: 'Alice Speri', kind: 'person' }],
      publisher: { id: 'vice-news', name: 'VICE News', kind: 'outlet' },
      counts: {
        entities: seedDocument.entities.length,
        mentions: seedDocument.mentions.length,
        claims: seedDocument.claims.length,
        claimLinks: seedDocument.claimLinks.length,
        relations: seedDocument.relations.length,
      },
    });
  });
});

describe('article.get', () => {
  it('returns the metadata and blocks, leaving the full text to the blocks', async () => {
    const article = await api.article.get({ id: SEED_ARTICLE_ID });
    expect(article.blocks).toEqual(seedDocument.article.blocks);
    expect(article.published).toEqual(seedDocument.article.published);
    expect(article).not.toHaveProperty('text');
  });
});

describe('article.export', () => {
  it('returns the whole document, valid against the schema', async () => {
    const exported = await api.article.export({ id: SEED_ARTICLE_ID });
    expect(ArticleDocumentSchema.parse(exported)).toEqual(seedDocument);
  });
});

describe('unknown and malformed article ids', () => {
  it('answers NOT_FOUND naming the id', async () => {
    for (const call of [
      api.article.get({ id: 'no-such-article' }),
      api.article.export({ id: 'no-such-article' }),
    ]) {
      const error = await failureOf(call);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('no article with id "no-such-article"');
    }
  });

  it('answers BAD_REQUEST at path id for an id that cannot exist', async () => {
    const error = await failureOf(api.article.get({ id: 'Has Spaces' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(issuePaths(error)).toEqual(['id']);
  });
});
