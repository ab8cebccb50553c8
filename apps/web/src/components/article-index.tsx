import { ArticleFilterForm } from '~/components/article-filter-form';
import { ArticleList } from '~/components/article-list';
import { Pager } from '~/components/pager';
import type { ArticleSort } from '~/lib/article-sort';
import { formatCount, plural } from '~/lib/labels';
import {
  appendPagePosition,
  firstItemNumber,
  neighbourPages,
  type PagePosition,
  pageSizeLinks,
  totalLabel,
} from '~/lib/page-links';
import { getQueryClient, orNotFound, trpc } from '~/trpc/server';

/** Articles on one page of the list: each card is small, and a thousand would be a wall. */
export const ARTICLES_PER_PAGE = 50;

function articlesHref(q: string, sort: ArticleSort, position: PagePosition): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (sort !== 'added') params.set('sort', sort);
  appendPagePosition(params, position);
  const search = params.toString();
  return search ? `/articles?${search}` : '/articles';
}

/**
 * One page of the corpus's articles in the order asked for (by default, the order they were
 * added), with how many there are in all, a plain GET form that finds articles by the words of
 * their headline, dek or id and orders them, and plain previous/next links (the home page shows
 * the first page; `/articles` every page).
 */
export async function ArticleIndex({
  position,
  lede,
  q = '',
  sort = 'added',
}: {
  position: PagePosition;
  lede: string;
  /** Words the articles must hold (headline, dek or id); '' for every article. */
  q?: string;
  sort?: ArticleSort;
}) {
  const page = await orNotFound(
    getQueryClient().fetchQuery(
      trpc.article.list.queryOptions({
        cursor: position.cursor,
        limit: ARTICLES_PER_PAGE,
        sort,
        ...(q ? { text: q } : {}),
      }),
    ),
  );
  const first = firstItemNumber(position, ARTICLES_PER_PAGE);
  const last = first + page.items.length - 1;
  const pages = neighbourPages(position, page.nextCursor);
  return (
    <div className="page">
      <h1>Articles</h1>
      <p className="lede">{lede}</p>
      <ArticleFilterForm q={q} sort={sort} />
      <p className="muted" role="status" data-testid="article-count">
        {q
          ? `${totalLabel(page)} ${page.total === 1 && !page.totalIsLowerBound ? 'article matches' : 'articles match'} “${q}”`
          : plural(page.total, 'annotated article')}
        {page.items.length > 0 && page.items.length < page.total
          ? ` · showing ${formatCount(first)}–${formatCount(last)}`
          : ''}
      </p>
      {q && page.total === 0 ? (
        <p>
          No article’s headline, dek or id holds “{q}”.{' '}
          <a href={`/search?q=${encodeURIComponent(q)}`}>Search their text and claims</a>.
        </p>
      ) : (
        <ArticleList articles={page.items} />
      )}
      <Pager
        label="Pages of articles"
        {...pageSizeLinks(
          pages,
          (next) => articlesHref(q, sort, next),
          ARTICLES_PER_PAGE,
          // Past a count that stopped at the cap, the next page is a full one or the last.
          page.totalIsLowerBound ? ARTICLES_PER_PAGE : page.total - last,
        )}
      />
    </div>
  );
}
