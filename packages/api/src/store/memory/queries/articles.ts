import type { ArticleSummary, ListArticlesQuery } from '../../../contracts/articles.js';
import { paginate } from '../../../views/pagination.js';
import { bylines, countsOf } from '../../../views/records.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';

export function listArticles(store: CorpusIndex, input: ListArticlesQuery) {
  const ref = entityRefs(store);
  return paginate(store.documents(), input, (doc): ArticleSummary => {
    const { id, headline, dek, published, language, source } = doc.article;
    return {
      id,
      headline,
      dek,
      published,
      language,
      source,
      ...bylines(ref, doc.article),
      counts: countsOf(doc),
    };
  });
}
