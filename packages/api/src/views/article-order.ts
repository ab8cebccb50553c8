import type { ArticleDocument } from '@claimscope/schema';
import type { ArticleSort } from '../contracts/articles.js';
import { fold } from './terms.js';

type Key = string | number | null;

/**
 * What `article.list` orders by, for each sort but `added` (see `ARTICLE_SORTS`), as the
 * in-memory stores compare it; the SQL stores index the same keys. Text compares by code unit; a
 * null key (an unknown publication date) comes after every other in either direction; ties keep
 * the order articles were added.
 */
const ORDERS: Record<
  Exclude<ArticleSort, 'added'>,
  { key: (document: ArticleDocument, seq: number) => Key; descending: boolean }
> = {
  recent: { key: (_, seq) => seq, descending: true },
  newest: { key: (d) => publicationDate(d), descending: true },
  oldest: { key: (d) => publicationDate(d), descending: false },
  headline: { key: (d) => fold(d.article.headline), descending: false },
  claims: { key: (d) => d.claims.length, descending: true },
};

function publicationDate(document: ArticleDocument): string | null {
  const { published } = document.article;
  return published.status === 'known' ? published.date : null;
}

function compareKeys(a: Key, b: Key, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * (descending ? -1 : 1);
}

/** The documents (given in the order they were added) in the order `sort` asks for. */
export function sortArticles(
  documents: readonly ArticleDocument[],
  sort: ArticleSort,
): readonly ArticleDocument[] {
  if (sort === 'added') return documents;
  const { key, descending } = ORDERS[sort];
  return documents
    .map((document, seq) => ({ document, seq, key: key(document, seq) }))
    .sort((a, b) => compareKeys(a.key, b.key, descending) || a.seq - b.seq)
    .map((o) => o.document);
}
