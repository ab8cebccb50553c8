import type { EntityKind, ReviewStatus } from '@claimscope/schema';
import { ENTITY_KINDS } from './labels';
import { appendPagePosition, type PagePosition, parsePagePosition } from './page-links';
import { REVIEW_STATUSES } from './review';
import { paramValues, type SearchParamsRecord, textParam } from './search-params';

export const ENTITY_SORTS = ['mentions', 'name'] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

/** The entity list's filters, order and page, as they appear in its URL (the API filters). */
export interface EntityFilters extends PagePosition {
  kinds: EntityKind[];
  /** Words in the name, an alias or the description. */
  q: string;
  review: ReviewStatus[];
  sort: EntitySort;
}

export function parseEntityFilters(params: SearchParamsRecord): EntityFilters {
  const sort = paramValues(params, 'sort')[0];
  return {
    kinds: ENTITY_KINDS.filter((k) => paramValues(params, 'kind').includes(k)),
    q: textParam(params, 'q'),
    review: REVIEW_STATUSES.filter((s) => paramValues(params, 'review').includes(s)),
    sort: sort === 'name' ? 'name' : 'mentions',
    ...parsePagePosition(params),
  };
}

export function entityFiltersToSearch(filters: Partial<EntityFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const kind of filters.kinds ?? []) params.append('kind', kind);
  for (const status of filters.review ?? []) params.append('review', status);
  if (filters.sort === 'name') params.set('sort', 'name');
  appendPagePosition(params, { cursor: filters.cursor ?? null, back: filters.back ?? [] });
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The `entity.list` input for these filters. */
export function entityListInput(filters: EntityFilters, limit: number) {
  return {
    limit,
    sort: filters.sort,
    ...(filters.kinds.length > 0 ? { kind: filters.kinds } : {}),
    ...(filters.q ? { text: filters.q } : {}),
    ...(filters.review.length > 0 ? { review: filters.review } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

export function hasEntityFilters(filters: EntityFilters): boolean {
  return Boolean(filters.q || filters.kinds.length || filters.review.length);
}
