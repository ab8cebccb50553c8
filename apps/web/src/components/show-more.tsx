import {
  ENTITY_SHOWN_MAX,
  type EntityList,
  type EntityShown,
  showMoreHref,
} from '~/lib/entity-pages';
import { formatCount, plural } from '~/lib/labels';

/**
 * Says how much of a list the page shows and links to the next page of it. A plain link with a
 * query parameter: it works before (and without) JavaScript, and lands on the first new record.
 * Past the most one answer may hold, it points to `elsewhere`, where the whole list pages.
 */
export function ShowMore({
  list,
  shown,
  total,
  noun,
  elsewhere,
  anchor,
}: {
  list: EntityList;
  shown: EntityShown;
  total: number;
  /** Singular noun: "claim". */
  noun: string;
  elsewhere?: { href: string; label: string };
  /** Where the link lands, when the records carry no `entityRecordAnchor` ids. */
  anchor?: string;
}) {
  const showing = Math.min(shown[list], total);
  if (showing >= total) return null;
  const more = total - showing;
  return (
    <p className="show-more small" data-list={list}>
      <span className="muted">
        {formatCount(showing)} of {plural(total, noun)} shown.
      </span>{' '}
      {showing < ENTITY_SHOWN_MAX ? (
        <a className="show-more__link" href={showMoreHref(shown, list, anchor)}>
          Show more {noun}s ({formatCount(more)} more)
        </a>
      ) : elsewhere ? (
        <a href={elsewhere.href}>{elsewhere.label}</a>
      ) : null}
    </p>
  );
}
