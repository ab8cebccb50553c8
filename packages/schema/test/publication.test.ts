import { describe, expect, it } from 'vitest';
import { type ArticleDocument, validateArticleDocument } from '../src/index.js';
import { validDocument } from './fixture.js';

/** The fixture with its first mention and first claim moved to the publication's rejected list. */
function reviewed(): ArticleDocument {
  const doc = validDocument();
  const [mention] = doc.mentions.splice(0, 1);
  const claim = doc.claims.find((c) => !doc.claims.some((o) => o.parentId === c.id));
  if (!mention || !claim) throw new Error('the fixture needs a mention and a claim');
  doc.claims = doc.claims.filter((c) => c !== claim);
  doc.claimLinks = doc.claimLinks.filter((l) => l.fromId !== claim.id && l.toId !== claim.id);
  doc.relations = doc.relations.filter(
    (r) => r.assertedBy.kind !== 'claim' || r.assertedBy.claimId !== claim.id,
  );
  const at = '2026-11-30T12:00:00.000Z';
  doc.publication = {
    by: 'ada',
    at,
    baseVersion: null,
    rejected: [
      { collection: 'mentions', record: mention, by: 'ada', at },
      { collection: 'claims', record: claim, by: 'ada', at },
    ],
  };
  return doc;
}

describe("a published version's publication record", () => {
  it('is kept whole by validation, rejected annotations included', async () => {
    const result = await validateArticleDocument(reviewed());
    expect(result).toEqual({ ok: true, document: reviewed() });
  });

  it('is optional: an imported document has none', async () => {
    const result = await validateArticleDocument(validDocument());
    expect(result.ok && result.document.publication).toBeUndefined();
  });

  it('checks a rejected annotation against its collection and the text', async () => {
    const doc = reviewed();
    const rejected = doc.publication?.rejected[0];
    if (rejected?.collection !== 'mentions') throw new Error('expected a mention');
    rejected.record.anchor.quote.exact = 'not in the text';
    (doc.publication?.rejected[1]?.record as { id: unknown }).id = 7;
    const result = await validateArticleDocument(doc);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'publication.rejected[1].record.id',
    ]);
    (doc.publication?.rejected[1]?.record as { id: unknown }).id = 'c-other';
    const again = await validateArticleDocument(doc);
    expect(again.ok ? [] : again.issues.map((i) => i.path)).toEqual([
      'publication.rejected[0].record.anchor.quote.exact',
    ]);
  });

  it('refuses a rejected id that is also published, or rejected twice', async () => {
    const doc = reviewed();
    const mention = doc.publication?.rejected[0];
    if (!mention) throw new Error('expected a rejected mention');
    doc.publication?.rejected.push(structuredClone(mention));
    doc.mentions.push(structuredClone(mention.record as ArticleDocument['mentions'][number]));
    const result = await validateArticleDocument(doc);
    expect(result.ok ? [] : result.issues).toEqual(
      expect.arrayContaining([
        {
          path: 'publication.rejected[0].record.id',
          message: expect.stringMatching(/also in mentions/),
        },
        {
          path: 'publication.rejected[2].record.id',
          message: expect.stringMatching(/rejected twice/),
        },
      ]),
    );
  });

  it('names who published it and when', async () => {
    const doc = reviewed();
    (doc.publication as { at: string }).at = 'yesterday';
    const result = await validateArticleDocument(doc);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['publication.at']);
  });
});
