import type { Block, Claim, Entity } from '@claimscope/schema';
import type pg from 'pg';
import type { SearchableType, SearchHit } from '../../contracts/search.js';
import type { EntityRef } from '../../contracts/shared.js';
import { claimHit, entityHit, paragraphHit, unresolvedRef } from '../../views/records.js';
import { matchedBy } from '../../views/snippet.js';
import { normalizeTerm, TOKEN_PATTERN } from '../../views/terms.js';
import type { ClaimReader } from '../claim-store.js';
import { SEARCH_CANDIDATES } from './migrations.js';
import {
  type Client,
  type OneStatement,
  paragraphNumberOf,
  type Row,
  type Within,
} from './rows.js';

/** ts_rank weights for D, C, B, A: summary, text, aliases, name (as the in-memory index boosts them). */
const RANK_WEIGHTS = '{0.2, 0.25, 0.75, 1.0}';
/** Each has its own partial GIN index (a literal type in the query lets the planner use it). */
const SEARCH_TYPES: readonly SearchableType[] = ['entity', 'claim', 'paragraph'];
/** What a hit needs besides its score: the record, a claim's speaker, a paragraph's headline. */
const HIT_COLUMNS = `top.*,
  CASE top.type
    WHEN 'entity' THEN (SELECT record FROM entities WHERE id = top.id)
    WHEN 'claim' THEN (SELECT record::jsonb FROM claims WHERE id = top.id)
    ELSE (SELECT record FROM blocks WHERE article_id = top.article_id AND id = top.id) END AS record,
  CASE WHEN top.type = 'claim' THEN (SELECT json_build_object('id', e.id, 'name', e.name, 'kind', e.kind)
    FROM claims c JOIN entities e ON e.id = c.speaker_id WHERE c.id = top.id) END AS speaker,
  CASE WHEN top.type = 'paragraph' THEN (SELECT summary->>'headline' FROM articles WHERE id = top.article_id) END AS headline`;

/**
 * Any word may match ($1), when no entry holds them all: the same ranking over the first
 * SEARCH_CANDIDATES matches of each type the GIN index gives.
 */
const SEARCH_ANY_SQL = `WITH q AS MATERIALIZED (SELECT to_tsquery('simple', $1) AS q),
candidates AS (${SEARCH_TYPES.map(
  (
    type,
  ) => `(SELECT s.type, s.id, s.article_id, ts_rank('${RANK_WEIGHTS}', s.tsv, q.q, 1) * s.boost AS score
    FROM search_entries s, q WHERE '${type}' = ANY($2) AND s.type = '${type}' AND s.tsv @@ q.q
    LIMIT ${SEARCH_CANDIDATES})`,
).join(' UNION ALL ')}),
top AS (SELECT * FROM candidates ORDER BY score DESC, type, id LIMIT $3)
SELECT ${HIT_COLUMNS} FROM top ORDER BY score DESC, type, id`;

/** Words of a search query, as the index folds them, safe inside a tsquery. */
function queryTerms(q: string): string[] {
  const terms = [...q.matchAll(TOKEN_PATTERN)]
    .map((m) => normalizeTerm(m[0])?.replace(/[^\p{L}\p{N}]+/gu, '') ?? '')
    .filter((t) => t.length >= 2);
  return [...new Set(terms)];
}

function tsquery(terms: string[], operator: '&' | '|'): string {
  return terms.map((t) => (t.length >= 3 ? `${t}:*` : t)).join(` ${operator} `);
}

/**
 * The lexemes a query word matches lie in [word, bound) in byte order: the word alone, or
 * (3+ letters) every lexeme it begins. UTF-8 keeps code point order, so the bound of a prefix is
 * the word with its last code point incremented.
 */
function lexemeBound(term: string): string {
  if (term.length < 3) return `${term}\u0001`;
  const last = [...term].at(-1) as string;
  return `${term.slice(0, -last.length)}${String.fromCodePoint((last.codePointAt(0) as number) + 1)}`;
}

/**
 * Search: every word, else any word (one snapshot), else a misspelt entity name; the first, usual
 * case is one statement (`oneStatement`), without a transaction.
 */
