import { describe, expect, it } from 'vitest';
import type { ArticleAnnotations } from '../src/authoring.js';
import { findAnchor, findOccurrences, resolveArticle, splitLines } from '../src/resolve.js';

const TEXT =
  'Headline here\n\nHe told the AP, then told VICE News. Then he told\u00a0the AP again.';

function annotations(overrides: Partial<ArticleAnnotations> = {}): ArticleAnnotations {
  return {
    id: 'test-article',
    authorIds: ['author'],
    publisherId: null,
    published: { status: 'unknown', note: 'test' },
    language: 'en',
    source: { origin: 'test', url: null },
    blocks: [
      ['headline', 'Headline'],
      ['paragraph', 'He told'],
    ],
    entities: {
      author: { kind: 'person', name: 'Author', description: 'The author.' },
      ap: {
        kind: 'outlet',
        name: 'AP',
        description: 'An agency.',
        forms: [{ text: 'AP', form: 'acronym', count: 2 }],
      },
    },
    claims: {},
    links: {},
    relations: {},
    ...overrides,
  };
}

describe('findAnchor', () => {
  it('returns the offsets of the bracketed target of a unique anchor', () => {
    const found = findAnchor(TEXT, 'then [[told VICE News]].');
    const start = TEXT.indexOf('told VICE News');
    expect(found).toEqual({ ok: true, span: { start, end: start + 'told VICE News'.length } });
  });

  it('reads "..." inside the brackets as any text on the same line', () => {
    const found = findAnchor(TEXT, '[[He told...News]]');
    expect(found.ok && TEXT.slice(found.span.start, found.span.end)).toBe(
      'He told the AP, then told VICE News',
    );
  });

  it('lets a typed space match a no-break space in the source', () => {
    const found = findAnchor(TEXT, 'he [[told the AP]] again');
    expect(found.ok && TEXT.slice(found.span.start, found.span.end)).toBe('told\u00a0the AP');
  });

  it('fails on an anchor that is not in the text', () => {
    expect(findAnchor(TEXT, 'told [[Reuters]]')).toEqual({
      ok: false,
      reason: 'not found in the text',
    });
  });

  it('fails on an ambiguous anchor, saying how many times it occurs', () => {
    expect(findAnchor(TEXT, '[[the AP]]')).toEqual({
      ok: false,
      reason: 'ambiguous: 2 occurrences; add context',
    });
  });
});

describe('findOccurrences', () => {
  it('is case-sensitive and word-bounded', () => {
    expect(findOccurrences('IS, ISIS, is, IS-led', 'IS').map((s) => s.start)).toEqual([0, 14]);
  });
});

describe('splitLines', () => {
  it('makes each non-empty line a block', () => {
    expect(splitLines('a\n\n\nbc\n')).toEqual([
      { start: 0, end: 1 },
      { start: 4, end: 6 },
    ]);
  });
});

describe('resolveArticle', () => {
  it('resolves a well-formed article without problems', () => {
    const { document, problems } = resolveArticle(TEXT, '0'.repeat(64), annotations());
    expect(problems).toEqual([]);
    expect(document.mentions.map((m) => m.anchor.quote.exact)).toEqual(['AP', 'AP']);
    expect(document.article.blocks.map((b) => b.id)).toEqual([
      'test-article.block-00',
      'test-article.block-01',
    ]);
  });

  it('names the annotation and the anchor when an anchor is missing', () => {
    const { problems } = resolveArticle(
      TEXT,
      '0'.repeat(64),
      annotations({
        claims: {
          'claim-01': {
            kind: 'author_assertion',
            content: ['he [[told Reuters]]'],
            statement: 'x',
            about: [],
          },
        },
      }),
    );
    expect(problems).toEqual([
      'claims.claim-01.content[0]: anchor "he [[told Reuters]]" not found in the text',
    ]);
  });

  it('names the annotation and the anchor when an anchor is ambiguous', () => {
    const { problems } = resolveArticle(
      TEXT,
      '0'.repeat(64),
      annotations({
        relations: {
          'rel-01': {
            subject: 'author',
            predicate: 'works_for',
            object: 'ap',
            evidence: ['[[the AP]]'],
            assertedBy: 'author',
          },
        },
      }),
    );
    expect(problems).toEqual([
      'relations.rel-01.evidence[0]: anchor "[[the AP]]" ambiguous: 2 occurrences; add context',
    ]);
  });

  it('fails loudly when a surface form occurs a different number of times than declared', () => {
    const ann = annotations();
    const ap = ann.entities.ap;
    if (ap?.forms?.[0]) ap.forms[0].count = 3;
    expect(resolveArticle(TEXT, '0'.repeat(64), ann).problems).toEqual([
      'entities.ap.forms["AP"]: expected 3 mentions, found 2',
    ]);
  });

  it('lets the longest surface form win where forms overlap', () => {
    const ann = annotations();
    ann.entities.vice = {
      kind: 'outlet',
      name: 'VICE News',
      description: 'x',
      forms: [{ text: 'VICE News', form: 'name', count: 1 }],
    };
    ann.entities.news = {
      kind: 'organization',
      name: 'News',
      description: 'x',
      forms: [{ text: 'News', form: 'name', count: 0 }],
    };
    const { document, problems } = resolveArticle(TEXT, '0'.repeat(64), ann);
    expect(problems).toEqual([]);
    expect(document.mentions.map((m) => m.entityId)).toEqual(['ap', 'vice', 'ap']);
  });

  it('checks the block kinds against the text', () => {
    const { problems } = resolveArticle(
      TEXT,
      '0'.repeat(64),
      annotations({ blocks: [['headline', 'Headline']] }),
    );
    expect(problems).toContain(
      'blocks: the text has 2 non-empty lines but 1 block kinds are listed',
    );
  });

  it('makes a continuation inherit the speaker and channel it continues', () => {
    const { document, problems } = resolveArticle(
      TEXT,
      '0'.repeat(64),
      annotations({
        claims: {
          'claim-01': {
            kind: 'indirect',
            speaker: 'author',
            channel: { kind: 'interview', outlet: 'ap' },
            cue: 'He [[told the AP]],',
            content: ['He [[told]] the AP,'],
            statement: 'x',
            about: [],
          },
          'claim-02': {
            kind: 'indirect',
            continues: 'claim-01',
            content: ['then [[told VICE News]]'],
            statement: 'y',
            about: [],
          },
        },
      }),
    );
    expect(problems).toEqual([]);
    const [first, second] = document.claims;
    expect(first?.channel).toEqual({ kind: 'interview', outletId: 'ap', cue: 'told the AP' });
    expect(second?.speakerId).toBe('author');
    expect(second?.channel).toEqual(first?.channel);
    expect(second?.continuesId).toBe('test-article.claim-01');
  });
});
