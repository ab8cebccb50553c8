import { syntheticCorpus, syntheticDocument } from '@claimscope/corpus/synthetic';
import { validateArticleDocument } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';

describe('the synthetic corpus', () => {
  it('generates valid documents', async () => {
    for (const document of syntheticCorpus(60, 7)) {
      const result = await validateArticleDocument(document);
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(syntheticDocument(5, 1)).toEqual(syntheticDocument(5, 1));
    expect(syntheticDocument(5, 1).article.text).not.toBe(syntheticDocument(5, 2).article.text);
  });

  it('shares entities across articles and keeps the seed article’s proportions per paragraph', () => {
    const documents = [...syntheticCorpus(200)];
    const entityArticles = new Map<string, number>();
    for (const d of documents)
      for (const e of d.entities) entityArticles.set(e.id, (entityArticles.get(e.id) ?? 0) + 1);
    expect(Math.max(...entityArticles.values())).toBeGreaterThan(5);
    const paragraphs = documents.flatMap((d) =>
      d.article.blocks.filter((b) => b.kind === 'paragraph'),
    ).length;
    const per = (count: (d: (typeof documents)[number]) => number) =>
      documents.reduce((s, d) => s + count(d), 0) / paragraphs;
    // The seed article has about 5.4 mentions, 2.1 claims, 1.1 links and 1.4 relations per paragraph.
    expect(per((d) => d.mentions.length)).toBeGreaterThan(4);
    expect(per((d) => d.claims.length)).toBe(2);
    expect(per((d) => d.claimLinks.length)).toBeGreaterThan(0.7);
    expect(per((d) => d.relations.length)).toBeGreaterThan(1.2);
  });
});
