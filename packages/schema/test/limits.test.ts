import { describe, expect, it } from 'vitest';
import {
  type ArticleDocument,
  MAX_DOCUMENT_BYTES,
  MAX_ID_LENGTH,
  scanCandidate,
  unstorableText,
  utf8Length,
  validateArticleDocument,
} from '../src/index.js';
import { validDocument } from './fixture.js';

async function problemsOf(mutate: (doc: ArticleDocument) => void) {
  const doc = validDocument();
  mutate(doc);
  const result = await validateArticleDocument(doc);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.issues;
}

describe('the id grammar', () => {
  it(`accepts an id of ${MAX_ID_LENGTH} characters and refuses a longer one, naming its path`, async () => {
    const longest = 'a'.repeat(MAX_ID_LENGTH);
    expect(
      (
        await validateArticleDocument({
          ...validDocument(),
          article: { ...validDocument().article, id: longest },
        })
      ).ok,
    ).toBe(true);
    const issues = await problemsOf((doc) => {
      doc.article.id = 'a'.repeat(MAX_ID_LENGTH + 1);
    });
    expect(issues).toEqual([
      { path: 'article.id', message: `ids are at most ${MAX_ID_LENGTH} characters long` },
    ]);
  });
});

describe('the text policy', () => {
  it('refuses U+0000 in any string, naming its path', async () => {
    const issues = await problemsOf((doc) => {
      doc.article.source.origin = 'wire\u0000copy';
    });
    expect(issues).toEqual([
      {
        path: 'article.source.origin',
        message: 'contains U+0000 (a NUL character) at 4, which text may not hold',
      },
    ]);
  });

  it('refuses a lone surrogate, in the article text too (kept verbatim, so never repaired)', async () => {
    const issues = await problemsOf((doc) => {
      const [claim] = doc.claims;
      if (claim) claim.statement = 'half a pair: \uD83D.';
      doc.article.text = `${doc.article.text}\uDC00`;
    });
    expect(issues).toContainEqual({
      path: 'claims[0].statement',
      message: expect.stringContaining('lone UTF-16 surrogate (U+D83D) at 13'),
    });
    expect(issues).toContainEqual({
      path: 'article.text',
      message: expect.stringContaining('lone UTF-16 surrogate (U+DC00)'),
    });
  });

  it('finds U+0000 in a document that is not plain data, where no quick scan can clear it', async () => {
    class Source {
      origin = 'wire\u0000copy';
      url = null;
    }
    const issues = await problemsOf((doc) => {
      doc.article.source = new Source();
    });
    expect(issues).toEqual([
      {
        path: 'article.source.origin',
        message: 'contains U+0000 (a NUL character) at 4, which text may not hold',
      },
    ]);
  });

  it('clears a candidate whose strings hold neither a NUL nor any surrogate in one scan', () => {
    expect(scanCandidate(validDocument()).valuesMaySuspectText).toBe(false);
    for (const text of ['NUL \u0000', 'lone \uDC00', 'a pair 😀'])
      expect(scanCandidate({ deep: [{ text }] }).valuesMaySuspectText).toBe(true);
  });

  it('accepts every other character, surrogate pairs and control characters included', () => {
    expect(unstorableText('emoji 😀, tab\t, bell \u0007, U+FFFF \uFFFF')).toBeNull();
  });
});

describe('the size limit', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(new TextEncoder().encode('aé€😀').length);
  });

  it('accepts a document of exactly the limit and refuses one byte more, counting multi-byte characters', async () => {
    // Two-byte characters: the JSON is too long for a quick bound, so its bytes are counted.
    const sized = (bytes: number) => {
      const doc = validDocument();
      doc.article.source.origin = '';
      const rest = utf8Length(JSON.stringify(doc));
      doc.article.source.origin = `${'é'.repeat(Math.floor((bytes - rest) / 2))}${(bytes - rest) % 2 ? 'x' : ''}`;
      expect(utf8Length(JSON.stringify(doc))).toBe(bytes);
      return doc;
    };
    expect((await validateArticleDocument(sized(MAX_DOCUMENT_BYTES))).ok).toBe(true);
    expect(await validateArticleDocument(sized(MAX_DOCUMENT_BYTES + 1))).toEqual({
      ok: false,
      issues: [
        {
          path: '(document)',
          message: `is ${MAX_DOCUMENT_BYTES + 1} bytes of JSON; the limit is ${MAX_DOCUMENT_BYTES} bytes`,
        },
      ],
    });
  });

  it('bounds the bytes of JSON from above without building it, or says it cannot', () => {
    const values: unknown[] = [
      'plain',
      'quote " backslash \\ newline \n bell \u0007 NUL \u0000',
      'lone \uD800 surrogates \uDFFF, a pair 😀, é, €',
      -1.2345678901234567e-308,
      Number.NaN,
      [1, undefined, () => 0, null, true, false, 'x'],
      { kept: 'yes', left: undefined, gone: () => 0, nested: { deeper: [{ é: '€' }] } },
      Object.assign(Object.create(null), { bare: 'object' }),
      [],
      {},
      validDocument(),
    ];
    for (const value of values)
      expect(scanCandidate(value).jsonByteBound).toBeGreaterThanOrEqual(
        utf8Length(JSON.stringify(value) ?? ''),
      );
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const unknowable of [
      new Date(0),
      { at: new Date(0) },
      { toJSON: () => 'x'.repeat(10) },
      new (class Record {
        field = 'x';
      })(),
      10n,
      cycle,
    ])
      expect(scanCandidate(unknowable)).toEqual({
        jsonByteBound: Number.POSITIVE_INFINITY,
        valuesMaySuspectText: true,
      });
  });

  it(`refuses a document of more than ${MAX_DOCUMENT_BYTES} bytes of JSON before checking anything else`, async () => {
    const issues = await problemsOf((doc) => {
      doc.article.source.origin = 'x'.repeat(MAX_DOCUMENT_BYTES);
    });
    expect(issues).toEqual([
      { path: '(document)', message: expect.stringMatching(/bytes of JSON; the limit is 1048576/) },
    ]);
  });
});
