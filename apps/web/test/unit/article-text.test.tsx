import { makeFixtureDocument } from '@claimscope/api/testing';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleText } from '~/components/article-text';
import { type ArticleDocument, buildReaderIndex } from '~/lib/reader-index';
import { readerViewFromParams } from '~/lib/reader-view';

afterEach(cleanup);

/**
 * The fixture with claim ids that end in numbers which do not follow reading order, as in the
 * corpus (claims are numbered as they were annotated, not as they are read).
 */
function numberedDocument(): ArticleDocument {
  const doc = makeFixtureDocument('a');
  const count = doc.claims.length;
  const renamed = new Map(
    doc.claims.map((c, i) => [c.id, `a.claim-${String(count - i + 3).padStart(2, '0')}`]),
  );
  const rename = (id: string | null) => (id ? (renamed.get(id) ?? id) : id);
  return {
    ...doc,
    claims: doc.claims.map((c) => ({
      ...c,
      id: rename(c.id) as string,
      parentId: rename(c.parentId),
      continuesId: rename(c.continuesId),
    })),
  } as ArticleDocument;
}

function renderText(doc: ArticleDocument, search = 'claims=on') {
  return render(
    <article>
      <ArticleText
        doc={doc}
        index={buildReaderIndex(doc)}
        view={readerViewFromParams(new URLSearchParams(search))}
      />
    </article>,
  );
}

describe('<ArticleText> claim numbers', () => {
  it('numbers each claim by its id, in the margin marker and the attribution line alike', () => {
    const { container } = renderText(numberedDocument());
    const markers = [...container.querySelectorAll<HTMLAnchorElement>('a.claim-marker')];
    expect(markers.length).toBeGreaterThan(3);
    for (const marker of markers) {
      const href = marker.getAttribute('href') ?? '';
      const n = Number(/claim-(\d+)$/.exec(href)?.[1]);
      expect(marker.textContent).toBe(String(n));
      expect(marker.getAttribute('aria-label')).toMatch(new RegExp(`^Claim ${n} by `));
    }
    const labels = [...container.querySelectorAll<HTMLAnchorElement>('.quote-attribution a.muted')];
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) {
      const n = Number(/claim-(\d+)$/.exec(label.getAttribute('href') ?? '')?.[1]);
      expect(label.textContent).toBe(`claim ${n}`);
    }
  });
});
