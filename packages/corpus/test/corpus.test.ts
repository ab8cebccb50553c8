import { validateArticleDocument } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';
import { loadCorpus, SEED_ARTICLE_ID } from '../src/index.js';
import { ARTICLE_SOURCES, readArticleText, resolveSource, sha256OfText } from '../src/sources.js';

/** The seed article as received (VICE News, Alice Speri); the copy must stay byte-identical. */
const SEED_SHA256 = '577c5da71f541c22524a6dfecde8f7234b32cd24449085b23da351def69fc993';

describe('the built corpus', () => {
  it('holds the seed article', () => {
    expect(loadCorpus().map((d) => d.article.id)).toEqual([SEED_ARTICLE_ID]);
  });

  it('validates with validateArticleDocument, digest included', async () => {
    for (const doc of loadCorpus()) {
      const result = await validateArticleDocument(doc);
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  it('is stored in the canonical form an import produces, so re-importing it changes nothing', async () => {
    for (const doc of loadCorpus()) {
      const result = await validateArticleDocument(doc);
      expect(result.ok && JSON.stringify(result.document)).toBe(JSON.stringify(doc));
    }
  });

  it('keeps the seed text byte-identical, typos and no-break spaces included', () => {
    const [doc] = loadCorpus();
    expect(doc?.article.textSha256).toBe(SEED_SHA256);
    expect(sha256OfText(readArticleText(ARTICLE_SOURCES[0] ?? expect.fail()))).toBe(SEED_SHA256);
    for (const typo of ['Islamic Sate', 'there guys', 'Nusra files', 'awhile'])
      expect(doc?.article.text).toContain(typo);
  });
});

describe('claim sources', () => {
  it('name the speaker in every quote and reported claim, and never in an author assertion', () => {
    for (const doc of loadCorpus())
      for (const claim of doc.claims) {
        if (claim.kind === 'author_assertion') expect(claim.source, claim.id).toBeNull();
        else expect(claim.source?.quote.exact, claim.id).toMatch(/\S/);
      }
  });
});

describe('the annotations, resolved afresh (not from the build output)', () => {
  for (const source of ARTICLE_SOURCES) {
    it(`${source.dir}: resolve without problems and validate`, async () => {
      const { document, problems } = resolveSource(source);
      expect(problems).toEqual([]);
      const result = await validateArticleDocument(document);
      expect(result.ok ? [] : result.issues).toEqual([]);
    });

    it(`${source.dir}: match the built document (run \`pnpm build\` if this fails)`, () => {
      const { document } = resolveSource(source);
      const built = loadCorpus().find((d) => d.article.id === document.article.id);
      expect(JSON.parse(JSON.stringify(document))).toEqual(built);
    });
  }
});

describe('the seed article', () => {
  const doc = loadCorpus()[0] ?? expect.fail('no seed article');
  const { article } = doc;
  const kinds = article.blocks.map((b) => b.kind);

  it('has its metadata from the text, and no invented date', () => {
    expect(article.headline).toBe(
      'Al Qaeda Seems to Want to Be Best Friends with the Islamic State Again',
    );
    expect(article.dek).toMatch(/^Calls for a reconciliation between al Qaeda/);
    expect(article.authorIds).toEqual(['alice-speri']);
    expect(article.publisherId).toBe('vice-news');
    expect(article.published.status).toBe('unknown');
    expect(article.language).toBe('en');
  });

  it('opens with banner, headline, dek and photo credit, and ends with the footer', () => {
    expect(kinds.slice(0, 4)).toEqual(['banner', 'headline', 'dek', 'photo_credit']);
    expect(kinds.at(-1)).toBe('footer');
  });

  it('makes every promo ("Read more here." / "Watch here.") a related_link block, and nothing else', () => {
    const promos = article.blocks.filter((b) => /(Read more|Watch) here\.$/.test(b.text));
    expect(promos).toHaveLength(6);
    expect(promos.every((b) => b.kind === 'related_link')).toBe(true);
    expect(kinds.filter((k) => k === 'related_link')).toHaveLength(6);
  });

  it('gives every block a non-empty line of the text, in order', () => {
    expect(article.blocks.map((b) => b.text)).toEqual(
      article.text.split('\n').filter((line) => line.trim() !== ''),
    );
  });

  it('gives every entity at least one mention, and every id the article prefix', () => {
    const mentioned = new Set(doc.mentions.map((m) => m.entityId));
    expect(doc.entities.filter((e) => !mentioned.has(e.id)).map((e) => e.id)).toEqual([]);
    const ids = [
      ...article.blocks,
      ...doc.mentions,
      ...doc.claims,
      ...doc.claimLinks,
      ...doc.relations,
    ].map((x) => x.id);
    expect(ids.filter((id) => !id.startsWith(`${SEED_ARTICLE_ID}.`))).toEqual([]);
  });

  it('records that a person reviewed every annotation', () => {
    const all = [
      doc.article,
      ...doc.entities,
      ...doc.mentions,
      ...doc.claims,
      ...doc.claimLinks,
      ...doc.relations,
    ];
    expect(all.every((x) => x.provenance.review.status === 'reviewed')).toBe(true);
    expect(new Set(all.map((x) => x.provenance.agent.name))).toEqual(
      new Set(['claimscope annotators']),
    );
  });
});
