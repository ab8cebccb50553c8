'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import {
  CLAIM_KINDS,
  type ClaimFilters,
  claimFiltersToSearch,
  MODALITIES,
} from '~/lib/claim-filters';
import { CLAIM_KIND_LABEL, MODALITY_LABEL } from '~/lib/labels';

export interface EntityOption {
  id: string;
  name: string;
  count: number;
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
}: {
  filters: ClaimFilters;
  speakers: EntityOption[];
  subjects: EntityOption[];
}) {
  const router = useRouter();
  const pathname = usePathname() ?? '/claims';
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(filters.q);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => () => clearTimeout(typing.current ?? undefined), []);

  const go = (next: Partial<ClaimFilters>, mode: 'push' | 'replace' = 'push') => {
    const url = `${pathname}${claimFiltersToSearch({ ...filters, q: text, ...next, cursor: null })}`;
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
            <option value="">Anyone</option>
            {speakers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          About
          <select
            name="about"
            value={filters.about ?? ''}
            onChange={(e) => go({ about: e.target.value || null })}
          >
            <option value="">Anything</option>
            {subjects.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.count})
              </option>
            ))}
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
                {CLAIM_KIND_LABEL[kind]}
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
                {MODALITY_LABEL[modality]}
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
