'use client';

import type { EntityKind } from '@claimscope/schema';
import { useState } from 'react';
import { ENTITY_KIND_LABEL } from '~/lib/labels';
import type { ReaderView } from '~/lib/reader-view';

/** The element the reader's skip link leads to. */
export const READER_CONTROLS_ID = 'reader-controls';

export interface ReaderControlsProps {
  view: ReaderView;
  onChange: (next: ReaderView) => void;
  kinds: { kind: EntityKind; count: number }[];
  speakers: { id: string; name: string; count: number }[];
  claimCount: number;
  unreviewedCount?: number;
}

/** The highlight controls: entity mentions and kinds, claims and speakers. */
export function ReaderControls({
  view,
  onChange: update,
  kinds,
  speakers,
  claimCount,
  unreviewedCount = 0,
}: ReaderControlsProps) {
  // On phones only the two toggles show until this is opened (wide screens always show all).
  const [optionsOpen, setOptionsOpen] = useState(false);
  const toggleKind = (kind: EntityKind) =>
    update({
      ...view,
      hiddenKinds: view.hiddenKinds.includes(kind)
        ? view.hiddenKinds.filter((k) => k !== kind)
        : [...view.hiddenKinds, kind],
    });
  return (
    <aside
      className="reader__aside"
      id={READER_CONTROLS_ID}
      tabIndex={-1}
      aria-label="Highlighting"
      data-options={optionsOpen}
    >
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
      {unreviewedCount > 0 ? (
        <p className="small review-legend reader__option" data-testid="review-legend">
          <span className="review-legend__sample">Dashed</span> lines and badges mark{' '}
          {unreviewedCount === 1 ? 'the annotation' : `the ${unreviewedCount} annotations`} no
          person has reviewed yet (made by a rule or a model), or disputed: check them before
          citing.
        </p>
      ) : null}
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
  );
}
