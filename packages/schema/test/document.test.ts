import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ArticleDocument,
  ArticleDocumentSchema,
  formatPath,
  makeAnchor,
  sha256Hex,
  validateArticleDocument,
} from '../src/index.js';
import { fixtureText, validDocument } from './fixture.js';

async function problemsOf(mutate: (doc: ArticleDocument) => void) {
  const doc = validDocument();
  mutate(doc);
  const result = await validateArticleDocument(doc);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.issues;
}

describe('a valid document', () => {
  it('passes validation and keeps every field', async () => {
    const result = await validateArticleDocument(validDocument());
    expect(result).toEqual({ ok: true, document: validDocument() });
  });

  it("carries its text's real sha256", async () => {
    expect(await sha256Hex(fixtureText)).toBe(validDocument().article.textSha256);
  });

  it('fills alias defaults on parse', () => {
    const doc = validDocument() as unknown as {
      entities: { aliases: { historical?: boolean }[] }[];
    };
    delete doc.entities[1]?.aliases[0]?.historical;
    const parsed = ArticleDocumentSchema.parse(doc);
    expect(parsed.entities[1]?.aliases[0]?.historical).toBe(false);
  });
});

describe('field shapes', () => {
  it('names the path of a missing field', async () => {
    const issues = await problemsOf((doc) => {
      (doc.claims[0] as Partial<ArticleDocument['claims'][number]>).speakerId = undefined;
    });
    expect(issues).toContainEqual({
      path: 'claims[0].speakerId',
      message: expect.stringMatching(/expected string/i),
    });
  });

  it('rejects an unknown modality', async () => {
    const issues = await problemsOf((doc) => {
      (doc.claims[0] as { modality: string }).modality = 'certain';
    });
    expect(issues.map((i) => i.path)).toEqual(['claims[0].modality']);
  });

  it('rejects an invented date format and a bad language tag', async () => {
    const issues = await problemsOf((doc) => {
      doc.article.published = { status: 'known', date: 'last Tuesday' };
      doc.article.language = 'English';
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'article.language',
      'article.published.date',
    ]);
  });
});

describe('anchors', () => {
  it('rejects an offset past the end of the text', async () => {
    const issues = await problemsOf((doc) => {
      const anchor = doc.mentions[0]?.anchor;
      if (anchor) anchor.position.end = fixtureText.length + 5;
    });
    expect(
      issues.some(
        (i) => i.path === 'mentions[0].anchor.position.end' && /past the end/.test(i.message),
      ),
    ).toBe(true);
  });

  it('rejects quoted text that does not match the offsets', async () => {
    const issues = await problemsOf((doc) => {
      const quote = doc.mentions[0]?.anchor.quote;
      if (quote) quote.exact = 'Anne Lee';
    });
    expect(issues).toEqual([
      {
        path: 'mentions[0].anchor.quote.exact',
        message: 'expected the text at 46–53, "Ann Lee", got "Anne Lee"',
      },
    ]);
  });

  it('rejects a wrong prefix or suffix', async () => {
    const issues = await problemsOf((doc) => {
      const quote = doc.mentions[1]?.anchor.quote;
      if (quote) {
        quote.prefix = 'nothing like this';
        quote.suffix = 'nor this';
      }
    });
    expect(issues.map((i) => i.path)).toEqual([
      'mentions[1].anchor.quote.prefix',
      'mentions[1].anchor.quote.suffix',
    ]);
  });

  it('rejects an anchor outside its block', async () => {
    const issues = await problemsOf((doc) => {
      const start = fixtureText.indexOf('Officials');
      if (doc.mentions[0]) doc.mentions[0].anchor = makeAnchor(fixtureText, 'b2', start, start + 9);
    });
    expect(issues).toContainEqual({
      path: 'mentions[0].anchor.position',
      message: expect.stringMatching(/outside block "b2"/),
    });
  });

  it('rejects two mentions of the same span', async () => {
    const issues = await problemsOf((doc) => {
      const twin = structuredClone(doc.mentions[0]);
      if (twin) doc.mentions.push({ ...twin, id: 'm9' });
    });
    expect(issues).toEqual([{ path: 'mentions[3].anchor', message: 'same span as mentions[0]' }]);
  });
});

