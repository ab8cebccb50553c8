'use client';

import type { RouterOutputs } from '@claimscope/api';
import type { Block, Claim, Entity, EntityKind } from '@claimscope/schema';
import { useSearchParams } from 'next/navigation';
import {
  type FocusEvent,
  Fragment,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ENTITY_KIND_LABEL, ENTITY_KINDS } from '~/lib/labels';
import { nestSpans, type Span, type SpanNode } from '~/lib/spans';
import { ClaimCard, EntityCard, type EntityCounts } from './annotation-cards';
import { channelText } from './claim-summary';

type ArticleDocument = RouterOutputs['article']['export'];

type Mark =
  | { type: 'mention'; id: string; entity: Entity }
  | { type: 'claim'; claim: Claim; number: number; anchorEnd: number; last: boolean };

export interface ReaderView {
  mentions: boolean;
  hiddenKinds: EntityKind[];
  claims: boolean;
  speaker: string | null;
}

/** The reader's toggles, kept in the URL (replaced, not pushed) so Back returns to the same view. */
export function readerViewFromParams(params: URLSearchParams): ReaderView {
  const hidden = (params.get('hide') ?? '').split(',');
  return {
    mentions: params.get('mentions') !== 'off',
    hiddenKinds: ENTITY_KINDS.filter((k) => hidden.includes(k)),
    claims: params.get('claims') === 'on',
    speaker: params.get('speaker'),
  };
}

export function readerViewToParams(view: ReaderView): string {
  const params = new URLSearchParams();
  if (!view.mentions) params.set('mentions', 'off');
  if (view.hiddenKinds.length > 0) params.set('hide', view.hiddenKinds.join(','));
  if (view.claims) params.set('claims', 'on');
  if (view.claims && view.speaker) params.set('speaker', view.speaker);
  const search = params.toString();
  return search ? `?${search}` : '';
}

interface Index {
  entities: Map<string, Entity>;
  counts: Map<string, EntityCounts>;
  claimNumber: Map<string, number>;
  spansByBlock: Map<string, Span<Mark>[]>;
  attributionsByBlock: Map<string, Claim[]>;
  speakers: { entity: Entity; count: number }[];
  kindCounts: Map<EntityKind, number>;
}

function claimDepth(claim: Claim, byId: Map<string, Claim>): number {
  let depth = 0;
  for (
    let parent = claim.parentId;
    parent && depth < 20;
    parent = byId.get(parent)?.parentId ?? null
  )
    depth++;
  return depth;
}

