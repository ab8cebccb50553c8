'use client';

import type { EntityKind, Predicate } from '@claimscope/schema';
import { ENTITY_KIND_LABEL, predicateLabel } from '~/lib/labels';

/**
 * The graph's filters: a plain GET form (the server filters, so a view can be shared), sent as
 * soon as a box is ticked; without script, "Apply" sends it.
 */
export function GraphFilterForm({
  kinds,
  predicates,
  chosenKinds,
  chosenPredicates,
  q,
}: {
  kinds: { kind: EntityKind; count: number }[];
  predicates: { predicate: Predicate; count: number }[];
  chosenKinds: EntityKind[];
  chosenPredicates: Predicate[];
  q: string;
}) {
  return (
    <search aria-label="Filter relations">
      <form
        className="filters"
        method="get"
        action="/graph"
        onChange={(event) => {
          if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'checkbox')
            return;
          event.currentTarget.requestSubmit();
        }}
      >
        <fieldset>
          <legend>Entity kinds (none ticked: all)</legend>
          <div className="chip-row">
            {kinds.map(({ kind, count }) => (
              <label key={kind} className={`check kind--${kind}`}>
                <input
                  type="checkbox"
                  name="kind"
                  value={kind}
                  defaultChecked={chosenKinds.includes(kind)}
                />{' '}
                {ENTITY_KIND_LABEL[kind]} <span className="chip-count">{count}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Relations (none ticked: all)</legend>
          <div className="chip-row">
            {predicates.map(({ predicate, count }) => (
              <label key={predicate} className="check">
                <input
                  type="checkbox"
                  name="predicate"
                  value={predicate}
                  defaultChecked={chosenPredicates.includes(predicate)}
                />{' '}
                {predicateLabel(predicate)} <span className="chip-count">{count}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          Words in the table
          <input type="search" name="q" defaultValue={q} placeholder="Name, relation, evidence" />
        </label>
        <button type="submit">Apply</button>
        {chosenKinds.length || chosenPredicates.length || q ? <a href="/graph">Clear</a> : null}
      </form>
    </search>
  );
}
