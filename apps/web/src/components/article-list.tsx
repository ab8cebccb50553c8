import type { RouterOutputs } from '@claimscope/client';
import { plural } from '~/lib/labels';

type ArticleSummary = RouterOutputs['article']['list']['items'][number];

export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  return (
    <ul className="card-list">
      {articles.map((a) => (
        <li key={a.id} className="card">
          <h2>
            <a href={`/articles/${a.id}`}>{a.headline}</a>
          </h2>
          {a.dek ? <p className="muted">{a.dek}</p> : null}
          <p className="meta">
            <span>{a.authors.map((x) => x.name).join(', ') || 'Author not stated'}</span>
            {a.publisher ? <span>{a.publisher.name}</span> : null}
            <span>{a.published.status === 'known' ? a.published.date : 'Date unknown'}</span>
            <span>
              {plural(a.counts.entities, 'entity', 'entities')} · {plural(a.counts.claims, 'claim')}{' '}
              · {plural(a.counts.relations, 'relation')}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
