import { ArticleList } from '~/components/article-list';
import { Pager, pageSizeLinks } from '~/components/pager';
import { formatCount, plural } from '~/lib/labels';
import {
  appendPagePosition,
  firstItemNumber,
  neighbourPages,
  type PagePosition,
} from '~/lib/page-links';
import { getQueryClient, orNotFound, trpc } from '~/trpc/server';

/** Articles on one page of the list: each card is small, and a thousand would be a wall. */
export const ARTICLES_PER_PAGE = 50;

function articlesHref(position: PagePosition): string {
  const params = new URLSearchParams();
  appendPagePosition(params, position);
  const search = params.toString();
  return search ? `/articles?${search}` : '/articles';
}

/**
 * One page of the corpus's articles, in the order they were added, with how many there are in all
 * and plain previous/next links (the home page shows the first page; `/articles` every page).
 */
export async function ArticleIndex({ position, lede }: { position: PagePosition; lede: string }) {
  const page = await orNotFound(
    getQueryClient().fetchQuery(
      trpc.article.list.queryOptions({ cursor: position.cursor, limit: ARTICLES_PER_PAGE }),
    ),
  );
  const first = firstItemNumber(position, ARTICLES_PER_PAGE);
  const last = first + page.items.length - 1;
  const pages = neighbourPages(position, page.nextCursor);
  return (
    <div className="page">
      <h1>Articles</h1>
      <p className="lede">{lede}</p>
      <p className="muted" role="status" data-testid="article-count">
        {plural(page.total, 'annotated article')}
        {page.items.length > 0 && page.items.length < page.total
          ? ` · showing ${formatCount(first)}–${formatCount(last)}`
          : ''}
      </p>
      <ArticleList articles={page.items} />
      <Pager
        label="Pages of articles"
        {...pageSizeLinks(pages, articlesHref, ARTICLES_PER_PAGE, page.total - last)}
      />
    </div>
  );
}