describe('references', () => {
  it('names every dangling reference', async () => {
    const issues = await problemsOf((doc) => {
      if (doc.mentions[0]) doc.mentions[0].entityId = 'nobody';
      if (doc.claims[0]) doc.claims[0].aboutIds = ['ghost'];
      if (doc.claimLinks[0]) doc.claimLinks[0].toId = 'c404';
      if (doc.relations[0]) doc.relations[0].assertedBy = { kind: 'claim', claimId: 'c405' };
    });
    expect(issues).toEqual([
      { path: 'mentions[0].entityId', message: 'no entity with id "nobody"' },
      { path: 'claims[0].aboutIds[0]', message: 'no entity with id "ghost"' },
      { path: 'claimLinks[0].toId', message: 'no claim with id "c404"' },
      { path: 'relations[0].assertedBy.claimId', message: 'no claim with id "c405"' },
    ]);
  });

  it('requires a channel outlet to be an outlet', async () => {
    const issues = await problemsOf((doc) => {
      if (doc.claims[0]) doc.claims[0].channel.outletId = 'ann-lee';
    });
    expect(issues).toEqual([
      {
        path: 'claims[0].channel.outletId',
        message: 'entity "ann-lee" is a person; expected outlet',
      },
    ]);
  });

  it('rejects duplicate ids', async () => {
    const issues = await problemsOf((doc) => {
      if (doc.entities[3]) doc.entities[3].id = 'ann-lee';
    });
    expect(issues).toContainEqual({
      path: 'entities[3].id',
      message: 'duplicate id "ann-lee" (first used at entities[1])',
    });
  });
});

describe('claims', () => {
  it("gives the author's own assertions to an author of the article", async () => {
    const issues = await problemsOf((doc) => {
      if (doc.claims[1]) doc.claims[1].speakerId = 'ann-lee';
    });
    expect(issues[0]?.path).toBe('claims[1].speakerId');
  });

  it('keeps a nested quote inside its parent', async () => {
    const issues = await problemsOf((doc) => {
      if (doc.claims[1]) doc.claims[1].parentId = 'c1';
    });
    expect(issues).toContainEqual({
      path: 'claims[1].content',
      message: `a nested claim's content lies inside its parent "c1"'s content`,
    });
  });

  it('rejects a parent chain that loops', async () => {
    const issues = await problemsOf((doc) => {
      if (doc.claims[0]) doc.claims[0].parentId = 'c2';
      if (doc.claims[1]) doc.claims[1].parentId = 'c1';
    });
    expect(issues.some((i) => /loops back/.test(i.message))).toBe(true);
  });
});

describe('blocks', () => {
  it('requires block text to be the text at its offsets', async () => {
    const issues = await problemsOf((doc) => {
      if (doc.article.blocks[3]) doc.article.blocks[3].text = 'Officials agree.';
    });
    expect(issues.map((i) => i.path)).toEqual(['article.blocks[3].text']);
  });

  it('requires exactly one headline, matching the article headline', async () => {
    const issues = await problemsOf((doc) => {
      if (doc.article.blocks[0]) doc.article.blocks[0].kind = 'banner';
    });
    expect(issues).toContainEqual({
      path: 'article.blocks',
      message: 'expected exactly one headline block, found 0',
    });
  });

  it('rejects overlapping blocks', async () => {
    const issues = await problemsOf((doc) => {
      const b = doc.article.blocks[1];
      if (b) {
        b.start -= 3;
        b.text = fixtureText.slice(b.start, b.end);
      }
    });
    expect(
      issues.some((i) => i.path === 'article.blocks[1].start' && /overlaps/.test(i.message)),
    ).toBe(true);
  });
});

it('detects text that no longer matches its digest', async () => {
  const issues = await problemsOf((doc) => {
    doc.article.textSha256 = '0'.repeat(64);
  });
  expect(issues).toEqual([
    { path: 'article.textSha256', message: expect.stringMatching(/^does not match the text/) },
  ]);
});

it('formats paths the way people read them', () => {
  expect(formatPath(['claims', 3, 'content', 0, 'quote', 'exact'])).toBe(
    'claims[3].content[0].quote.exact',
  );
  expect(formatPath([])).toBe('(document)');
});

describe('the published JSON Schema', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../generated/article-document.schema.json', import.meta.url), 'utf8'),
  );
  it('describes the document with every model type', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const name of [
      'ArticleDocument',
      'Article',
      'Block',
      'Entity',
      'Mention',
      'Claim',
      'ClaimLink',
      'Relation',
      'Provenance',
      'TextQuoteSelector',
    ]) {
      expect(schema.$defs, name).toHaveProperty(name);
    }
    expect(schema.$defs.Claim.required).toContain('speakerId');
  });
});
