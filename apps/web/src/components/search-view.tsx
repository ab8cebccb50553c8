'use client';

import type { RouterOutputs } from '@claimscope/client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { blockPlace, claimTitle, ENTITY_KIND_LABEL } from '~/lib/labels';
import { type OutletName, outletsNamedIn } from '~/lib/outlet-match';
import { useTRPC } from '~/trpc/react';
import { SnippetText } from './snippet-text';

type SearchHit = RouterOutputs['search']['hits'][number];

export const SEARCH_DEBOUNCE_MS = 200;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function hitHref(hit: SearchHit): string {
  if (hit.type === 'entity') return `/entities/${hit.id}`;
  if (hit.type === 'claim') return `/claims/${hit.id}`;
  return `/articles/${hit.articleId}#block-${hit.id}`;
}

const SECTIONS = [
  { type: 'entity', title: 'Entities' },
  { type: 'claim', title: 'Claims' },
  { type: 'paragraph', title: 'Paragraphs' },
] as const;

/** Results as you type: the query is debounced, then mirrored into the URL (?q=). */
export function SearchView({
  initialQuery,
  outlets = [],
}: {
  initialQuery: string;
  outlets?: OutletName[];
}) {
  const trpc = useTRPC();
  const [text, setText] = useState(initialQuery);
  const q = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const results = useQuery({
    ...trpc.search.queryOptions({ q, limit: 30 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    const url = q ? `/search?q=${encodeURIComponent(q)}` : '/search';
    if (`${window.location.pathname}${window.location.search}` !== url)
      window.history.replaceState(window.history.state, '', url);
  }, [q]);

  const hits = q && results.data ? results.data.hits : [];
  return (
    <>
      <search>
        <form
          className="search-box"
          action="/search"
          method="get"
          onSubmit={(e) => e.preventDefault()}
        >
          <label htmlFor="search-input" className="visually-hidden">
            Search entities, claims and paragraphs
          </label>
          <input
            id="search-input"
            type="search"
            name="q"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Search entities, claims and paragraphs"
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: the page exists to type a query
            autoFocus
          />
        </form>
      </search>
      <p className="muted" role="status" aria-live="polite">
        {!q
          ? 'Type to search.'
          : results.isError
            ? 'Search is unavailable: the API could not be reached.'
            : results.data
              ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'} for “${results.data.query}”`
              : 'Searching…'}
      </p>
      {q
        ? outletsNamedIn(q, outlets).map((outlet) => (
            <p key={outlet.id} className="card search-outlet">
              <a href={`/claims?outlet=${outlet.id}`}>Claims told to or through {outlet.name} →</a>
            </p>
          ))
        : null}
      {results.isError ? (
        <p>
          <button type="button" onClick={() => results.refetch()}>
            Try again
          </button>
        </p>
      ) : null}
      {SECTIONS.map(({ type, title }) => {
        const section = hits.filter((h) => h.type === type);
        if (section.length === 0) return null;
        return (
          <section key={type} className="results-section" aria-labelledby={`results-${type}`}>
            <h2 id={`results-${type}`}>
              {title} <span className="muted small">({section.length})</span>
            </h2>
            <ul className="card-list plain-list">
              {section.map((hit) => (
                <li key={`${hit.type}:${hit.id}`} className="card search-hit">
                  <p className="small muted search-hit__meta">
                    <a href={hitHref(hit)}>
                      {hit.type === 'entity'
                        ? hit.name
                        : hit.type === 'claim'
                          ? `${claimTitle(hit.id)} by ${hit.speaker.name}`
                          : `${blockPlace({ kind: 'paragraph', paragraph: hit.paragraph })} · ${hit.headline}`}
                    </a>
                    {hit.type === 'entity' ? (
                      <span className={`kind kind--${hit.kind}`}>
                        {' '}
                        {ENTITY_KIND_LABEL[hit.kind]}
                      </span>
                    ) : null}
                  </p>
                  <p className="search-hit__snippet">
                    <SnippetText text={hit.snippet.text} highlights={hit.snippet.highlights} />
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
