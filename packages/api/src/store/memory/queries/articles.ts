import {
  type ArticleSummary,
  articleFilterText,
  type ListArticlesQuery,
} from '../../../contracts/articles.js';
import { paginate, paginateCapped } from '../../../views/pagination.js';
import { bylines, countsOf } from '../../../views/records.js';
import { fold } from '../../../views/terms.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';

export function listArticles(store: CorpusIndex, input: ListArticlesQuery) {
  const ref = entityRefs(store);
  const needle = input.text ? fold(input.text) : null;
  const ordered = store.documentsBy(input.sort ?? 'added');
  const documents = needle
    ? ordered.filter((doc) => fold(articleFilterText(doc.article)).includes(needle))
    : ordered;
  const summary = (doc: (typeof documents)[number]): ArticleSummary => {
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
  };
  // Filtered by text, counted only up to the cap, as every store does.
  if (needle)
    return paginateCapped(
      input,
      (upTo) => Math.min(documents.length, upTo),
      (limit, offset) => documents.slice(offset, offset + limit).map(summary),
    );
  return paginate(documents, input, summary);
}
