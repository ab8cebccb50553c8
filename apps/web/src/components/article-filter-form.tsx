'use client';

import { ARTICLE_SORT_LABEL, type ArticleSort } from '~/lib/article-sort';
import { TEXT_FILTER_MAX } from '~/lib/search-params';

/**
 * The article list's words and order: a plain GET form (the server asks the API for one page),
 * sent as soon as another order is chosen; without script, "Find" sends both.
 */
export function ArticleFilterForm({ q, sort }: { q: string; sort: ArticleSort }) {
  return (
    <search aria-label="Find articles">
      <form
        className="filters"
        method="get"
        action="/articles"
        onChange={(event) => {
          if (event.target instanceof HTMLSelectElement) event.currentTarget.requestSubmit();
        }}
      >
        <label>
          Words in the headline, dek or id
          <input type="search" name="q" defaultValue={q} maxLength={TEXT_FILTER_MAX} />
        </label>
        <label>
          Order
          <select name="sort" defaultValue={sort}>
            {Object.entries(ARTICLE_SORT_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Find</button>
        {q ? (
          <a href={sort === 'added' ? '/articles' : `/articles?sort=${sort}`}>Every article</a>
        ) : null}
      </form>
    </search>
  );
}
