'use client';

import type { RouterOutputs } from '@claimscope/client';
import type { EntityKind, ReviewStatus } from '@claimscope/schema';
import { foldText } from '@claimscope/schema/display';
import { useDeferredValue, useMemo, useState } from 'react';
import { ENTITY_KIND_LABEL, ENTITY_KINDS } from '~/lib/labels';
import { REVIEW_STATUS_LABEL, REVIEW_STATUSES } from '~/lib/review';
import { plural } from './annotation-cards';
import { ReviewBadge } from './review-badge';

type EntityListItem = RouterOutputs['entity']['list']['items'][number];

type Filterable = Pick<EntityListItem, 'kind' | 'name' | 'description' | 'aliases'> & {
  provenance?: Pick<EntityListItem['provenance'], 'review'>;
};

export function filterEntities<E extends Filterable>(
  entities: E[],
  kinds: EntityKind[],
  text: string,
  reviews: ReviewStatus[] = [],
): E[] {
  const needle = foldText(text.trim());
  return entities.filter(
    (e) =>
      (kinds.length === 0 || kinds.includes(e.kind)) &&
      (reviews.length === 0 || reviews.includes(e.provenance?.review.status ?? 'reviewed')) &&
      (!needle ||
        [e.name, e.description, ...e.aliases.map((a) => a.name)].some((s) =>
          foldText(s).includes(needle),
        )),
  );
}

/** Every entity, filtered as you type; the filters are mirrored into the URL. */
export function EntityBrowser({
  entities,
  initialKinds,
  initialText,
  initialReviews = [],
}: {
  entities: EntityListItem[];
  initialKinds: EntityKind[];
  initialText: string;
  initialReviews?: ReviewStatus[];
}) {
  const [kinds, setKinds] = useState(initialKinds);
  const [text, setText] = useState(initialText);
  const [reviews, setReviews] = useState(initialReviews);
  const deferredText = useDeferredValue(text);
  const shown = useMemo(
    () => filterEntities(entities, kinds, deferredText, reviews),
    [entities, kinds, deferredText, reviews],
  );
  const present = ENTITY_KINDS.filter((k) => entities.some((e) => e.kind === k));
  // The review filter appears only where some entity is not (yet) reviewed.
  const statuses = REVIEW_STATUSES.filter((s) =>
    entities.some((e) => e.provenance.review.status === s),
  );

  const sync = (nextKinds: EntityKind[], nextText: string, nextReviews = reviews) => {
    const params = new URLSearchParams();
    for (const k of nextKinds) params.append('kind', k);
    for (const r of nextReviews) params.append('review', r);
    if (nextText.trim()) params.set('q', nextText.trim());
    const search = params.toString();
    window.history.replaceState(window.history.state, '', `/entities${search ? `?${search}` : ''}`);
  };
  const toggle = (kind: EntityKind) => {
    const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
    setKinds(next);
    sync(next, text);
  };

  return (
    <>
      <search className="filters" aria-label="Filter entities">
        <label>
          Name, alias or description
          <input
            type="search"
            value={text}
            placeholder="e.g. Nusra"
            onChange={(e) => {
              setText(e.target.value);
              sync(kinds, e.target.value);
            }}
          />
        </label>
        <fieldset>
          <legend>Kind</legend>
          <div className="chip-row">
            {present.map((kind) => (
              <button
                key={kind}
                type="button"
                className={`kind--${kind}`}
                aria-pressed={kinds.includes(kind)}
                onClick={() => toggle(kind)}
              >
                {ENTITY_KIND_LABEL[kind]}
              </button>
            ))}
          </div>
        </fieldset>
        {statuses.length > 1 ? (
          <fieldset>
            <legend>Review</legend>
            <div className="chip-row">
              {statuses.map((status) => (
                <button
                  key={status}
                  type="button"
                  aria-pressed={reviews.includes(status)}
                  onClick={() => {
                    const next = reviews.includes(status)
                      ? reviews.filter((r) => r !== status)
                      : [...reviews, status];
                    setReviews(next);
                    sync(kinds, text, next);
                  }}
                >
                  {REVIEW_STATUS_LABEL[status]}
                </button>
              ))}
            </div>
          </fieldset>
        ) : null}
      </search>
      <p className="muted" role="status">
        Showing {shown.length} of {entities.length} entities
      </p>
      <ul className="card-list entity-list">
        {shown.map((e) => (
          <li key={e.id} className="card">
            <h2>
              <a href={`/entities/${e.id}`}>{e.name}</a>
            </h2>
            <p className="meta">
              <span className={`kind kind--${e.kind}`}>{ENTITY_KIND_LABEL[e.kind]}</span>
              <span>{plural(e.mentionCount, 'mention')}</span>
              <span>{plural(e.claimCount, 'claim')} made</span>
              <span>{plural(e.aboutCount, 'claim')} about</span>
              <ReviewBadge provenance={e.provenance} />
            </p>
            <p className="small entity-description">{e.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
