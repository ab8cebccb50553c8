import type { ArticleDocument } from '@claimscope/schema';
import MiniSearch, { type SearchResult } from 'minisearch';
import { normalizeTerm } from '../../views/terms.js';
import type { CorpusEntity, SearchableType, SearchMatch, SearchOptions } from '../claim-store.js';

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

/** Words of five letters or more may be misspelt by a fifth of their letters. */
const FUZZY = (term: string) => (term.length >= 5 ? 0.2 : false);

const TYPE_BOOST: Record<SearchableType, number> = { entity: 1.5, claim: 1, paragraph: 0.7 };

const typeBoost = (stored: Record<string, unknown> | undefined) =>
  TYPE_BOOST[stored?.type as SearchableType] ?? 1;

/**
 * The AND and OR searches stop reading buckets once they have this many matches: a query's cost
 * follows the matches it ranks, not the size of the corpus (a common word's matches are a sample
 * of the newest articles). Matches in fewer articles than a bucket holds are all ranked.
 */
const MAX_CANDIDATES = 200;
/** How many articles (in corpus order) each index of claims and paragraphs holds. */
const BUCKET_ARTICLES = 200;

type SearchOptionsOf = NonNullable<Parameters<MiniSearch['search']>[1]>;

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

/**
 * Builds full-text indexes over entities, claims and paragraphs, with prefix and fuzzy matching:
 * one for the entities, and one per BUCKET_ARTICLES articles for their claims and paragraphs,
 * searched newest first (scores are each index's BM25, close enough to compare across them).
 */
export function buildSearchIndex(
  documents: readonly ArticleDocument[],
  entities: readonly CorpusEntity[],
): SearchIndex {
  const newIndex = () =>
    new MiniSearch<SearchRecord>({
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
  const entityIndex = newIndex();
  entityIndex.addAll(entities.map(entityRecord));
  /** Claims and paragraphs, BUCKET_ARTICLES articles per index, newest first. */
  const buckets: MiniSearch<SearchRecord>[] = [];
  for (let end = documents.length; end > 0; end -= BUCKET_ARTICLES) {
    const bucket = newIndex();
    bucket.addAll(documents.slice(Math.max(0, end - BUCKET_ARTICLES), end).flatMap(recordsOf));
    buckets.push(bucket);
  }

  return {
    search(query, { types, limit }) {
      const filter = (result: SearchResult) => types.includes(result.type as SearchableType);
      const indexes = [
        ...(types.includes('entity') ? [entityIndex] : []),
        ...(types.some((t) => t !== 'entity') ? buckets : []),
      ];
      /** Results of each index in turn, until `enough` (all of them without it), best first. */
      const collect = (options: SearchOptionsOf, enough = Number.POSITIVE_INFINITY) => {
        const results: SearchResult[] = [];
        for (const index of indexes) {
          results.push(...index.search(query, { ...options, filter }));
          if (results.length >= enough) break;
        }
        return results.sort((a, b) => b.score - a.score);
      };
      // Every word must match when that finds anything; otherwise any word may; a misspelling
      // (fuzzy matching, the costly part on a large vocabulary) only when neither finds anything.
      let results = collect({ combineWith: 'AND' }, MAX_CANDIDATES);
      if (results.length === 0) results = collect({ combineWith: 'OR' }, MAX_CANDIDATES);
      if (results.length === 0) results = collect({ combineWith: 'OR', fuzzy: FUZZY });
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
