import {
  type ArticleSummary,
  articleFilterText,
  type ListArticlesQuery,
} from '../../../contracts/articles.js';
import { paginate } from '../../../views/pagination.js';
import { bylines, countsOf } from '../../../views/records.js';
import { fold } from '../../../views/terms.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';

export function listArticles(store: CorpusIndex, input: ListArticlesQuery) {
  const ref = entityRefs(store);
  const needle = input.text ? fold(input.text) : null;
  const documents = needle
    ? store.documents().filter((doc) => fold(articleFilterText(doc.article)).includes(needle))
    : store.documents();
  return paginate(documents, input, (doc): ArticleSummary => {
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
