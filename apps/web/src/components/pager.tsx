import { formatCount } from '~/lib/labels';
import type { PagePosition } from '~/lib/page-links';

/** One end of a pager: where it goes and what it says ("← Previous 50", "Next 12 →"). */
export interface PagerLink {
  href: string;
  label: string;
}

/**
 * Previous and next links under a paged list: plain links (they work without script), marked
 * `rel` so assistive technology and browsers know the order. Nothing when the list fits one page.
 */
export function Pager({
  label,
  previous,
  next,
}: {
  /** Names the list for screen readers: "Pages of entities". */
  label: string;
  previous: PagerLink | null;
  next: PagerLink | null;
}) {
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label={label}>
      {previous ? (
        <a className="button" href={previous.href} rel="prev">
          {previous.label}
        </a>
      ) : null}
      {next ? (
        <a className="button" href={next.href} rel="next">
          {next.label}
        </a>
      ) : null}
    </nav>
  );
}

/**
 * The links of a list paged `pageSize` at a time: "← Previous 50" and "Next 12 →", where
 * `remaining` is how many items follow this page.
 */
export function pageSizeLinks(
  pages: { previous: PagePosition | null; next: PagePosition | null },
  href: (position: PagePosition) => string,
  pageSize: number,
  remaining: number,
): { previous: PagerLink | null; next: PagerLink | null } {
  return {
    previous: pages.previous && {
      href: href(pages.previous),
      label: `← Previous ${formatCount(pageSize)}`,
    },
    next: pages.next && {
      href: href(pages.next),
      label: `Next ${formatCount(Math.min(pageSize, remaining))} →`,
    },
  };
}
