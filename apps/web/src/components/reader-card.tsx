'use client';

import { useCallback, useRef, useState } from 'react';
import type { ReaderCards } from '~/lib/reader-index';
import { entityHref } from '~/lib/reader-view';
import { ClaimCard, EntityCard } from './annotation-cards';

/* The reader's hover/focus card: its facts, loaded on first use, and what it shows. */

export type CardsState =
  | { status: 'idle' | 'loading' | 'failed' }
  | { status: 'ready'; cards: ReaderCards };

/** The cards' facts, fetched once, on the first pointer or focus in the text. */
export function useCards(url: string) {
  const [state, setState] = useState<CardsState>({ status: 'idle' });
  const started = useRef(false);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setState({ status: 'loading' });
    fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return response.json() as Promise<ReaderCards>;
      })
      .then(
        (cards) => setState({ status: 'ready', cards }),
        () => {
          // Let the next hover try again.
          started.current = false;
          setState({ status: 'failed' });
        },
      );
  }, [url]);
  return { state, load };
}

export function ReaderCardBody({ element, state }: { element: HTMLElement; state: CardsState }) {
  const entityId = element.dataset.entity;
  const claimId = element.dataset.claim;
  if (state.status === 'ready') {
    const entity = entityId ? state.cards.entities[entityId] : undefined;
    if (entity) return <EntityCard entity={entity} counts={entity.counts} />;
    const claim = claimId ? state.cards.claims[claimId] : undefined;
    if (claim) return <ClaimCard claim={claim} speaker={claim.speaker} outlet={claim.outlet} />;
  }
  const href = entityId ? entityHref(entityId) : `/claims/${claimId}`;
  return (
    <span className="card-body" aria-busy={state.status === 'loading'}>
      <span className="card-text muted">
        {state.status === 'failed' ? 'Details could not be loaded.' : 'Loading details…'}
      </span>
      <a className="card-link" href={href}>
        Open {entityId ? 'entity' : 'claim'} →
      </a>
    </span>
  );
}
