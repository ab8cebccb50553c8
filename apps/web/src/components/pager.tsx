import type { PagerLink } from '~/lib/page-links';

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
