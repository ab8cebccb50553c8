'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import {
  CHANNELS,
  CLAIM_KINDS,
  type ClaimFilters,
  claimFiltersToSearch,
  MODALITIES,
  REVIEW_STATUSES,
} from '~/lib/claim-filters';
import { CHANNEL_LABEL, CLAIM_KIND_LABEL, MODALITY_LABEL } from '~/lib/labels';
import { REVIEW_STATUS_LABEL } from '~/lib/review';

export interface EntityOption {
  id: string;
  name: string;
  /** Claims this option gives with the other filters kept. */
  count: number;
}

/** Claims each kind, modality and channel option gives with the other filters kept. */
export type OptionCounts = Record<string, number>;

/** The options of an entity menu: a chosen id the corpus does not know is named as unknown. */
function EntityOptions({
  options,
  chosen,
  anyLabel,
}: {
  options: EntityOption[];
  chosen: string | null;
  anyLabel: string;
}) {
  const known = options.some((o) => o.id === chosen);
  return (
    <>
      <option value="">{anyLabel}</option>
      {chosen && !known ? <option value={chosen}>Unknown: “{chosen}” (0)</option> : null}
      {options.map((o) => (
        <option key={o.id} value={o.id} disabled={o.count === 0 && o.id !== chosen}>
          {o.name} ({o.count})
        </option>
      ))}
    </>
  );
}

/**
 * The claim filters. Each change navigates to the matching URL (the server does the filtering),
 * so any view can be shared or bookmarked and Back steps through earlier filters. Without
 * JavaScript it is a plain GET form.
 */
export function ClaimFilterForm({
  filters,
  speakers,
  subjects,
  outlets,
  counts,
}: {
  filters: ClaimFilters;
  speakers: EntityOption[];
  subjects: EntityOption[];
  outlets: EntityOption[];
  counts: {
    kind: OptionCounts;
    modality: OptionCounts;
    channel: OptionCounts;
    review: OptionCounts;
  };
}) {
  const router = useRouter();
  const pathname = usePathname() ?? '/claims';
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(filters.q);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => () => clearTimeout(typing.current ?? undefined), []);

  const go = (next: Partial<ClaimFilters>, mode: 'push' | 'replace' = 'push') => {
    const url = `${pathname}${claimFiltersToSearch({ ...filters, q: text, ...next, cursor: null, back: [] })}`;
    startTransition(() =>
      mode === 'push'
        ? router.push(url, { scroll: false })
        : router.replace(url, { scroll: false }),
    );
  };
  const toggle = <T extends string>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  return (
    <search aria-label="Filter claims">
      <form
        className="filters"
        action={pathname}
        method="get"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text });
        }}
        aria-busy={pending}
      >
        <label>
          Text
          <input
            type="search"
            name="q"
            value={text}
            placeholder="Words in the claim"
            onChange={(e) => {
              const value = e.target.value;
              setText(value);
              clearTimeout(typing.current ?? undefined);
              typing.current = setTimeout(() => go({ q: value }, 'replace'), 300);
            }}
          />
        </label>
        <label>
          Speaker
          <select
            name="speaker"
            value={filters.speaker ?? ''}
            onChange={(e) => go({ speaker: e.target.value || null })}
          >
            <EntityOptions options={speakers} chosen={filters.speaker} anyLabel="Anyone" />
          </select>
        </label>
        <label>
          About
          <select
            name="about"
            value={filters.about ?? ''}
            onChange={(e) => go({ about: e.target.value || null })}
          >
            <EntityOptions options={subjects} chosen={filters.about} anyLabel="Anything" />
          </select>
        </label>
        <label>
          Told to or through
          <select
            name="outlet"
            value={filters.outlet ?? ''}
            onChange={(e) => go({ outlet: e.target.value || null })}
          >
            <EntityOptions options={outlets} chosen={filters.outlet} anyLabel="Any outlet" />
          </select>
        </label>
        <fieldset>
          <legend>Kind</legend>
          <div className="chip-row">
            {CLAIM_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                aria-pressed={filters.kind.includes(kind)}
                onClick={() => go({ kind: toggle(filters.kind, kind) })}
              >
                {CLAIM_KIND_LABEL[kind]}{' '}
                <span className="chip-count">{counts.kind[kind] ?? 0}</span>
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Modality</legend>
          <div className="chip-row">
            {MODALITIES.map((modality) => (
              <button
                key={modality}
                type="button"
                aria-pressed={filters.modality.includes(modality)}
                onClick={() => go({ modality: toggle(filters.modality, modality) })}
              >
                {MODALITY_LABEL[modality]}{' '}
                <span className="chip-count">{counts.modality[modality] ?? 0}</span>
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Channel</legend>
          <div className="chip-row">
            {CHANNELS.filter(
              (channel) => counts.channel[channel] || filters.channel.includes(channel),
            ).map((channel) => (
              <button
                key={channel}
                type="button"
                aria-pressed={filters.channel.includes(channel)}
                onClick={() => go({ channel: toggle(filters.channel, channel) })}
              >
                {CHANNEL_LABEL[channel]}{' '}
                <span className="chip-count">{counts.channel[channel] ?? 0}</span>
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Review</legend>
          <div className="chip-row">
            {REVIEW_STATUSES.filter(
              (status) => counts.review[status] || filters.review.includes(status),
            ).map((status) => (
              <button
                key={status}
                type="button"
                aria-pressed={filters.review.includes(status)}
                onClick={() => go({ review: toggle(filters.review, status) })}
              >
                {REVIEW_STATUS_LABEL[status]}{' '}
                <span className="chip-count">{counts.review[status] ?? 0}</span>
              </button>
            ))}
          </div>
        </fieldset>
        <noscript>
          <button type="submit">Apply</button>
        </noscript>
      </form>
    </search>
  );
}