function buildIndex(doc: ArticleDocument): Index {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const counts = new Map<string, EntityCounts>(
    doc.entities.map((e) => [e.id, { mentions: 0, claimsBy: 0, claimsAbout: 0 }]),
  );
  for (const m of doc.mentions) {
    const c = counts.get(m.entityId);
    if (c) c.mentions++;
  }
  const claimsById = new Map(doc.claims.map((c) => [c.id, c]));
  const ordered = [...doc.claims].sort(
    (a, b) => (a.content[0]?.position.start ?? 0) - (b.content[0]?.position.start ?? 0),
  );
  const claimNumber = new Map(ordered.map((c, i) => [c.id, i + 1]));
  const spansByBlock = new Map<string, Span<Mark>[]>();
  const add = (blockId: string, span: Span<Mark>) => {
    const list = spansByBlock.get(blockId) ?? [];
    list.push(span);
    spansByBlock.set(blockId, list);
  };
  const attributionsByBlock = new Map<string, Claim[]>();
  const speakerCounts = new Map<string, number>();
  for (const claim of ordered) {
    const countsOfSpeaker = counts.get(claim.speakerId);
    if (countsOfSpeaker) countsOfSpeaker.claimsBy++;
    for (const id of claim.aboutIds) {
      const c = counts.get(id);
      if (c) c.claimsAbout++;
    }
    speakerCounts.set(claim.speakerId, (speakerCounts.get(claim.speakerId) ?? 0) + 1);
    const depth = claimDepth(claim, claimsById);
    const lastEnd = Math.max(...claim.content.map((a) => a.position.end));
    for (const anchor of claim.content) {
      add(anchor.blockId, {
        start: anchor.position.start,
        end: anchor.position.end,
        layer: depth,
        value: {
          type: 'claim',
          claim,
          number: claimNumber.get(claim.id) ?? 0,
          anchorEnd: anchor.position.end,
          last: anchor.position.end === lastEnd,
        },
      });
    }
    const lastAnchor = claim.content.find((a) => a.position.end === lastEnd);
    if (lastAnchor && claim.kind !== 'author_assertion') {
      const list = attributionsByBlock.get(lastAnchor.blockId) ?? [];
      list.push(claim);
      attributionsByBlock.set(lastAnchor.blockId, list);
    }
  }
  for (const mention of doc.mentions) {
    const entity = entities.get(mention.entityId);
    if (!entity) continue;
    add(mention.anchor.blockId, {
      start: mention.anchor.position.start,
      end: mention.anchor.position.end,
      layer: 100,
      value: { type: 'mention', id: mention.id, entity },
    });
  }
  const kindCounts = new Map<EntityKind, number>();
  for (const m of doc.mentions) {
    const kind = entities.get(m.entityId)?.kind;
    if (kind) kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
  }
  const speakers = [...speakerCounts]
    .flatMap(([id, count]) => {
      const entity = entities.get(id);
      return entity ? [{ entity, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  return { entities, counts, claimNumber, spansByBlock, attributionsByBlock, speakers, kindCounts };
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

export function ArticleReader({ doc }: { doc: ArticleDocument }) {
  const index = useMemo(() => buildIndex(doc), [doc]);
  const searchParams = useSearchParams();
  const [view, setView] = useState<ReaderView>(() =>
    readerViewFromParams(new URLSearchParams(searchParams?.toString() ?? '')),
  );
  const [active, setActive] = useState<string | null>(null);
  // On phones only the two toggles show until this is opened (wide screens always show all).
  const [optionsOpen, setOptionsOpen] = useState(false);
  useHashTarget();

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

  const { article } = doc;
  const authors = article.authorIds.flatMap((a) => index.entities.get(a) ?? []);
  const publisher = article.publisherId ? index.entities.get(article.publisherId) : undefined;

  const hoverProps = (key: string) => ({
    onMouseOver: (e: MouseEvent) => {
      e.stopPropagation();
      setActive(key);
    },
    onMouseLeave: () => setActive((current) => (current === key ? null : current)),
    onFocus: (e: FocusEvent) => {
      e.stopPropagation();
      setActive(key);
    },
    onBlur: (e: FocusEvent<HTMLElement>) => {
      e.stopPropagation();
      if (!e.currentTarget.contains(e.relatedTarget as Node | null))
        setActive((current) => (current === key ? null : current));
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape') setActive(null);
    },
  });

  const renderNodes = (nodes: SpanNode<Mark>[], insideLink: boolean): ReactNode[] =>
    nodes.map((node) => {
      if (node.type === 'text') return <Fragment key={`t${node.start}`}>{node.text}</Fragment>;
      const mark = node.value;
      if (mark.type === 'mention') {
        const { entity } = mark;
        const key = `m:${mark.id}:${node.start}`;
        const on = view.mentions && !view.hiddenKinds.includes(entity.kind);
        const elementId = node.first ? `mention-${mark.id}` : undefined;
        const className = `hl-mention kind--${entity.kind}`;
        if (!on || insideLink) {
          return (
            <span
              key={key}
              id={elementId}
              className={className}
              data-on={on}
              data-entity={entity.id}
            >
              {renderNodes(node.children, insideLink)}
            </span>
          );
        }
        const counts = index.counts.get(entity.id) ?? { mentions: 0, claimsBy: 0, claimsAbout: 0 };
        return (
          <span key={key} className="hl" {...hoverProps(key)}>
            <a
              id={elementId}
              href={`/entities/${entity.id}`}
              className={className}
              data-on="true"
              data-entity={entity.id}
              aria-describedby={active === key ? `${key}-card` : undefined}
            >
              {renderNodes(node.children, true)}
            </a>
            {active === key ? (
              <span className="popover" role="tooltip" id={`${key}-card`}>
                <EntityCard entity={entity} counts={counts} />
              </span>
            ) : null}
          </span>
        );
      }
      const { claim } = mark;
      const key = `c:${claim.id}:${node.start}`;
      const shown = view.claims && (!view.speaker || view.speaker === claim.speakerId);
      if (!shown) return <Fragment key={key}>{renderNodes(node.children, insideLink)}</Fragment>;
      const speaker = index.entities.get(claim.speakerId);
      const outlet = claim.channel.outletId
        ? index.entities.get(claim.channel.outletId)
        : undefined;
      const withMarker = mark.last && node.end === mark.anchorEnd && !insideLink;
      return (
        <span key={key} className="hl hl-claim" data-claim={claim.id} {...hoverProps(key)}>
          {renderNodes(node.children, insideLink)}
          {withMarker ? (
            <a
              className="claim-marker"
              href={`/claims/${claim.id}`}
              aria-label={`Claim ${mark.number} by ${speaker?.name ?? claim.speakerId}: ${claim.statement}`}
            >
              {mark.number}
            </a>
          ) : null}
          {active === key ? (
            <span className="popover" role="tooltip">
              <ClaimCard
                claim={claim}
                speaker={speaker ?? { id: claim.speakerId, name: claim.speakerId }}
                outlet={outlet ?? null}
              />
            </span>
          ) : null}
        </span>
      );
    });

  const blockText = (block: Block) =>
    renderNodes(nestSpans(block.text, block.start, index.spansByBlock.get(block.id) ?? []), false);

  const attributions = (block: Block) => {
    const claims = index.attributionsByBlock.get(block.id);
    if (!claims?.length) return null;
    return (
      <ul className="quote-attribution" aria-label="Who said this">
        {claims.map((claim) => {
          const speaker = index.entities.get(claim.speakerId);
          const outlet = claim.channel.outletId
            ? index.entities.get(claim.channel.outletId)
            : undefined;
          return (
            <li key={claim.id}>
              — <a href={`/entities/${claim.speakerId}`}>{speaker?.name ?? claim.speakerId}</a>,{' '}
              {channelText(claim)}
              {outlet && !channelText(claim).includes(outlet.name) ? ` (${outlet.name})` : ''} ·{' '}
              <a href={`/claims/${claim.id}`} className="muted">
                claim {index.claimNumber.get(claim.id)}
              </a>
            </li>
          );
        })}
      </ul>
    );
  };

  const renderBlock = (block: Block): ReactNode => {
    const id = `block-${block.id}`;
    switch (block.kind) {
      case 'banner':
        return (
          <p key={block.id} id={id} className="block article__banner">
            {blockText(block)}
          </p>
        );
      case 'headline':
        return (
          <h1 key={block.id} id={id} className="block article__headline">
            {blockText(block)}
          </h1>
        );
      case 'dek':
        return (
          <p key={block.id} id={id} className="block article__dek">
            {blockText(block)}
          </p>
        );
      case 'photo_credit':
        return (
          <p key={block.id} id={id} className="block article__credit">
            {blockText(block)}
          </p>
        );
      case 'related_link':
        return (
          <aside
            key={block.id}
            id={id}
            className="block article__related"
            aria-label="Related article"
          >
            <p className="eyebrow">Related</p>
            <p>{blockText(block)}</p>
          </aside>
        );
      case 'footer':
        return (
          <footer key={block.id} id={id} className="block article__footer">
            {blockText(block)}
          </footer>
        );
      default:
        return (
          <Fragment key={block.id}>
            <p id={id} className="block">
              {blockText(block)}
            </p>
            {attributions(block)}
          </Fragment>
        );
    }
  };

  const headlineIndex = article.blocks.findIndex((b) => b.kind === 'headline');
  const beforeByline = article.blocks.slice(0, headlineIndex + 1);
  const afterByline = article.blocks.slice(headlineIndex + 1);
  const dek = afterByline[0]?.kind === 'dek' ? afterByline.shift() : undefined;

  return (
    <div className="reader">
      <article
        className={`article${view.mentions ? ' show-mentions' : ''}${view.claims ? ' show-claims' : ''}`}
        lang={article.language}
        data-testid="article"
      >
        {beforeByline.map(renderBlock)}
        {dek ? renderBlock(dek) : null}
        <p className="article__byline">
          {authors.length > 0 ? (
            <>
              By{' '}
              {authors.map((a, i) => (
                <Fragment key={a.id}>
                  {i > 0 ? ', ' : ''}
                  <a href={`/entities/${a.id}`}>{a.name}</a>
                </Fragment>
              ))}
            </>
          ) : (
            'Author not stated'
          )}
          {publisher ? (
            <>
              {' · '}
              <a href={`/entities/${publisher.id}`}>{publisher.name}</a>
            </>
          ) : null}
          {' · '}
          {article.published.status === 'known' ? (
            <time dateTime={article.published.date}>{article.published.date}</time>
          ) : (
            <span title={article.published.note}>Date unknown</span>
          )}
          {article.source.url ? (
            <>
              {' · '}
              <a href={article.source.url} rel="noreferrer noopener">
                Source
              </a>
            </>
          ) : null}
        </p>
        {afterByline.map(renderBlock)}
      </article>
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
            {ENTITY_KINDS.filter((k) => index.kindCounts.has(k)).map((kind) => (
              <li key={kind} className={`kind--${kind}`}>
                <button
                  type="button"
                  aria-pressed={view.mentions && !view.hiddenKinds.includes(kind)}
                  disabled={!view.mentions}
                  onClick={() => toggleKind(kind)}
                >
                  <span className={`kind kind--${kind}`}>{ENTITY_KIND_LABEL[kind]}</span>
                  <span className="muted">{index.kindCounts.get(kind)}</span>
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
              <option value="">Everyone ({doc.claims.length})</option>
              {index.speakers.map(({ entity, count }) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name} ({count})
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