export function searchReads(
  within: Within,
  oneStatement: OneStatement,
): Pick<ClaimReader, 'search'> {
  return {
    search: async (query) => {
      const terms = queryTerms(query.q);
      if (terms.length === 0) return { query: query.q, hits: [] };
      type HitRow = {
        type: SearchableType;
        id: string;
        article_id: string;
        score: number;
        record: Row;
        speaker: EntityRef | null;
        headline: string | null;
      };
      // Named, so each connection parses and plans the call once.
      const all = (db: pg.Pool | Client) =>
        db.query<HitRow>({
          name: 'claimscope_search_all',
          text: 'SELECT * FROM search_all($1, $2, $3, $4, $5)',
          values: [terms, terms.map(lexemeBound), tsquery(terms, '&'), query.types, query.limit],
        });
      const any = (db: pg.Pool | Client) =>
        db.query<HitRow>({
          name: 'claimscope_search_any',
          text: SEARCH_ANY_SQL,
          values: [tsquery(terms, '|'), query.types, query.limit],
        });
      /** The paragraph numbers of the paragraph hits, by article and block id. */
      const paragraphNumbers = async (db: pg.Pool | Client, rows: HitRow[]) => {
        const hits = rows.filter((r) => r.type === 'paragraph');
        if (hits.length === 0) return new Map<string, number | null>();
        const numbered = await db.query(
          `SELECT b.article_id, b.id, ${paragraphNumberOf('b')} AS paragraph
             FROM blocks b JOIN unnest($1::text[], $2::text[]) AS t(article_id, id)
               ON b.article_id = t.article_id AND b.id = t.id`,
          [hits.map((h) => h.article_id), hits.map((h) => h.id)],
        );
        return new Map(
          numbered.rows.map((r) => [
            `${r.article_id}\u0000${r.id}`,
            (r.paragraph as number | null) ?? null,
          ]),
        );
      };
      const toHits = (
        rows: HitRow[],
        fuzzy: boolean,
        paragraphs = new Map<string, number | null>(),
      ) => {
        const matched = matchedBy(fuzzy ? terms.map((t) => t.slice(0, 3)) : terms);
        return rows.flatMap((m): SearchHit[] => {
          const base = { id: m.id, articleId: m.article_id, score: Number(m.score) };
          if (!m.record) return [];
          if (m.type === 'entity') return [entityHit(base, m.record as unknown as Entity, matched)];
          if (m.type === 'claim') {
            const claim = m.record as unknown as Claim;
            const speaker = m.speaker ?? unresolvedRef(claim.speakerId);
            return [claimHit(base, claim, speaker, matched)];
          }
          const block = m.record as unknown as Block;
          const paragraph = paragraphs.get(`${m.article_id}\u0000${m.id}`) ?? null;
          return [paragraphHit(base, block, paragraph, m.headline ?? '', matched)];
        });
      };
      // Every word must match when that finds anything (the usual case: one statement, no
      // transaction); otherwise any word may, then a misspelt entity name, in one snapshot.
      const every = (await oneStatement(all)).rows;
      if (every.length > 0)
        return {
          query: query.q,
          hits: toHits(every, false, await oneStatement((db) => paragraphNumbers(db, every))),
        };
      return within(async (client) => {
        if (terms.length > 1) {
          const some = (await any(client)).rows;
          if (some.length > 0)
            return {
              query: query.q,
              hits: toHits(some, false, await paragraphNumbers(client, some)),
            };
        }
        if (!query.types.includes('entity')) return { query: query.q, hits: [] };
        // A misspelt name: the closest entity names by trigram word similarity.
        const { rows } = await client.query(
          `SELECT 'entity' AS type, id, first_article_id AS article_id, word_similarity($1, names) AS score,
                  record, NULL AS speaker, NULL AS headline
             FROM entities WHERE $1 <% folded
            ORDER BY score DESC, word_similarity($1, folded) DESC, id LIMIT $2`,
          [terms.join(' '), query.limit],
        );
        return { query: query.q, hits: toHits(rows as HitRow[], true) };
      });
    },
  };
}
