'use client';

import { useEffect } from 'react';

/** What users see when the API is down or slow: what happened, and a way to try again. */
export function ErrorView({
  error,
  retry,
  title = 'The data could not be loaded',
}: {
  error: unknown;
  retry: () => void;
  title?: string;
}) {
  useEffect(() => {
    console.warn('claimscope: a page failed to load', error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null;
  return (
    <div className="page">
      <section className="status status--error" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        <p>
          The claimscope API did not answer in time or could not be reached. Nothing is wrong with
          your link; try again in a moment.
        </p>
        <p>
          <button type="button" className="button--primary" onClick={() => retry()}>
            Try again
          </button>
        </p>
        {digest ? <p className="muted small">Reference: {digest}</p> : null}
      </section>
    </div>
  );
}
