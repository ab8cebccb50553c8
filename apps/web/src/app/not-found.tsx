import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <div className="page">
      <section className="status" aria-labelledby="not-found-title">
        <p className="eyebrow">404</p>
        <h1 id="not-found-title">Nothing here by that id</h1>
        <p>
          The article, entity or claim you asked for does not exist in this corpus. Its id may be
          mistyped, or it may have been removed.
        </p>
        <p>
          <a href="/">Read the articles</a> · <a href="/entities">Browse entities</a> ·{' '}
          <a href="/search">Search</a>
        </p>
      </section>
    </div>
  );
}
