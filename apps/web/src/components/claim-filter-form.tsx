'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import {
  CHANNELS,
  CLAIM_KINDS,
  type ClaimFilters,
  claimFiltersToSearch,
  type EntityRole,
  MODALITIES,
  REVIEW_STATUSES,
} from '~/lib/claim-filters';
import { CHANNEL_LABEL, CLAIM_KIND_LABEL, MODALITY_LABEL } from '~/lib/labels';
import { REVIEW_STATUS_LABEL } from '~/lib/review';
import { CheckChips, chipOptions } from './check-chips';

export interface EntityRef {
  id: string;
  name: string;
}

/** One entity filter (speaker, subject or outlet): what is chosen, or how to find one. */
export interface EntityChoice {
  /** The entity chosen, by name; `name` is null for an id the corpus does not know. */
  chosen: { id: string; name: string | null } | null;
  /** The words typed to find one, and the entities they match (at most a few), each with the
   * address of the list filtered by it. */
  query: string;
  matches: (EntityRef & { href: string })[] | null;
  /** The address of the list without this filter. */
  removeHref: string;
}

/** Claims each kind and modality option gives; absent where the count is not cheap. */
export type OptionCounts = Record<string, number>;

/**
 * An entity filter without a list of every entity: the chosen one by name with a link that
 * removes it, or a text field whose words the page answers with the matching entities as links.
 */
function EntityChooser({
  filter,
  label,
  choice,
}: {
  filter: EntityRole;
  label: string;
  choice: EntityChoice;
}) {
  const { chosen, query, matches, removeHref } = choice;
  if (chosen)
    return (
      <p className="entity-choice" data-testid={`chosen-${filter}`}>
        {label}:{' '}
        {chosen.name === null ? (
          <span>Unknown: “{chosen.id}”</span>
        ) : (
          <a href={`/entities/${chosen.id}`}>{chosen.name}</a>
        )}{' '}
        <a
          className="button"
          href={removeHref}
          aria-label={`Remove the ${label.toLowerCase()} filter`}
        >
          ×
        </a>
        {chosen.name === null ? null : <input type="hidden" name={filter} value={chosen.id} />}
      </p>
    );
  return (
    <div className="entity-choice">
      <label>
        {label}
        <input
          type="search"
          name={`${filter}Name`}
          defaultValue={query}
          placeholder="Find by name"
        />
      </label>
      <button type="submit" aria-label={`Find ${label.toLowerCase()}`}>
        Find
      </button>
      {matches === null ? null : matches.length === 0 ? (
        <p className="small muted">No entity matches “{query}”.</p>
      ) : (
        <ul
          className="chip-row plain-list small"
          aria-label={`${label}: entities matching “${query}”`}
        >
          {matches.map((m) => (
            <li key={m.id}>
              <a href={m.href}>{m.name}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type TickedFilters = Pick<ClaimFilters, 'kind' | 'modality' | 'channel' | 'review'>;
const tickedOf = ({ kind, modality, channel, review }: ClaimFilters): TickedFilters => ({
  kind,
  modality,
  channel,
  review,
});

/**
 * The claim filters. Each change navigates to the matching URL (the server does the filtering),
 * so any view can be shared or bookmarked and Back steps through earlier filters. Without
 * JavaScript it is a plain GET form.
 */
export function ClaimFilterForm({
  filters,
  entities,
  counts,
}: {
  filters: ClaimFilters;
  entities: Record<EntityRole, EntityChoice>;
  counts: { kind?: OptionCounts; modality?: OptionCounts };
}) {
  const router = useRouter();
  const pathname = usePathname() ?? '/claims';
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(filters.q);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The ticks show at once; the URL (and so `filters`) follows when the navigation ends.
  const [ticked, setTicked] = useState<TickedFilters>(() => tickedOf(filters));
  useEffect(() => setTicked(tickedOf(filters)), [filters]);
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => () => clearTimeout(typing.current ?? undefined), []);

  const go = (next: Partial<ClaimFilters>, mode: 'push' | 'replace' = 'push') => {
    const url = `${pathname}${claimFiltersToSearch({ ...filters, ...ticked, q: text, ...next, cursor: null, back: [] })}`;
    startTransition(() =>
      mode === 'push'
        ? router.push(url, { scroll: false })
        : router.replace(url, { scroll: false }),
    );
  };
  const toggle = <K extends keyof TickedFilters>(key: K, value: TickedFilters[K][number]) => {
    const list = ticked[key] as string[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    setTicked({ ...ticked, [key]: next });
    go({ [key]: next });
  };

  return (
    <search aria-label="Filter claims">
      <form
        className="filters"
        action={pathname}
        method="get"
        onSubmit={(e) => {
          // Words typed to find an entity: the server answers them, so send the form as it is.
          const form = new FormData(e.currentTarget);
          if (['speakerName', 'aboutName', 'outletName'].some((name) => form.get(name))) return;
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
        <EntityChooser filter="speaker" label="Speaker" choice={entities.speaker} />
        <EntityChooser filter="about" label="About" choice={entities.about} />
        <EntityChooser filter="outlet" label="Told to or through" choice={entities.outlet} />
        <CheckChips
          legend="Kind"
          name="kind"
          options={chipOptions(CLAIM_KINDS, (kind) => CLAIM_KIND_LABEL[kind], counts.kind)}
          checked={ticked.kind}
          onToggle={(kind) => toggle('kind', kind)}
        />
        <CheckChips
          legend="Modality"
          name="modality"
          options={chipOptions(MODALITIES, (modality) => MODALITY_LABEL[modality], counts.modality)}
          checked={ticked.modality}
          onToggle={(modality) => toggle('modality', modality)}
        />
        <CheckChips
          legend="Channel"
          name="channel"
          options={chipOptions(CHANNELS, (channel) => CHANNEL_LABEL[channel])}
          checked={ticked.channel}
          onToggle={(channel) => toggle('channel', channel)}
        />
        <CheckChips
          legend="Review"
          name="review"
          options={chipOptions(REVIEW_STATUSES, (status) => REVIEW_STATUS_LABEL[status])}
          checked={ticked.review}
          onToggle={(status) => toggle('review', status)}
        />
        <noscript>
          <button type="submit">Apply</button>
        </noscript>
      </form>
    </search>
  );
}
