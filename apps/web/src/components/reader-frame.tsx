'use client';

import type { EntityKind } from '@claimscope/schema';
import { useSearchParams } from 'next/navigation';
import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { ENTITY_KIND_LABEL } from '~/lib/labels';
import type { ReaderCards } from '~/lib/reader-index';
import {
  entityHref,
  isClaimShown,
  isMentionShown,
  type ReaderView,
  readerViewFromParams,
  readerViewToParams,
} from '~/lib/reader-view';
import { ClaimCard, EntityCard } from './annotation-cards';

/*
 * The reader's client layer around the server-rendered text (article-text.tsx): the highlight
 * controls, and one hover/focus card for the whole text. The text itself never re-renders: a
 * change of view rewrites the few attributes that article-text.tsx documents, and the card is
 * found through event delegation, so hydrating the page costs no more than the text's elements.
 */

const ANNOTATION = 'a.hl-mention[href], .hl-claim[data-shown], .claim-marker:not([hidden])';
const CARD_ID = 'reader-card';
/** The card's width in CSS (min(22rem, 80vw)), to keep it inside the column. */
const CARD_WIDTH = 352;

interface ActiveCard {
  element: HTMLElement;
  top: number;
  left: number;
}

export interface ReaderFrameProps {
  language: string;
  kinds: { kind: EntityKind; count: number }[];
  speakers: { id: string; name: string; count: number }[];
  claimCount: number;
  /** Where the hover cards' facts come from (`/articles/<id>/cards`), loaded on first use. */
  cardsUrl: string;
  /** The annotated text (a server component). */
  children: ReactNode;
}

/** Rewrites the text's highlight attributes for a view. */
function applyView(article: HTMLElement, view: ReaderView) {
  for (const mention of article.querySelectorAll<HTMLAnchorElement>('a.hl-mention')) {
    const entityId = mention.dataset.entity ?? '';
    if (isMentionShown(view, mention.dataset.kind as EntityKind))
      mention.setAttribute('href', entityHref(entityId));
    else mention.removeAttribute('href');
  }
  for (const claim of article.querySelectorAll<HTMLElement>('.hl-claim')) {
    claim.toggleAttribute('data-shown', isClaimShown(view, claim.dataset.speaker ?? ''));
  }
  for (const marker of article.querySelectorAll<HTMLElement>('.claim-marker')) {
    const claim = marker.closest<HTMLElement>('.hl-claim');
    marker.hidden = !claim?.hasAttribute('data-shown');
  }
}

