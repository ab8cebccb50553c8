import { describe, expect, it } from 'vitest';
import { citationText, quoteOf } from '~/lib/citation';

const source = {
  headline: 'Al Qaeda Wants a Reconciliation',
  authors: ['Alice Speri'],
  publisher: 'VICE News',
  date: '2015-11-30',
  sourceUrl: 'https://news.vice.com/article/al-qaeda',
};

describe('citationText', () => {
  it('names the words, the article, its date and paragraph, and both addresses', () => {
    expect(
      citationText({
        subject: 'Tom Sanderson (claim 22)',
        quote: quoteOf(['They are not going to merge,', 'A reconciliation would take years.']),
        paragraph: 9,
        source,
        permalink: 'https://claimscope.example/claims/vice.claim-22',
      }),
    ).toBe(
      'Tom Sanderson (claim 22): “They are not going to merge, [...] A reconciliation would take years.” ' +
        'Alice Speri, “Al Qaeda Wants a Reconciliation”, VICE News, 2015-11-30, paragraph 9. ' +
        'https://news.vice.com/article/al-qaeda. claimscope: https://claimscope.example/claims/vice.claim-22',
    );
  });

  it('says when the article gives no date, and leaves out what is unknown', () => {
    const text = citationText({
      subject: 'al Qaeda (organization)',
      quote: null,
      paragraph: null,
      source: { ...source, authors: [], date: null, sourceUrl: null },
      permalink: '/entities/al-qaeda',
    });
    expect(text).toBe(
      'al Qaeda (organization). “Al Qaeda Wants a Reconciliation”, VICE News, date not given. claimscope: /entities/al-qaeda',
    );
  });
});
