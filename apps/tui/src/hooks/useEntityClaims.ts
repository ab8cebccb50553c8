import { useEffect, useRef } from 'react';
import {
  type ClaimItem,
  ENTITY_CLAIMS_MAX,
  ENTITY_CLAIMS_PAGE,
  type EntityDetail,
  requests,
} from '../api/queries.js';
import type { QueryState } from '../api/query-cache.js';
import { useQuery } from './useQuery.js';
import { useNav } from './useScreen.js';

/** One claim in an entity's list, and whether the entity said it or is what it is about. */
export interface EntityClaimRow {
  role: 'said' | 'about';
  claim: ClaimItem;
}

export interface ClaimsShown {
  said: number;
  about: number;
}

/**
 * Which list to grow when the selection sits on row `cursor` of the claims the entity makes
 * followed by those about it: the list whose last loaded row it is, if that list has more.
 * Either way the new rows come right after the selection, so it keeps its place.
 */
export function listToGrow(
  cursor: number,
  loaded: ClaimsShown,
  totals: ClaimsShown,
): keyof ClaimsShown | null {
  const can = (list: keyof ClaimsShown) =>
    loaded[list] < totals[list] && loaded[list] < ENTITY_CLAIMS_MAX;
  if (loaded.said > 0 && cursor === loaded.said - 1 && can('said')) return 'said';
  if (cursor >= loaded.said + loaded.about - 1 && can('about')) return 'about';
  return null;
}

/**
 * The claims an entity makes and those about it, a page at a time: the next page of a list loads
 * when the selection reaches its last row (not while a filter is typed: it filters what is
 * loaded). While a page loads, the rows loaded so far stay on screen. How much is loaded is part
 * of the screen's view, so coming back from a claim finds the same rows and the same selection.
 */
export function useEntityClaims(entityId: string) {
  const { view, dispatch } = useNav();
  const shown: ClaimsShown = {
    said: view.shown?.said ?? ENTITY_CLAIMS_PAGE,
    about: view.shown?.about ?? ENTITY_CLAIMS_PAGE,
  };
  const current = useQuery(requests.entity(entityId, Math.max(shown.said, shown.about)));
  const last = useRef<EntityDetail | null>(null);
  if (current.status === 'success') last.current = current.data;
  const stale = last.current?.entity.id === entityId ? last.current : null;
  const loadingMore = current.status === 'loading' && stale !== null;
  // A failed page shows the error (r retries it) rather than the rows before it.
  const detail =
    current.status === 'success' ? current.data : current.status === 'loading' ? stale : null;

  const said = detail?.claimsBySpeaker.slice(0, shown.said) ?? [];
  const about = detail?.claimsAbout.slice(0, shown.about) ?? [];
  const loaded = { said: said.length, about: about.length };
  const totals = {
    said: detail?.totals.claimsBySpeaker ?? 0,
    about: detail?.totals.claimsAbout ?? 0,
  };
  const grow =
    detail && !loadingMore && view.filter === '' ? listToGrow(view.cursor, loaded, totals) : null;
  const grown = grow ? Math.min(ENTITY_CLAIMS_MAX, shown[grow] + ENTITY_CLAIMS_PAGE) : 0;
  useEffect(() => {
    if (grow) dispatch({ type: 'showMore', list: grow, count: grown });
  }, [grow, grown, dispatch]);

  const more = loaded.said < totals.said || loaded.about < totals.about;
  const rows: QueryState<EntityClaimRow[]> = detail
    ? {
        status: 'success',
        data: [
          ...said.map((claim) => ({ role: 'said' as const, claim })),
          ...about.map((claim) => ({ role: 'about' as const, claim })),
        ],
      }
    : current.status === 'error'
      ? current
      : { status: 'loading' };
  return {
    rows,
    entity: detail?.entity ?? null,
    /** "40 of 96" while some of the entity's claims are not loaded yet. */
    count: more ? `${loaded.said + loaded.about} of ${totals.said + totals.about}` : undefined,
    more,
    loadingMore,
  };
}
