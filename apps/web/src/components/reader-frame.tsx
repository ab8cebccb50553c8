'use client';

import type { EntityKind } from '@claimscope/schema';
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
import { cardPlacement } from '~/lib/card-placement';
import { entityHref, isClaimShown, isMentionShown, type ReaderView } from '~/lib/reader-view';
import { useReaderView } from '~/lib/use-reader-view';
import { ReaderCardBody, useCards } from './reader-card';
import { READER_CONTROLS_ID, ReaderControls } from './reader-controls';

/*
 * The reader's client layer around the server-rendered text (article-text.tsx): the highlight
 * controls (reader-controls.tsx), the view in the URL (use-reader-view.ts), and one hover/focus
 * card for the whole text (reader-card.tsx). The text itself never re-renders: a
 * change of view rewrites the few attributes that article-text.tsx documents, and the card is
 * found through event delegation, so hydrating the page costs no more than the text's elements.
 */

const ANNOTATION = 'a.hl-mention[href], .hl-claim[data-shown], .claim-marker:not([hidden])';
const CARD_ID = 'reader-card';

interface ActiveCard {
  element: HTMLElement;
  top: number;
  left: number;
  above: boolean;
}

export interface ReaderFrameProps {
  language: string;
  kinds: { kind: EntityKind; count: number }[];
  speakers: { id: string; name: string; count: number }[];
  claimCount: number;
  /** Mentions and claims not (or not yet) confirmed by a person: the legend explains their mark. */
  unreviewedCount?: number;
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
  unreviewedCount = 0,
  cardsUrl,
  children,
}: ReaderFrameProps) {
  const [view, update] = useReaderView();
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

  const show = useCallback((element: HTMLElement) => {
    clearTimeout(hideTimer.current);
    const reader = readerRef.current;
    if (!reader) return;
    const placement = cardPlacement(
      element.getBoundingClientRect(),
      reader.getBoundingClientRect(),
      window.innerHeight,
    );
    setActive((current) => (current?.element === element ? current : { element, ...placement }));
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
      {/* The text holds a link per mention: keyboard users can reach the controls first. */}
      <a className="skip-link skip-link--inline" href={`#${READER_CONTROLS_ID}`}>
        Skip to the highlight controls
      </a>
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
          data-placement={active.above ? 'above' : 'below'}
          style={
            { '--card-top': `${active.top}px`, '--card-left': `${active.left}px` } as CSSProperties
          }
          onPointerEnter={() => clearTimeout(hideTimer.current)}
          onPointerLeave={hideSoon}
        >
          <ReaderCardBody element={active.element} state={cards.state} />
        </div>
      ) : null}
      <ReaderControls
        view={view}
        onChange={update}
        kinds={kinds}
        speakers={speakers}
        claimCount={claimCount}
        unreviewedCount={unreviewedCount}
      />
    </div>
  );
}
