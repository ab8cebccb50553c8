import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvField,
  jsonLine,
  parseCsv,
  readJsonLines,
  writeCsv,
  writeJsonLines,
  writeSchemaOrg,
} from '../src/index.js';
import { testDocument } from './fixture.js';

describe('CSV', () => {
  it('quotes fields as RFC 4180 asks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('writes one row per claim with a header, paragraph numbers as readers count them and a permalink', () => {
    const doc = testDocument();
    const csv = writeCsv(doc, 'claims', { siteUrl: 'https://claims.example/' });
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS.claims]);
    expect(rows).toHaveLength(doc.claims.length);
    const row = (i: number) => Object.fromEntries(header?.map((h, j) => [h, rows[i]?.[j]]) ?? []);
    // The first claim is in the dek: no paragraph number. Ann Lee's is in paragraph 1.
    expect(row(0).paragraph).toBe('');
    expect(row(1)).toMatchObject({
      article_id: 'formats-test',
      paragraph: '1',
      speaker: 'Ann Lee',
      speaker_kind: 'person',
      channel: 'interview',
      outlet: 'Harbour Gazette',
      cue: 'told the Harbour Gazette',
      kind: 'direct_quote',
      modality: 'prediction',
      quoted_words: 'will fail within a week,',
      permalink: 'https://claims.example/claims/formats-test.claim-2',
    });
    expect(row(3).quoted_words).toBe(
      "We expect a deal. … Even Lee called it 'hopeless' last year, and she was wrong.",
    );
    expect(row(3).paragraph).toBe('2');
  });

  it('writes only the claims asked for, in the order asked, for a filtered list', () => {
    const doc = testDocument();
    const [first, second] = doc.claims;
    if (!first || !second) throw new Error('the test document has two claims');
    const csv = writeCsv(doc, 'claims', { claimIds: [second.id, 'not-here', first.id] });
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS.claims]);
    expect(rows.map((r) => r[header?.indexOf('claim_id') ?? -1])).toEqual([second.id, first.id]);
  });

  it('writes entities, mentions and relations tables', () => {
    const doc = testDocument();
    const entities = parseCsv(writeCsv(doc, 'entities'));
    expect(entities[0]).toEqual([...CSV_COLUMNS.entities]);
    expect(entities.find((r) => r[1] === 'ann-lee')).toEqual([
      'formats-test',
      'ann-lee',
      'person',
      'Ann Lee',
      'Lee; A. Lee',
      'Ann Lee, in the test story.',
      '4',
    ]);
    expect(parseCsv(writeCsv(doc, 'mentions'))).toHaveLength(doc.mentions.length + 1);
    const relations = parseCsv(writeCsv(doc, 'relations'));
    expect(relations[2]?.slice(2, 12)).toEqual([
      'ann-lee',
      'Ann Lee',
      'affiliated_with',
      'harbour-gazette',
      'Harbour Gazette',
      '',
      'implied',
      'true',
      'last year',
      'formats-test.claim-2',
    ]);
  });
});

describe('JSON Lines', () => {
  it('writes one whole document per line and reads them back', async () => {
    const doc = testDocument();
    const lines: string[] = [];
    for await (const line of writeJsonLines([doc, doc])) lines.push(line);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(lines[0]?.slice(0, -1)).not.toContain('\n');
    expect([...readJsonLines(lines.join(''))]).toEqual([doc, doc]);
    expect(() => [...readJsonLines('{}\nnot json\n')]).toThrow(/line 2/);
  });

  it('streams: a line is out before the next document is even made', async () => {
    let made = 0;
    function* corpus() {
      for (let i = 0; i < 10_000; i++) {
        made++;
        yield testDocument();
      }
    }
    const lines = writeJsonLines(corpus());
    const first = await lines.next();
    expect(first.value).toBe(jsonLine(testDocument()));
    expect(made).toBe(1);
  });
});

describe('schema.org', () => {
  it('writes a NewsArticle with its mentions and direct quotes as Quotations with who said them', () => {
    const doc = testDocument();
    const article = writeSchemaOrg(doc) as unknown as Record<string, unknown>;
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'River treaty talks stall again',
      datePublished: '2026-11-30',
      url: 'https://example.org/river-talks',
      publisher: { '@type': 'NewsMediaOrganization', name: 'Harbour Gazette' },
      author: [{ '@type': 'Person', name: 'Jo Writer' }],
    });
    const mentions = article.mentions as { name: string }[];
    expect(mentions.map((m) => m.name)).toEqual([
      'officials',
      'Ann Lee',
      'Harbour Gazette',
      'a ministry spokesman',
      'Delta Council',
    ]);
    const quotes = article.hasPart as Record<string, unknown>[];
    expect(quotes).toHaveLength(doc.claims.filter((c) => c.kind === 'direct_quote').length);
    expect(quotes[0]).toMatchObject({
      '@type': 'Quotation',
      text: 'will fail within a week,',
      spokenByCharacter: { '@id': 'urn:claimscope:entity:ann-lee' },
      creator: { '@id': 'urn:claimscope:entity:ann-lee' },
    });
  });
});
