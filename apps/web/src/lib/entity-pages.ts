/**
 * How much of each list the entity page shows. The first page is what `entity.get` returns by
 * default; "Show more" links add a page through the query string (`?claims=80`), so paging works
 * without JavaScript and a shared link shows what its sender saw.
 */

export type EntityList = 'mentions' | 'claims' | 'about' | 'relations';

/** Records a page adds to each list: `entity.get`'s defaults. */
export const ENTITY_PAGE_SIZE: Record<EntityList, number> = {
  mentions: 40,
  claims: 40,
  about: 40,
  relations: 20,
};

/** The most `entity.get` returns of one list (its MAX_DETAIL_LIMIT); beyond it, the list pages. */
export const ENTITY_SHOWN_MAX = 1000;

export type EntityShown = Record<EntityList, number>;

const LISTS = Object.keys(ENTITY_PAGE_SIZE) as EntityList[];

type SearchParams = Record<string, string | string[] | undefined>;

/** How many records of each list to show, read from the query string (a page when absent or unreadable). */
export function parseEntityShown(params: SearchParams): EntityShown {
  const shown = { ...ENTITY_PAGE_SIZE };
  for (const list of LISTS) {
    const raw = params[list];
    const value = Number(Array.isArray(raw) ? raw[0] : raw);
    if (Number.isInteger(value) && value > 0)
      shown[list] = Math.min(ENTITY_SHOWN_MAX, Math.max(ENTITY_PAGE_SIZE[list], value));
  }
  return shown;
}

/** The `entity.get` limits that return every record the page shows (claims made and about share one). */
export function entityLimits(shown: EntityShown) {
  return {
    mentionsLimit: shown.mentions,
    claimsLimit: Math.max(shown.claims, shown.about),
    relationsLimit: shown.relations,
  };
}

/** The id of the `index`th record (from 0) of a list on the page, for "Show more" to land on. */
export function entityRecordAnchor(list: EntityList, index: number): string {
  return `${list}-${index + 1}`;
}

/**
 * The link that shows one more page of `list`: the other lists keep what they show, and the
 * browser lands on `anchor`, by default the first new record, so the reader keeps their place.
 */
export function showMoreHref(
  shown: EntityShown,
  list: EntityList,
  anchor = entityRecordAnchor(list, shown[list]),
): string {
  const next = {
    ...shown,
    [list]: Math.min(ENTITY_SHOWN_MAX, shown[list] + ENTITY_PAGE_SIZE[list]),
  };
  const params = new URLSearchParams();
  for (const name of LISTS)
    if (next[name] !== ENTITY_PAGE_SIZE[name]) params.set(name, String(next[name]));
  return `?${params}#${anchor}`;
}

/** The ids of the records the page's "Show more" links land on, when they are the first new ones. */
export function arrivalAnchors(shown: EntityShown): string[] {
  return LISTS.map((list) => entityRecordAnchor(list, shown[list] - ENTITY_PAGE_SIZE[list]));
}
