import { sha256Hex } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';
import { createCaller, createMemoryStore, importDocuments } from '../src/index.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';
import { findTermRanges, SNIPPET_SCAN_LENGTH } from '../src/views/snippet.js';

describe('the work of a search per hit is bounded', () => {
  it(`looks for matched words in the first ${SNIPPET_SCAN_LENGTH} characters of a text only`, () => {
    const filler = 'word '.repeat(SNIPPET_SCAN_LENGTH);
    const isTruce = (term: string) => term === 'truce';
    expect(findTermRanges(`${filler}truce`, isTruce)).toEqual([]);
    expect(findTermRanges(`truce ${filler}truce`, isTruce)).toEqual([{ start: 0, end: 5 }]);
  });

  it('still finds and ranks an article by a word deep inside a huge paragraph', async () => {
    const document = makeFixtureDocument('huge');
    const paragraph = `${'filler words go on and on '.repeat(15_000)}zanzibar`;
    const start = document.article.text.length + 2;
    document.article.text = `${document.article.text}\n\n${paragraph}`;
    document.article.blocks.push({
      id: 'huge.b-huge',
      kind: 'paragraph',
      index: document.article.blocks.length,
      start,
      end: document.article.text.length,
      text: paragraph,
    });
    document.article.textSha256 = await sha256Hex(document.article.text);
    const store = createMemoryStore([]);
    const report = await importDocuments(store, [document]);
    expect(report.outcomes[0]?.status).toBe('created');
    const { hits } = await createCaller(store).search({ q: 'zanzibar' });
    expect(hits).toEqual([
      expect.objectContaining({ type: 'paragraph', id: 'huge.b-huge', snippet: expect.anything() }),
    ]);
    expect(hits[0]?.snippet.text.length).toBeLessThan(300);
  });
});
