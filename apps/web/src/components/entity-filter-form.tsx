'use client';

import type { EntityKind, ReviewStatus } from '@claimscope/schema';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { type EntityFilters, entityFiltersToSearch } from '~/lib/entity-filters';
import { REVIEW_STATUS_LABEL } from '~/lib/review';
import { CheckChips, chipOptions, entityKindChips } from './check-chips';

/**
 * The entity filters: a plain GET form (the server asks the API for one page of the matches).
 * With script, typing navigates after a pause and a tick or a new order at once, replacing the
 * URL so Back leaves the list; without, "Apply" sends it.
 */
export function EntityFilterForm({
  filters,
  kinds,
  reviews,
}: {
  filters: EntityFilters;
  /** Kinds to offer; a count only where it is exact and cheap (the corpus's, no other filter). */
  kinds: { kind: EntityKind; count?: number }[];
  /** Review statuses to offer: none when every entity is reviewed. */
  reviews: ReviewStatus[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // What the form shows at once; the URL (and so `filters`) follows when the navigation ends.
  const [text, setText] = useState(filters.q);
  const [chosenKinds, setChosenKinds] = useState(filters.kinds);
  const [chosenReviews, setChosenReviews] = useState(filters.review);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => setChosenKinds(filters.kinds), [filters.kinds]);
  useEffect(() => setChosenReviews(filters.review), [filters.review]);
  useEffect(() => () => clearTimeout(typing.current ?? undefined), []);

  const go = (next: Partial<EntityFilters>) => {
    const url = `/entities${entityFiltersToSearch({
      ...filters,
      q: text.trim(),
      kinds: chosenKinds,
      review: chosenReviews,
      ...next,
      cursor: null,
      back: [],
    })}`;
    startTransition(() => router.replace(url, { scroll: false }));
  };
  const toggle = <T extends string>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  return (
    <search aria-label="Filter entities">
      <form
        className="filters"
        method="get"
        action="/entities"
        aria-busy={pending}
        onSubmit={(event) => {
          event.preventDefault();
          go({});
        }}
      >
        <label>
          Name, alias or description
          <input
            type="search"
            name="q"
            value={text}
            placeholder="e.g. Nusra"
            onChange={(event) => {
              const value = event.target.value;
              setText(value);
              clearTimeout(typing.current ?? undefined);
              typing.current = setTimeout(() => go({ q: value.trim() }), 300);
            }}
          />
        </label>
        <CheckChips
          legend="Kind (none ticked: all)"
          name="kind"
          options={entityKindChips(kinds)}
          checked={chosenKinds}
          onToggle={(kind) => {
            const next = toggle(chosenKinds, kind);
            setChosenKinds(next);
            go({ kinds: next });
          }}
        />
        {reviews.length > 0 ? (
          <CheckChips
            legend="Review"
            name="review"
            options={chipOptions(reviews, (status) => REVIEW_STATUS_LABEL[status])}
            checked={chosenReviews}
            onToggle={(status) => {
              const next = toggle(chosenReviews, status);
              setChosenReviews(next);
              go({ review: next });
            }}
          />
        ) : null}
        <label>
          Order
          <select
            name="sort"
            value={filters.sort}
            onChange={(event) => go({ sort: event.target.value === 'name' ? 'name' : 'mentions' })}
          >
            <option value="mentions">Most mentioned first</option>
            <option value="name">By name</option>
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
    </search>
  );
}
