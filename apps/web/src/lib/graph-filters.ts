import type { EntityKind, Predicate } from '@claimscope/schema';
import { foldText } from '@claimscope/schema/display';
import type { RelationView } from './graph-data';
import { ENTITY_KINDS, predicateLabel } from './labels';
import { appendPagePosition, type PagePosition, parsePagePosition } from './page-links';
import { idParam, paramValues, type SearchParamsRecord, textParam } from './search-params';

export const RELATION_SORTS = ['subject', 'relation', 'object'] as const;
export type RelationSort = (typeof RELATION_SORTS)[number];

/** What the graph shows: one article's relations, or those with one entity on either side. */
export type GraphScope = { article: string } | { entity: string };

/** The graph page's scope, filters, page and the table's order, as they appear in its URL. */
export interface GraphFilters extends PagePosition {
  /** The scope asked for in the URL; null when none is (the page then picks an article). */
  scope: GraphScope | null;
  /** Entity kinds to show; empty shows every kind. A relation shows when both ends do. */
  kinds: EntityKind[];
  /** Predicates to show; empty shows every predicate. */
  predicates: Predicate[];
  /** Words in the table's rows (names, relation, evidence). */
  q: string;
  sort: RelationSort;
  descending: boolean;
}

function parseScope(params: SearchParamsRecord): GraphScope | null {
  const id = (key: string) => idParam(params, key);
  const article = id('article');
  if (article) return { article };
  const entity = id('entity');
  return entity ? { entity } : null;
}

export function parseGraphFilters(
  params: SearchParamsRecord,
  predicates: readonly string[],
): GraphFilters {
  const sort = paramValues(params, 'sort')[0];
  return {
    scope: parseScope(params),
    ...parsePagePosition(params),
    kinds: ENTITY_KINDS.filter((k) => paramValues(params, 'kind').includes(k)),
    predicates: [...new Set(paramValues(params, 'predicate'))].filter((p): p is Predicate =>
      predicates.includes(p),
    ),
    q: textParam(params, 'q'),
    sort: (RELATION_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as RelationSort)
      : 'subject',
    descending: paramValues(params, 'dir')[0] === 'desc',
  };
}

export function graphFiltersToSearch(filters: Partial<GraphFilters>): string {
  const params = new URLSearchParams();
  if (filters.scope && 'article' in filters.scope) params.set('article', filters.scope.article);
  if (filters.scope && 'entity' in filters.scope) params.set('entity', filters.scope.entity);
  for (const kind of filters.kinds ?? []) params.append('kind', kind);
  for (const predicate of filters.predicates ?? []) params.append('predicate', predicate);
  if (filters.q) params.set('q', filters.q);
  if (filters.sort && filters.sort !== 'subject') params.set('sort', filters.sort);
  if (filters.descending) params.set('dir', 'desc');
  appendPagePosition(params, { cursor: filters.cursor ?? null, back: filters.back ?? [] });
  const search = params.toString();
  return search ? `?${search}` : '';
}

const shownKind = (filters: GraphFilters, kind: EntityKind) =>
  filters.kinds.length === 0 || filters.kinds.includes(kind);

/** The relations the graph draws: both ends of a shown kind, a shown predicate. */
export function graphRelations(
  relations: readonly RelationView[],
  filters: GraphFilters,
): RelationView[] {
  return relations.filter(
    (r) =>
      shownKind(filters, r.subject.kind) &&
      shownKind(filters, r.object.kind) &&
      (filters.predicates.length === 0 || filters.predicates.includes(r.predicate)),
  );
}

/** The table's rows: the graph's relations with the words asked for, in the order asked for. */
export function tableRelations(
  relations: readonly RelationView[],
  filters: GraphFilters,
): RelationView[] {
  const needle = foldText(filters.q);
  const text = (r: RelationView) =>
    foldText(
      [r.subject.name, predicateLabel(r.predicate), r.object.name, r.role ?? '']
        .concat(r.evidence.map((a) => a.quote.exact))
        .join(' '),
    );
  const key = (r: RelationView) =>
    filters.sort === 'relation'
      ? predicateLabel(r.predicate)
      : filters.sort === 'object'
        ? r.object.name
        : r.subject.name;
  const rows = graphRelations(relations, filters).filter(
    (r) => !needle || text(r).includes(needle),
  );
  const direction = filters.descending ? -1 : 1;
  return rows.sort(
    (a, b) =>
      direction * key(a).localeCompare(key(b)) ||
      a.subject.name.localeCompare(b.subject.name) ||
      a.id.localeCompare(b.id),
  );
}

/** How many relations each kind and predicate option would draw, the other filter kept. */
export function graphOptionCounts(relations: readonly RelationView[], filters: GraphFilters) {
  const kinds = new Map<EntityKind, number>();
  const predicates = new Map<Predicate, number>();
  for (const r of relations) {
    if (filters.predicates.length === 0 || filters.predicates.includes(r.predicate))
      for (const kind of new Set([r.subject.kind, r.object.kind]))
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (shownKind(filters, r.subject.kind) && shownKind(filters, r.object.kind))
      predicates.set(r.predicate, (predicates.get(r.predicate) ?? 0) + 1);
  }
  return { kinds, predicates };
}
