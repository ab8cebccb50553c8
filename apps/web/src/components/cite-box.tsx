import { type Citation, citationText } from '~/lib/citation';

/**
 * A record's permalink and citation, with a "Copy citation" button that the one listener in
 * copy-citations.tsx serves. Without script the citation is still there to select.
 */
export function CiteBox({ citation }: { citation: Citation }) {
  return (
    <details className="cite-box">
      <summary>Cite or link</summary>
      <p className="small">
        Permalink: <a href={citation.permalink}>{citation.permalink}</a>
      </p>
      <p className="cite-box__text" data-testid="citation">
        {citationText(citation)}
      </p>
      <p>
        <button type="button" data-copy-citation="">
          Copy citation
        </button>{' '}
        <span role="status" className="muted small cite-box__status" />
      </p>
    </details>
  );
}
