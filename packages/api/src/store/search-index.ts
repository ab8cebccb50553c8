import type { ArticleDocument } from '@claimscope/schema';
import MiniSearch, { type SearchResult } from 'minisearch';
import type { CorpusEntity, SearchableType, SearchMatch, SearchOptions } from './claim-store.js';

interface SearchRecord {
  key: string;
  type: SearchableType;
  id: string;
  articleId: string;
  name?: string;
  aliases?: string;
  text: string;
  summary?: string;
}

/** The tokens minisearch indexes: runs of characters between spaces and punctuation. */
export const TOKEN_PATTERN = /[^\n\r\p{Z}\p{P}]+/gu;

/** Lowercase, without diacritics ("Maqdisī" finds "Maqdisi"); one-letter tokens (a possessive "s") are dropped. */
export function normalizeTerm(term: string): string | null {
  const folded = term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return folded.length < 2 ? null : folded;
}

/** Words of five letters or more may be misspelt by a fifth of their letters. */
const FUZZY = (term: string) => (term.length >= 5 ? 0.2 : false);

const TYPE_BOOST: Record<SearchableType, number> = { entity: 1.5, claim: 1, paragraph: 0.7 };

const typeBoost = (stored: Record<string, unknown> | undefined) =>
  TYPE_BOOST[stored?.type as SearchableType] ?? 1;

/** How many records of the first query word an AND search scores at most. */
const MAX_CANDIDATES = 1000;

export interface SearchIndex {
  search(query: string, options: SearchOptions): SearchMatch[];
}

function entityRecord(entity: CorpusEntity): SearchRecord {
  return {
    key: `entity:${entity.id}`,
    type: 'entity',
    id: entity.id,
    articleId: entity.articleIds[0] ?? '',
    name: entity.name,
    aliases: entity.aliases.map((a) => a.name).join(' \n '),
    text: entity.description,
  };
}

function recordsOf(doc: ArticleDocument): SearchRecord[] {
  const articleId = doc.article.id;
  const records: SearchRecord[] = [];
  for (const claim of doc.claims) {
    records.push({
      key: `claim:${claim.id}`,
      type: 'claim',
      id: claim.id,
      articleId,
      text: claim.content.map((a) => a.quote.exact).join(' … '),
      summary: claim.statement,
    });
  }
  for (const block of doc.article.blocks) {
    if (block.kind !== 'paragraph') continue;
    records.push({
      key: `paragraph:${articleId}:${block.id}`,
      type: 'paragraph',
      id: block.id,
      articleId,
      text: block.text,
    });
  }
  return records;
}

/** Builds one full-text index over entities, claims and paragraphs, with prefix and fuzzy matching. */
export function buildSearchIndex(
  documents: readonly ArticleDocument[],
  entities: readonly CorpusEntity[],
): SearchIndex {
  const index = new MiniSearch<SearchRecord>({
    idField: 'key',
    fields: ['name', 'aliases', 'text', 'summary'],
    storeFields: ['type', 'id', 'articleId'],
    processTerm: normalizeTerm,
    searchOptions: {
      boost: { name: 4, aliases: 3, text: 1, summary: 0.8 },
      prefix: (term) => term.length >= 3,
      boostDocument: (_key, _term, stored) => typeBoost(stored),
    },
  });
  index.addAll([...entities.map(entityRecord), ...documents.flatMap(recordsOf)]);

  /**
   * The AND search, bounded: the first word's matches are taken in index order up to
   * MAX_CANDIDATES (of the requested types), and only those are scored for the whole query.
   * Returning 0 from `boostDocument` makes minisearch skip a record before it scores it, so a
   * common word no longer builds, scores and sorts a result for every record that holds it. When
   * the first word matches fewer records, the result is exactly the unbounded search's.
   */
  const boundedAnd = (query: string, types: readonly SearchableType[]) => {
    const first = [...query.matchAll(TOKEN_PATTERN)]
      .map((m) => normalizeTerm(m[0]))
      .find((t) => t !== null);
    if (!first) return [];
    const candidates = new Set<string>();
    index.search(first, {
      boostDocument: (key, _term, stored) => {
        if (!types.includes(stored?.type as SearchableType)) return 0;
        if (!candidates.has(key)) {
          if (candidates.size >= MAX_CANDIDATES) return 0;
          candidates.add(key);
        }
        return typeBoost(stored);
      },
    });
    return index.search(query, {
      combineWith: 'AND',
      boostDocument: (key, _term, stored) => (candidates.has(key) ? typeBoost(stored) : 0),
    });
  };

  return {
    search(query, { types, limit }) {
      const filter = (result: SearchResult) => types.includes(result.type as SearchableType);
      // Every word must match when that finds anything; otherwise any word may; a misspelling
      // (fuzzy matching, the costly part on a large vocabulary) only when neither finds anything.
      let results = boundedAnd(query, types);
      if (results.length === 0) results = index.search(query, { combineWith: 'OR', filter });
      if (results.length === 0)
        results = index.search(query, { combineWith: 'OR', filter, fuzzy: FUZZY });
      return results.slice(0, limit).map((result) => ({
        type: result.type as SearchableType,
        id: result.id as string,
        articleId: result.articleId as string,
        score: result.score,
        terms: result.terms,
      }));
    },
  };
}
