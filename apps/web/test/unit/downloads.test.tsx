import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DownloadMenu } from '~/components/download-menu';
import { claimListInput, parseClaimFilters } from '~/lib/claim-filters';
import { articleDownloads, corpusDownloads, filteredClaimsCsvHref } from '~/lib/downloads';
import { jsonLdScriptText } from '~/lib/json-ld';

afterEach(cleanup);

describe('the Download menu', () => {
  it('offers an article in every format through the site’s /api proxy', () => {
    expect(articleDownloads('vice-aq').map((l) => l.href)).toEqual([
      '/api/articles/vice-aq/export?format=w3c',
      '/api/articles/vice-aq/export?format=schemaorg',
      '/api/articles/vice-aq/export?format=brat',
      '/api/articles/vice-aq/export?format=csv',
      '/api/articles/vice-aq/export?format=jsonl',
    ]);
    expect(corpusDownloads()[0]?.href).toBe('/api/export?format=w3c');
  });

  it('exports exactly the claims a filtered list shows, without its paging', () => {
    const filters = parseClaimFilters({
      speaker: 'matthew-levitt',
      kind: ['direct_quote', 'indirect'],
      review: 'unreviewed',
      q: 'truce',
      cursor: 'abc',
      back: ',x',
    });
    expect(filteredClaimsCsvHref(claimListInput(filters))).toBe(
      '/api/claims/export?speaker=matthew-levitt&kind=direct_quote%2Cindirect&review=unreviewed&text=truce',
    );
    expect(filteredClaimsCsvHref(claimListInput(parseClaimFilters({})))).toBe('/api/claims/export');
  });

  it('is a disclosure of plain download links, usable without script', () => {
    render(<DownloadMenu links={articleDownloads('a')} label="Download this article" />);
    const menu = screen.getByTestId('download-menu');
    expect(menu.tagName).toBe('DETAILS');
    expect(menu.querySelector('summary')?.textContent).toBe('Download this article');
    const links = screen.getAllByRole('link', { hidden: true });
    expect(links.map((l) => l.textContent)).toEqual([
      'W3C Web Annotations',
      'schema.org',
      'brat standoff',
      'CSV of claims',
      'JSON Lines',
    ]);
    expect(links.every((l) => l.hasAttribute('download'))).toBe(true);
  });
});

describe('JSON-LD in a script element', () => {
  it('cannot be ended early by the article’s own words, and reads back the same', () => {
    const data = {
      '@type': 'NewsArticle',
      headline: 'He wrote </script><script>alert(1)</script> & <!-- more',
      text: 'line\u2028separator',
    };
    const text = jsonLdScriptText(data);
    expect(text).not.toMatch(/<|>|&/);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(data);
  });
});