/** Scrolls to and marks the element named by the URL's #fragment (a mention or a block). */
function useHashTarget() {
  useEffect(() => {
    const apply = () => {
      for (const el of document.querySelectorAll('[data-target="true"]'))
        el.removeAttribute('data-target');
      const id = decodeURIComponent(window.location.hash.slice(1));
      const el = id ? document.getElementById(id) : null;
      if (!el) return;
      el.setAttribute('data-target', 'true');
      el.scrollIntoView({ block: 'center' });
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);
}

export function ReaderFrame({
  language,
  kinds,
  speakers,
  claimCount,
  cardsUrl,
  children,
}: ReaderFrameProps) {
  const searchParams = useSearchParams();
  const [view, setView] = useState<ReaderView>(() =>
    readerViewFromParams(new URLSearchParams(searchParams?.toString() ?? '')),
  );
  // On phones only the two toggles show until this is opened (wide screens always show all).
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [active, setActive] = useState<ActiveCard | null>(null);
  const readerRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cards = useCards(cardsUrl);
  useHashTarget();

  useEffect(() => {
    if (articleRef.current) applyView(articleRef.current, view);
    setActive(null);
  }, [view]);

  // The active annotation is marked, and described by the card for assistive technology.
  useEffect(() => {
    const element = active?.element;
    if (!element) return;
    element.setAttribute('data-active', 'true');
    if (element instanceof HTMLAnchorElement) element.setAttribute('aria-describedby', CARD_ID);
    return () => {
      element.removeAttribute('data-active');
      element.removeAttribute('aria-describedby');
    };
  }, [active]);

  useEffect(() => () => clearTimeout(hideTimer.current), []);

  const update = (next: ReaderView) => {
    setView(next);
    const url = `${window.location.pathname}${readerViewToParams(next)}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  };
  const toggleKind = (kind: EntityKind) =>
    update({
      ...view,
      hiddenKinds: view.hiddenKinds.includes(kind)
        ? view.hiddenKinds.filter((k) => k !== kind)
        : [...view.hiddenKinds, kind],
    });

  const show = useCallback((element: HTMLElement) => {
    clearTimeout(hideTimer.current);
    const reader = readerRef.current;
    if (!reader) return;
    const box = element.getBoundingClientRect();
    const frame = reader.getBoundingClientRect();
    setActive((current) =>
      current?.element === element
        ? current
        : {
            element,
            top: box.bottom - frame.top + 6,
            left: Math.max(0, Math.min(box.left - frame.left, frame.width - CARD_WIDTH)),
          },
    );
  }, []);
  const hideSoon = useCallback(() => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => setActive(null), 250);
  }, []);
  const annotationAt = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>(ANNOTATION) : null;

  const onPointerOver = (event: PointerEvent) => {
    cards.load();
    const element = annotationAt(event.target);
    if (element) show(element);
  };
  const onPointerOut = (event: PointerEvent) => {
    const element = annotationAt(event.target);
    if (element && !element.contains(event.relatedTarget as Node | null)) hideSoon();
  };
  const onFocus = (event: FocusEvent) => {
    cards.load();
    const element = annotationAt(event.target);
    if (element) show(element);
  };
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!readerRef.current?.querySelector(`#${CARD_ID}`)?.contains(next)) setActive(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setActive(null);
  };

  return (
    <div className="reader" ref={readerRef}>
      {/* Pointer and focus handlers only follow the links inside; the text stays plain text. */}
      <article
        ref={articleRef}
        className={`article${view.mentions ? ' show-mentions' : ''}${view.claims ? ' show-claims' : ''}`}
        lang={language}
        data-testid="article"
        onPointerOver={onPointerOver}
        onPointerOut={onPointerOut}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      >
        {children}
      </article>
      {active ? (
        <div
          className="popover popover--reader"
          role="tooltip"
          id={CARD_ID}
          style={
            { '--card-top': `${active.top}px`, '--card-left': `${active.left}px` } as CSSProperties
          }
          onPointerEnter={() => clearTimeout(hideTimer.current)}
          onPointerLeave={hideSoon}
        >
          <ActiveCardBody element={active.element} state={cards.state} />
        </div>
      ) : null}
      <aside className="reader__aside" aria-label="Highlighting" data-options={optionsOpen}>
        <section className="reader__controls" aria-labelledby="mentions-heading">
          <h2 id="mentions-heading">Entities</h2>
          <button
            type="button"
            aria-pressed={view.mentions}
            onClick={() => update({ ...view, mentions: !view.mentions })}
          >
            Highlight entity mentions
          </button>
          <ul className="legend reader__option" id="reader-kinds" aria-label="Entity kinds">
            {kinds.map(({ kind, count }) => (
              <li key={kind} className={`kind--${kind}`}>
                <button
                  type="button"
                  aria-pressed={view.mentions && !view.hiddenKinds.includes(kind)}
                  disabled={!view.mentions}
                  onClick={() => toggleKind(kind)}
                >
                  <span className={`kind kind--${kind}`}>{ENTITY_KIND_LABEL[kind]}</span>
                  <span className="muted">{count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="reader__controls" aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims</h2>
          <button
            type="button"
            aria-pressed={view.claims}
            onClick={() => update({ ...view, claims: !view.claims })}
          >
            Highlight claims
          </button>
          <label className="field reader__option" id="reader-speaker">
            Speaker
            <select
              value={view.speaker ?? ''}
              disabled={!view.claims}
              onChange={(e) => update({ ...view, speaker: e.target.value || null })}
            >
              <option value="">Everyone ({claimCount})</option>
              {speakers.map(({ id, name, count }) => (
                <option key={id} value={id}>
                  {name} ({count})
                </option>
              ))}
            </select>
          </label>
          <p className="muted small reader__hint">
            Hover or focus a highlight for details. Numbers link to each claim.
          </p>
        </section>
        <button
          type="button"
          className="reader__options-toggle"
          aria-expanded={optionsOpen}
          aria-controls="reader-kinds reader-speaker"
          onClick={() => setOptionsOpen(!optionsOpen)}
        >
          Kinds and speakers
        </button>
      </aside>
    </div>
  );
}

type CardsState =
  | { status: 'idle' | 'loading' | 'failed' }
  | { status: 'ready'; cards: ReaderCards };

/** The cards' facts, fetched once, on the first pointer or focus in the text. */
function useCards(url: string) {
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

function ActiveCardBody({ element, state }: { element: HTMLElement; state: CardsState }) {
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
