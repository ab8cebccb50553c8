'use client';

import type { EntityKind, Predicate } from '@claimscope/schema';
import { type GraphScope, graphFiltersToSearch } from '~/lib/graph-filters';
import { predicateLabel } from '~/lib/labels';
import { CheckChips, entityKindChips } from './check-chips';

/**
 * The graph's filters: a plain GET form (the server filters, so a view can be shared), sent as
 * soon as a box is ticked; without script, "Apply" sends it. The scope (an article or an entity)
 * is kept; the page of the list is not, as the filters change the list.
 */
export function GraphFilterForm({
  scope,
  kinds,
  predicates,
  chosenKinds,
  chosenPredicates,
  q,
}: {
  /** Counts are left out where they would cost a pass over every relation of the scope. */
  kinds: { kind: EntityKind; count?: number }[];
  predicates: { predicate: Predicate; count?: number }[];
  chosenKinds: EntityKind[];
  chosenPredicates: Predicate[];
  q: string;
  /** The article or entity the graph shows. */
  scope: GraphScope;
}) {
  const scopeOnly = `/graph${graphFiltersToSearch({ scope })}`;
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
        {'article' in scope ? <input type="hidden" name="article" value={scope.article} /> : null}
        {'entity' in scope ? <input type="hidden" name="entity" value={scope.entity} /> : null}
        <CheckChips
          legend="Entity kinds (none ticked: all)"
          name="kind"
          options={entityKindChips(kinds)}
          checked={chosenKinds}
        />
        <CheckChips
          legend="Relations (none ticked: all)"
          name="predicate"
          options={predicates.map(({ predicate, count }) => ({
            value: predicate,
            label: predicateLabel(predicate),
            count,
          }))}
          checked={chosenPredicates}
        />
        <label>
          Words in the table
          <input type="search" name="q" defaultValue={q} placeholder="Name, relation, evidence" />
        </label>
        <button type="submit">Apply</button>
        {chosenKinds.length || chosenPredicates.length || q ? <a href={scopeOnly}>Clear</a> : null}
      </form>
    </search>
  );
}
