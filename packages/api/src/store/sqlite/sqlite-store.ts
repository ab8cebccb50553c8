import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type ArticleDocument,
  type Block,
  type Claim,
  ClaimKindSchema,
  type ClaimLink,
  type Entity,
  type EntityKind,
  type Mention,
  ModalitySchema,
  type Relation,
} from '@claimscope/schema';
import type Database from 'better-sqlite3';
import { createFileAccountStore } from '../../accounts/file-account-store.js';
import {
  type ArticleSort,
  type ArticleSummary,
  articleFilterText,
} from '../../contracts/articles.js';
import type { ListClaimsQuery } from '../../contracts/claims.js';
import {
  DEFAULT_DETAIL_LIMITS,
  type EntityListItem,
  MAX_ARTICLE_IDS,
} from '../../contracts/entities.js';
import type { Page } from '../../contracts/pagination.js';
import type { SearchHit } from '../../contracts/search.js';
import type { ClaimView, EntityRef } from '../../contracts/shared.js';
import { createFileDraftStore } from '../../drafts/file-draft-store.js';
import { claimCountIsCapped, paginateCapped, paginateCounted } from '../../views/pagination.js';
import {
  articleDetail,
  articleSummary,
  bylineIds,
  bylines,
  claimDetail,
  claimHit,
  claimRecordRefIds,
  claimRefIds,
  claimText,
  claimView,
  entityDetail,
  entityHit,
  entityRecordCounts,
  entityRecordRefIds,
  mentionInContext,
  mergeEntity,
  newAliases,
  paragraphHit,
  type RefOf,
  relationRefIds,
  relationView,
  statsView,
  unresolvedRef,
} from '../../views/records.js';
import { matchedBy } from '../../views/snippet.js';
import { fold, searchText } from '../../views/terms.js';
import type {
  ClaimStore,
  CorpusEntity,
  ImportOptions,
  InArticle,
  SearchableType,
  StoredDocument,
} from '../claim-store.js';
import {
  DocumentConflictError,
  findConflicts,
  StaleVersionError,
  type UNIQUE_COLLECTIONS,
} from '../conflicts.js';
import { ARTICLES_DIR, holdsOnlyBuiltin, SQLITE_FILE } from '../data-folder.js';
import { contentDigest } from '../stored-version.js';
import { readJsonVersions } from './json-versions.js';
import { applySchema } from './schema.js';

/** The database file inside a data folder. */
export { SQLITE_FILE };

type Row = Record<string, unknown>;

const TYPE_BOOST: Record<SearchableType, number> = { entity: 1.5, claim: 1, paragraph: 0.7 };
/** How many matches of each type a search ranks at most: the newest, when more match. */
const SEARCH_CANDIDATES = 30;
/** How long a writer waits for another process's write transaction before giving up. */
const BUSY_TIMEOUT_MS = 30_000;
/** How often `onChange` listeners are told about imports made by other processes. */
const WATCH_INTERVAL_MS = 500;

export interface SqliteStoreOptions {
  /** The data folder: the database is `claimscope.sqlite` inside it; created when missing. */
  dataDir: string;
  /** The built-in corpus: stored on first start (and when it changes), served like imports. */
  builtin: readonly ArticleDocument[];
}

const firstOffset = (claim: Claim) => Math.min(...claim.content.map((a) => a.position.start));

/** The words of folded text as the full-text tables tokenize it: runs of letters and digits. */
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** Words of a search query, as the index folds them, letters and digits only (safe in FTS5). */
function queryTerms(q: string): string[] {
  const terms = searchText(q)
    .split(WORD_BREAK)
    .filter((t) => t.length >= 2);
  return [...new Set(terms)];
}

/** The distinct words of texts as stored in `search_terms`. */
const termsOf = (texts: string[]) =>
  new Set(texts.flatMap((text) => text.split(WORD_BREAK)).filter((t) => t.length >= 2));

/** The words a query word of 3+ letters begins lie in [word, bound) in code point order. */
function prefixBound(term: string): string {
  const last = [...term].at(-1) as string;
  return `${term.slice(0, -last.length)}${String.fromCodePoint((last.codePointAt(0) as number) + 1)}`;
}

/** More words than this beginning with a query word: FTS5's prefix query instead. */
const MAX_EXPANSION = 30;

const K1 = 1.2;
const B = 0.75;
/**
 * BM25's term-frequency part for one field: how often each query word (whole, or as a prefix for
 * 3+ letters) occurs, saturated and normalised by the field's length against a typical length.
 * Candidates all hold the query's words, so the words' rarity (IDF) would scale every candidate
 * alike and is left out.
 */
function fieldScore(text: string, averageWords: number, terms: string[], folded = false): number {
  if (!text) return 0;
  const words = (folded ? text : fold(text)).split(/[^\p{L}\p{N}]+/u);
  let score = 0;
  for (const term of terms) {
    let tf = 0;
    for (const word of words)
      if (word === term || (term.length >= 3 && word.startsWith(term))) tf += 1;
    if (tf > 0) score += (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * words.length) / averageWords));
  }
  return score;
}

/** Edit distance between two words, giving up (returning max + 1) beyond `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length] as number;
}

/** Overlapping three-letter pieces of a word, quoted for an FTS5 trigram query. */
const trigrams = (word: string) =>
  [...new Set(Array.from({ length: Math.max(0, word.length - 2) }, (_, i) => word.slice(i, i + 3)))]
    .filter((t) => !t.includes('"'))
    .map((t) => `"${t}"`);

/** article.list's orders, each read along its index (schema step 6; `seq` is unique). */
const PUBLISHED = "json_extract(summary, '$.published.date')";
const ARTICLE_ORDER_SQL: Record<ArticleSort, string> = {
  added: 'seq',
  recent: 'seq DESC',
  newest: `${PUBLISHED} IS NULL, ${PUBLISHED} DESC, seq`,
  oldest: `${PUBLISHED} IS NULL, ${PUBLISHED}, seq`,
  headline: 'headline_key, seq',
  claims: "json_extract(summary, '$.counts.claims') DESC, seq",
};

/**
 * A page of article.list in the order `sort`, of the articles `matching` keeps (a WHERE clause, ''
 * for all); its parameters, then LIMIT and OFFSET, to bind.
 */
export const articlePageSql = (sort: ArticleSort, matching = '') =>
  `SELECT summary FROM articles ${matching} ORDER BY ${ARTICLE_ORDER_SQL[sort]} LIMIT ? OFFSET ?`;

const json = <T>(text: unknown): T => JSON.parse(text as string) as T;

/** `?, ?, ?` for a list of values bound one by one. */
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The paragraph number of the block row `alias` as a reader counts it (only paragraphs count, from
 * 1), or NULL for a headline, credit, promo or footer: the same numbers as `paragraphNumbers`.
 */
const paragraphNumberOf = (alias: string) =>
  `CASE WHEN json_extract(${alias}.record, '$.kind') = 'paragraph' THEN (SELECT count(*) FROM blocks p
     WHERE p.article_id = ${alias}.article_id AND json_extract(p.record, '$.kind') = 'paragraph'
       AND json_extract(p.record, '$.index') <= json_extract(${alias}.record, '$.index')) END`;

/**
 * The store that needs nothing installed and nothing running, at any size: the built-in corpus
 * and imported documents in one SQLite database inside the data folder, with its indexes (full
 * text with FTS5 included) kept on disk, so a start opens the file instead of rebuilding them.
 *
 * - Each read runs in one read transaction (WAL mode: it sees one committed state, and never
 *   waits for a writer); better-sqlite3 is synchronous, so no other work interleaves with it.
 * - A batch of imports is one write transaction with a savepoint per document: after a crash
 *   (SIGKILL included) the database holds each document whole or not at all.
 * - Several processes can share a data folder: SQLite's locks order their writes, and each
 *   process notices another's commits through `PRAGMA data_version` (see `generation`).
 * - A data folder of the earlier embedded store (one JSON file per article version) is read into
 *   the database on first start; the JSON files stay where they are.
 */
/** The JavaScript the store's queries call: `claimscope_fold(text)`, the API's case and accent folding. */
function addFunctions(file: Database.Database): void {
  file.function('claimscope_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? fold(text) : '',
  );
}

export function openSqliteStore(options: SqliteStoreOptions): ClaimStore {
  const path = join(options.dataDir, SQLITE_FILE);
  // Loaded on open, not on import: a bundle that includes this module (the terminal UI) loads the
  // native addon only when it opens a data folder.
  const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  /** The database file, created when missing, brought to the newest schema. */
  const openFile = (): Database.Database => {
    mkdirSync(options.dataDir, { recursive: true });
    const file = new Sqlite(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      file.pragma('journal_mode = WAL');
      // FULL: a committed import survives a power cut, as the JSON files' fsync made sure.
      file.pragma('synchronous = FULL');
      file.pragma('cache_size = -32000');
      file.pragma('mmap_size = 268435456');
      addFunctions(file);
      applySchema(file);
      return file;
    } catch (error) {
      file.close();
      throw error;
    }
  };
  // A folder with nothing imported is not written to (a server started to show the built-in
  // corpus, a test, a read-only home): the corpus is served from a database in memory until the
  // first import makes the file, here or in another process (noticed on the next read).
  let inMemory = holdsOnlyBuiltin(options.dataDir);
  let db: Database.Database;
  if (inMemory) {
    db = new Sqlite(':memory:');
    addFunctions(db);
    applySchema(db);
  } else db = openFile();

  const statements = new Map<string, Database.Statement>();
  /** A prepared statement, kept for the life of the store (SQL text is the key). */
  const sql = (text: string): Database.Statement => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const all = (text: string, ...params: unknown[]) => sql(text).all(...params) as Row[];
  const get = (text: string, ...params: unknown[]) => sql(text).get(...params) as Row | undefined;
  const run = (text: string, ...params: unknown[]) => sql(text).run(...params);
  /**
   * PRAGMA data_version as a kept statement: `db.pragma()` and `db.exec()` prepare their SQL on
   * every call, and every read asks for the data version and begins and ends a transaction.
   */
  const readDataVersion = () => sql('PRAGMA data_version').pluck().get() as number;

  // ---------------------------------------------------------------- generation and changes
  const readGeneration = () =>
    String(get("SELECT value FROM meta WHERE key = 'generation'")?.value ?? '0');
  let generation = readGeneration();
  let dataVersion = readDataVersion();
  const listeners = new Set<() => void>();
  const setGeneration = (value: string) => {
    if (value === generation) return;
    generation = value;
    for (const listener of listeners) listener();
  };
  /** Reads the generation again when another connection has committed since the last look. */
  const refreshGeneration = () => {
    if (!db.open) return;
    const now = readDataVersion();
    if (now === dataVersion) return;
    dataVersion = now;
    setGeneration(readGeneration());
  };
  let watcher: NodeJS.Timeout | null = null;

  /**
   * Leaves the database in memory for the file: one another process made, or (`create`, the
   * first import here) a copy of the one in memory, written beside it and linked into place only
   * when whole, so two processes cannot both create it and a crash leaves no partial file.
   */
  const useFile = (create: boolean) => {
    if (create && !existsSync(path)) {
      mkdirSync(options.dataDir, { recursive: true });
      const temporary = join(options.dataDir, `.${SQLITE_FILE}.${process.pid}.${Date.now()}.tmp`);
      try {
        db.exec(`VACUUM INTO '${temporary.replaceAll("'", "''")}'`);
        const fd = openSync(temporary, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        linkSync(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        rmSync(temporary, { force: true });
      }
    }
    const memory = db;
    db = openFile();
    statements.clear();
    memory.close();
    inMemory = false;
    prepare();
    dataVersion = readDataVersion();
    setGeneration(readGeneration());
  };
  /** Switches to the file once another process has made it. */
  const followFile = () => {
    if (inMemory && existsSync(path)) useFile(false);
  };

  /** One read in its own read transaction: one consistent state, whatever commits meanwhile. */
  const reading = <T>(read: () => T): T => {
    followFile();
    refreshGeneration();
    sql('BEGIN').run();
    try {
      return read();
    } finally {
      sql('COMMIT').run();
    }
  };

  // ---------------------------------------------------------------- views
  const refResolver = (ids: Iterable<string>): RefOf => {
    const unique = [...new Set(ids)];
    const refs = new Map<string, EntityRef>();
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      for (const row of sql(
        `SELECT id, name, kind FROM entities WHERE id IN (${placeholders(chunk)})`,
      ).all(...chunk) as EntityRef[])
        refs.set(row.id, { id: row.id, name: row.name, kind: row.kind });
    }
    return (id) => refs.get(id) ?? unresolvedRef(id);
  };
  const claimViews = (claims: InArticle<Claim>[]): ClaimView[] => {
    const ref = refResolver(claims.flatMap(claimRefIds));
    return claims.map((claim) => claimView(ref, claim));
  };
  const claimsFrom = (rows: Row[]): InArticle<Claim>[] =>
    rows.map((r) => ({ ...json<Claim>(r.record), articleId: r.article_id as string }));
  const relationsFrom = (rows: Row[]): InArticle<Relation>[] =>
    rows.map((r) => ({ ...json<Relation>(r.record), articleId: r.article_id as string }));
  /** The claims with these ids (any order), 500 ids to a statement. */
  const claimsWithIds = (ids: string[]) => {
    const unique = [...new Set(ids)];
    const claims: InArticle<Claim>[] = [];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      claims.push(
        ...claimsFrom(
          sql(`SELECT record, article_id FROM claims WHERE id IN (${placeholders(chunk)})`).all(
            ...chunk,
          ) as Row[],
        ),
      );
    }
    return claims;
  };

  /** An entity with its first MAX_ARTICLE_IDS articles in corpus order, and the count of all. */
  const corpusEntity = (record: unknown, id: string) => ({
    ...json<Entity>(record),
    articleIds: all(
      `SELECT article_id FROM entity_records WHERE entity_id = ? ORDER BY article_seq LIMIT ${MAX_ARTICLE_IDS}`,
      id,
    ).map((r) => r.article_id as string),
    articleCount: Number(get('SELECT article_count FROM entities WHERE id = ?', id)?.article_count),
  });

  /** A page of `total` matches: `rows(limit, offset)` gives the rows of the page. */
  const pageOf = <T>(
    total: number,
    page: { cursor?: number | null; limit: number },
    rows: (limit: number, offset: number) => T[],
  ): Page<T> => {
    const offset = page.cursor ?? 0;
    const items = offset < total ? rows(page.limit, offset) : [];
    return paginateCounted(
      total,
      page,
      () => items,
      (item) => item,
    );
  };
  const tallyOf = (name: string, key = '') =>
    Number(get('SELECT n FROM tallies WHERE name = ? AND key = ?', name, key)?.n ?? 0);
  const talliesOf = (name: string) =>
    all('SELECT key, n FROM tallies WHERE name = ?', name) as { key: string; n: number }[];

  /**
   * The number of claims that match a list query filtered by one kind of filter at most (kind and
   * modality, channel, outlet or review status), read from the tallies imports keep; null when
   * the query has another filter.
   */
  const keptClaimCount = (query: ListClaimsQuery): number | null => {
    if (query.articleId || query.speakerId || query.aboutId || query.text) return null;
    const sum = (name: string, keys: readonly string[]) =>
      talliesOf(name).reduce((s, r) => s + (keys.includes(r.key) ? r.n : 0), 0);
    const facets = query.kind || query.modality;
    const used = [facets, query.channel, query.outletId, query.review].filter(Boolean).length;
    if (used > 1) return null;
    if (query.channel) return sum('claims.channel', query.channel);
    if (query.review) return sum('claims.review', query.review);
    if (query.outletId) return tallyOf('claims.outlet', query.outletId);
    const kinds = query.kind ?? ClaimKindSchema.options;
    const modalities = query.modality ?? ModalitySchema.options;
    return sum(
      'claims.facet',
      kinds.flatMap((k) => modalities.map((m) => `${k}\u0000${m}`)),
    );
  };
  const countOf = (from: string, filter: string, params: readonly unknown[]) =>
    Number(get(`SELECT count(*) AS n FROM ${from} ${filter}`, ...params)?.n ?? 0);

  const documentAt = (id: string, version?: number): ArticleDocument | null => {
    const row =
      version === undefined
        ? get(
            'SELECT v.document FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = ?',
            id,
          )
        : get(
            'SELECT document FROM article_versions WHERE article_id = ? AND version = ?',
            id,
            version,
          );
    return row ? json<ArticleDocument>(row.document) : null;
  };

  /** `IN (...)` over a filter's values, with its parameters. */
  const inList = (column: string, values: readonly string[], params: unknown[]) => {
    params.push(...values);
    return `${column} IN (${placeholders(values)})`;
  };

  // ---------------------------------------------------------------- search
  type Candidate = { type: SearchableType; seq: number; score: number };
  /**
   * The newest SEARCH_CANDIDATES matches of one type, scored here. FTS5's own bm25() counts, for
   * every query, the rows of the whole table that hold each word (its IDF): 3-50 ms for a common
   * word at 10,000 articles, against 0.1-0.5 ms for the newest matches alone. The candidates are
   * scored in JavaScript instead (see `fieldScore`), so a search costs what it ranks.
   */
  /**
   * One query word as an FTS5 expression over one table: the word itself (under 3 letters), the
   * words it begins, or a prefix query when there are many; null when the table has none.
   */
  const expand = (type: SearchableType, term: string): string | null => {
    if (term.length < 3)
      return get('SELECT 1 AS found FROM search_terms WHERE type = ? AND term = ?', type, term)
        ? `"${term}"`
        : null;
    const words = all(
      `SELECT term FROM search_terms WHERE type = ? AND term >= ? AND term < ? LIMIT ${MAX_EXPANSION + 1}`,
      type,
      term,
      prefixBound(term),
    ).map((r) => r.term as string);
    if (words.length === 0) return null;
    if (words.length > MAX_EXPANSION) return `"${term}"*`;
    return words.length === 1 ? `"${words[0]}"` : `(${words.map((w) => `"${w}"`).join(' OR ')})`;
  };
  /** The FTS5 query of `terms` over one table, all of them or any; null when nothing can match. */
  const ftsQuery = (type: SearchableType, terms: string[], operator: 'AND' | 'OR') => {
    const parts = terms.map((term) => expand(type, term));
    const present = parts.filter((p): p is string => p !== null);
    if (present.length === 0 || (operator === 'AND' && present.length < parts.length)) return null;
    return present.join(` ${operator} `);
  };

  const candidatesOf = (
    type: SearchableType,
    query: string | null,
    terms: string[],
  ): Candidate[] => {
    if (query === null) return [];
    const table = `search_${type}`;
    const seqs = (
      all(
        `SELECT rowid AS seq FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}`,
        query,
      ) as { seq: number }[]
    ).map((r) => r.seq);
    if (seqs.length === 0) return [];
    const list = placeholders(seqs);
    const score = (
      fields: [text: string, weight: number, averageWords: number][],
      folded = false,
    ) =>
      fields.reduce(
        (sum, [text, weight, average]) => sum + weight * fieldScore(text, average, terms, folded),
        0,
      ) * TYPE_BOOST[type];
    if (type === 'entity')
      return (
        sql(
          `SELECT seq, name, json_extract(record, '$.description') AS description,
                    (SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(record, '$.aliases')) AS aliases
               FROM entities WHERE seq IN (${list})`,
        ).all(...seqs) as {
          seq: number;
          name: string;
          description: string;
          aliases: string | null;
        }[]
      ).map((r) => ({
        type,
        seq: r.seq,
        score: score([
          [r.name, 4, 3],
          [r.aliases ?? '', 3, 6],
          [r.description, 1, 30],
        ]),
      }));
    if (type === 'claim')
      return (
        sql(`SELECT seq, folded FROM claims WHERE seq IN (${list})`).all(...seqs) as {
          seq: number;
          folded: string;
        }[]
      ).map((r) => {
        // folded is the claim's words, a newline, then its statement.
        const cut = r.folded.lastIndexOf('\n');
        return {
          type,
          seq: r.seq,
          score: score(
            [
              [r.folded.slice(0, cut), 1, 40],
              [r.folded.slice(cut + 1), 0.8, 20],
            ],
            true,
          ),
        };
      });
    return (
      sql(
        `SELECT seq, json_extract(record, '$.text') AS text FROM blocks WHERE seq IN (${list})`,
      ).all(...seqs) as { seq: number; text: string }[]
    ).map((r) => ({ type, seq: r.seq, score: score([[r.text, 1, 80]]) }));
  };

  const hitsOf = (candidates: Candidate[], limit: number, matched: (w: string) => boolean) => {
    const top = candidates
      .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || b.seq - a.seq)
      .slice(0, limit);
    // The claims' records first, so their speakers are named in one query.
    const claimRows = new Map<number, Row>();
    for (const c of top)
      if (c.type === 'claim') {
        const row = get('SELECT record, article_id FROM claims WHERE seq = ?', c.seq);
        if (row) claimRows.set(c.seq, { ...row, claim: json<Claim>(row.record) });
      }
    const speakerOf = refResolver(
      [...claimRows.values()].map((row) => (row.claim as Claim).speakerId),
    );
    return top.flatMap((c): SearchHit[] => {
      if (c.type === 'entity') {
        const row = get('SELECT record, first_article_id FROM entities WHERE seq = ?', c.seq);
        if (!row) return [];
        const entity = json<Entity>(row.record);
        const base = { id: entity.id, articleId: row.first_article_id as string, score: c.score };
        return [entityHit(base, entity, matched)];
      }
      if (c.type === 'claim') {
        const row = claimRows.get(c.seq);
        if (!row) return [];
        const claim = row.claim as Claim;
        const base = { id: claim.id, articleId: row.article_id as string, score: c.score };
        const speaker = speakerOf(claim.speakerId);
        return [claimHit(base, claim, speaker, matched)];
      }
      const row = get(
        `SELECT b.record, b.article_id, json_extract(a.summary, '$.headline') AS headline,
                ${paragraphNumberOf('b')} AS paragraph
           FROM blocks b JOIN articles a ON a.id = b.article_id WHERE b.seq = ?`,
        c.seq,
      );
      if (!row) return [];
      const block = json<Block>(row.record);
      const base = { id: block.id, articleId: row.article_id as string, score: c.score };
      const paragraph = (row.paragraph as number | null) ?? null;
      return [paragraphHit(base, block, paragraph, (row.headline as string | null) ?? '', matched)];
    });
  };

  /** Entities whose name or an alias has a word within a fifth of its letters of a query word. */
  const misspeltEntities = (terms: string[], limit: number): SearchHit[] => {
    const grams = [...new Set(terms.filter((t) => t.length >= 5).flatMap(trigrams))];
    if (grams.length === 0) return [];
    const rows = all(
      `SELECT rowid AS seq FROM entity_trigrams WHERE entity_trigrams MATCH ? ORDER BY rank LIMIT 200`,
      grams.join(' OR '),
    ) as { seq: number }[];
    const scored: { seq: number; score: number; words: string[] }[] = [];
    for (const { seq } of rows) {
      const row = get('SELECT record FROM entities WHERE seq = ?', seq);
      if (!row) continue;
      const entity = json<Entity>(row.record);
      const words = [entity.name, ...entity.aliases.map((a) => a.name)].flatMap((n) =>
        searchText(n).split(' '),
      );
      let score = 0;
      const matchedWords: string[] = [];
      for (const term of terms) {
        const max = Math.round(term.length * 0.2);
        let best = max + 1;
        let bestWord = '';
        for (const word of words) {
          const distance = editDistance(term, word, max);
          if (distance < best) [best, bestWord] = [distance, word];
        }
        if (best <= max) {
          score += 1 - best / (term.length + 1);
          matchedWords.push(bestWord);
        }
      }
      if (score > 0) scored.push({ seq, score, words: matchedWords });
    }
    scored.sort((a, b) => b.score - a.score || a.seq - b.seq);
    return scored.slice(0, limit).flatMap(({ seq, score, words }) => {
      const matched = new Set(words);
      return hitsOf([{ type: 'entity', seq, score }], 1, (w) => matched.has(w));
    });
  };

  // ---------------------------------------------------------------- imports
  const addTally = (name: string, key: string, n: number) => {
    if (n === 0) return;
    run(
      'INSERT INTO tallies (name, key, n) VALUES (?, ?, ?) ON CONFLICT (name, key) DO UPDATE SET n = n + excluded.n',
      name,
      key,
      n,
    );
  };
  /** Adds (sign 1) or takes away (sign -1) what one document contributes to the kept counts. */
  const countDocument = (doc: ArticleDocument, sign: 1 | -1) => {
    addTally('articles', '', sign);
    addTally('mentions', '', sign * doc.mentions.length);
    for (const claim of doc.claims) {
      addTally('claims.kind', claim.kind, sign);
      addTally('claims.modality', claim.modality, sign);
      addTally('claims.facet', `${claim.kind}\u0000${claim.modality}`, sign);
      addTally('claims.channel', claim.channel.kind, sign);
      addTally('claims.review', claim.provenance.review.status, sign);
      if (claim.channel.outletId) addTally('claims.outlet', claim.channel.outletId, sign);
    }
    for (const relation of doc.relations) addTally('relations.predicate', relation.predicate, sign);
    const speakers = new Map(doc.claims.map((c) => [c.id, c.speakerId]));
    for (const link of doc.claimLinks) {
      addTally('claim_links.kind', link.kind, sign);
      const same = (speakers.get(link.fromId) ?? '') === (speakers.get(link.toId) ?? '');
      addTally('claim_links.same_speaker', `${link.kind}\u0000${same ? 1 : 0}`, sign);
    }
  };

  /** Removes every row of the current version of an article (not its versions). */
  const deleteRows = (articleId: string, doc: ArticleDocument) => {
    for (const row of all('SELECT seq, reading_key FROM claims WHERE article_id = ?', articleId)) {
      run('DELETE FROM search_claim WHERE rowid = ?', row.seq);
      run('DELETE FROM claim_trigrams WHERE rowid = ?', row.reading_key);
    }
    for (const row of all('SELECT seq FROM blocks WHERE article_id = ?', articleId))
      run('DELETE FROM search_paragraph WHERE rowid = ?', row.seq);
    for (const table of [
      'blocks',
      'entity_records',
      'mentions',
      'claims',
      'claim_about',
      'claim_links',
      'relations',
    ])
      run(`DELETE FROM ${table} WHERE article_id = ?`, articleId);
    countDocument(doc, -1);
  };

  const addTerms = (type: SearchableType, texts: string[]) => {
    for (const term of termsOf(texts))
      run('INSERT OR IGNORE INTO search_terms (type, term) VALUES (?, ?)', type, term);
  };

  /** Writes the entity's corpus row and its search entries; null removes them. */
  const writeEntity = (
    id: string,
    merged: CorpusEntity | null,
    counts: { articles: number; mentions: number; claims: number; about: number },
  ) => {
    const existing = get('SELECT seq, kind FROM entities WHERE id = ?', id);
    if (existing) {
      run('DELETE FROM search_entity WHERE rowid = ?', existing.seq);
      run('DELETE FROM entity_trigrams WHERE rowid = ?', existing.seq);
      run('DELETE FROM entities WHERE seq = ?', existing.seq);
      addTally('entities.kind', existing.kind as string, -1);
    }
    if (!merged) return;
    const { articleIds, ...record } = merged;
    const names = [record.name, ...record.aliases.map((a) => a.name)];
    const info = run(
      `INSERT INTO entities (seq, id, kind, name, name_key, first_article_id, folded, record, article_count, mention_count, claim_count, about_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      existing?.seq ?? null,
      id,
      record.kind,
      record.name,
      fold(record.name),
      articleIds[0] ?? '',
      fold([record.name, record.description, ...record.aliases.map((a) => a.name)].join('\n')),
      JSON.stringify(record),
      counts.articles,
      counts.mentions,
      counts.claims,
      counts.about,
    );
    const seq = Number(info.lastInsertRowid);
    const entityTexts = [
      searchText(record.name),
      searchText(record.aliases.map((a) => a.name).join(' ')),
      searchText(record.description),
    ];
    run(
      'INSERT INTO search_entity (rowid, name, aliases, description) VALUES (?, ?, ?, ?)',
      seq,
      ...entityTexts,
    );
    addTerms('entity', entityTexts);
    run(
      'INSERT INTO entity_trigrams (rowid, names) VALUES (?, ?)',
      seq,
      names.map(searchText).join(' | '),
    );
    addTally('entities.kind', record.kind, 1);
  };

  /** Recomputes the corpus rows of entity ids from their records and counts. */
  const refreshEntities = (ids: Iterable<string>) => {
    for (const id of new Set(ids)) {
      const records = all(
        'SELECT article_id, record FROM entity_records WHERE entity_id = ? ORDER BY article_seq',
        id,
      ).map((r) => ({ article_id: r.article_id as string, record: json<Entity>(r.record) }));
      writeEntity(id, mergeEntity(records), {
        articles: records.length,
        mentions: Number(get('SELECT count(*) AS n FROM mentions WHERE entity_id = ?', id)?.n),
        claims: Number(get('SELECT count(*) AS n FROM claims WHERE speaker_id = ?', id)?.n),
        about: Number(get('SELECT count(*) AS n FROM claim_about WHERE entity_id = ?', id)?.n),
      });
    }
  };

  /**
   * A new article's entities: it comes last in corpus order, so each merges onto the existing row
   * (new aliases appended, its own records added to the counts). The cost follows the document,
   * not the corpus.
   */
  const appendEntities = (doc: ArticleDocument) => {
    const own = entityRecordCounts(doc);
    for (const entity of doc.entities) {
      const counts = {
        articles: 1,
        ...(own.get(entity.id) ?? { mentions: 0, claims: 0, about: 0 }),
      };
      const row = get(
        'SELECT record, first_article_id, article_count, mention_count, claim_count, about_count FROM entities WHERE id = ?',
        entity.id,
      );
      if (!row) {
        writeEntity(entity.id, { ...entity, articleIds: [doc.article.id] }, counts);
        continue;
      }
      const kept = json<Entity>(row.record);
      const added = newAliases(kept, entity);
      const total = {
        articles: Number(row.article_count) + 1,
        mentions: Number(row.mention_count) + counts.mentions,
        claims: Number(row.claim_count) + counts.claims,
        about: Number(row.about_count) + counts.about,
      };
      if (added.length > 0)
        writeEntity(
          entity.id,
          {
            ...kept,
            aliases: [...kept.aliases, ...added],
            articleIds: [row.first_article_id as string],
          },
          total,
        );
      else
        run(
          'UPDATE entities SET article_count = ?, mention_count = ?, claim_count = ?, about_count = ? WHERE id = ?',
          total.articles,
          total.mentions,
          total.claims,
          total.about,
          entity.id,
        );
    }
  };

  /** Writes the rows of the current version of an article. */
  const writeRows = (doc: ArticleDocument, articleSeq: number) => {
    const articleId = doc.article.id;
    const paragraphTexts: string[] = [];
    const claimTexts: string[] = [];
    for (const block of doc.article.blocks) {
      const info = run(
        'INSERT INTO blocks (article_id, id, record) VALUES (?, ?, ?)',
        articleId,
        block.id,
        JSON.stringify(block),
      );
      if (block.kind === 'paragraph') {
        const text = searchText(block.text);
        run('INSERT INTO search_paragraph (rowid, text) VALUES (?, ?)', info.lastInsertRowid, text);
        paragraphTexts.push(text);
      }
    }
    for (const entity of doc.entities)
      run(
        'INSERT INTO entity_records (entity_id, article_seq, article_id, kind, record) VALUES (?, ?, ?, ?, ?)',
        entity.id,
        articleSeq,
        articleId,
        entity.kind,
        JSON.stringify(entity),
      );
    doc.mentions.forEach((m, ord) => {
      run(
        'INSERT INTO mentions (id, article_id, article_seq, ord, entity_id, start, block_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        m.id,
        articleId,
        articleSeq,
        ord,
        m.entityId,
        m.anchor.position.start,
        m.anchor.blockId,
        JSON.stringify(m),
      );
    });
    // Each claim's place in reading order (see `reading_key` in the schema).
    const readingRank = new Map(
      doc.claims
        .map((claim, ord) => ({ ord, offset: firstOffset(claim) }))
        .sort((a, b) => a.offset - b.offset || a.ord - b.ord)
        .map(({ ord }, rank) => [ord, rank]),
    );
    doc.claims.forEach((claim, ord) => {
      const offset = firstOffset(claim);
      const readingKey = articleSeq * 2 ** 20 + (readingRank.get(ord) as number);
      const folded = fold(`${claimText(claim)}\n${claim.statement}`);
      const info = run(
        `INSERT INTO claims (id, article_id, article_seq, ord, first_offset, speaker_id, kind, modality, parent_id, continues_id, folded, record, reading_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        claim.id,
        articleId,
        articleSeq,
        ord,
        offset,
        claim.speakerId,
        claim.kind,
        claim.modality,
        claim.parentId ?? null,
        claim.continuesId ?? null,
        folded,
        JSON.stringify(claim),
        readingKey,
      );
      for (const entityId of new Set(claim.aboutIds))
        run(
          'INSERT INTO claim_about (entity_id, article_seq, first_offset, ord, claim_seq, article_id) VALUES (?, ?, ?, ?, ?, ?)',
          entityId,
          articleSeq,
          offset,
          ord,
          info.lastInsertRowid,
          articleId,
        );
      run('INSERT INTO claim_trigrams (rowid, folded) VALUES (?, ?)', readingKey, folded);
      const words = searchText(claimText(claim));
      const statement = searchText(claim.statement);
      run(
        'INSERT INTO search_claim (rowid, words, statement) VALUES (?, ?, ?)',
        info.lastInsertRowid,
        words,
        statement,
      );
      claimTexts.push(words, statement);
    });
    addTerms('claim', claimTexts);
    addTerms('paragraph', paragraphTexts);
    const speakers = new Map(doc.claims.map((c) => [c.id, c.speakerId]));
    doc.claimLinks.forEach((link, ord) => {
      run(
        `INSERT INTO claim_links (id, article_id, article_seq, ord, kind, from_id, to_id,
           from_speaker_id, to_speaker_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        link.id,
        articleId,
        articleSeq,
        ord,
        link.kind,
        link.fromId,
        link.toId,
        speakers.get(link.fromId) ?? '',
        speakers.get(link.toId) ?? '',
        JSON.stringify(link),
      );
    });
    doc.relations.forEach((relation, ord) => {
      run(
        'INSERT INTO relations (id, article_id, article_seq, ord, subject_id, object_id, predicate, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        relation.id,
        articleId,
        articleSeq,
        ord,
        relation.subjectId,
        relation.objectId,
        relation.predicate,
        JSON.stringify(relation),
      );
    });
    countDocument(doc, 1);
  };

  const TABLE_OF: Record<(typeof UNIQUE_COLLECTIONS)[number], string> = {
    mentions: 'mentions',
    claims: 'claims',
    claimLinks: 'claim_links',
    relations: 'relations',
  };

  /**
   * One document inside the caller's write transaction: its version and rows, or a
   * DocumentConflictError before anything is written. `importedAt` null marks the built-in corpus.
   */
  const storeDocument = (
    document: ArticleDocument,
    importedAt: string | null,
    version?: number,
    { expectedVersion }: ImportOptions = {},
  ): StoredDocument & { changed: boolean } => {
    const articleId = document.article.id;
    const contentSha256 = contentDigest(document);
    const current = get(
      `SELECT a.seq, a.current_version, v.content_sha256, v.document FROM articles a
         JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = ?`,
      articleId,
    );
    const currentVersion = current ? Number(current.current_version) : null;
    if (expectedVersion !== undefined && currentVersion !== expectedVersion)
      throw new StaleVersionError(articleId, expectedVersion, currentVersion);
    if (current?.content_sha256 === contentSha256 && version === undefined)
      return {
        articleId,
        status: 'unchanged',
        version: Number(current.current_version),
        changed: false,
      };

    const issues = findConflicts(document, {
      ownerOf: (collection, id) => {
        const row = get(`SELECT article_id FROM ${TABLE_OF[collection]} WHERE id = ?`, id);
        return row ? (row.article_id as string) : undefined;
      },
      kindOf: (entityId, except) => {
        const row = get(
          'SELECT kind, article_id FROM entity_records WHERE entity_id = ? AND article_id <> ? ORDER BY article_seq LIMIT 1',
          entityId,
          except,
        );
        return row
          ? { kind: row.kind as EntityKind, articleId: row.article_id as string }
          : undefined;
      },
    });
    if (issues.length > 0) throw new DocumentConflictError(articleId, issues);

    const latest = Number(
      get('SELECT max(version) AS v FROM article_versions WHERE article_id = ?', articleId)?.v ?? 0,
    );
    const newVersion = version ?? latest + 1;
    const summary = JSON.stringify(articleSummary(document));
    run(
      'INSERT INTO article_versions (article_id, version, content_sha256, text_sha256, imported_at, document) VALUES (?, ?, ?, ?, ?, ?)',
      articleId,
      newVersion,
      contentSha256,
      document.article.textSha256,
      importedAt,
      JSON.stringify(document),
    );
    // A migrated earlier version only joins the history.
    if (current && newVersion < Number(current.current_version))
      return { articleId, status: 'updated', version: newVersion, changed: false };

    let articleSeq: number;
    let previousEntities: string[] = [];
    if (current) {
      articleSeq = Number(current.seq);
      const previous = json<ArticleDocument>(current.document);
      previousEntities = previous.entities.map((e) => e.id);
      deleteRows(articleId, previous);
      run(
        'UPDATE articles SET current_version = ?, summary = ?, folded = ?, headline_key = ? WHERE seq = ?',
        newVersion,
        summary,
        fold(articleFilterText(document.article)),
        fold(document.article.headline),
        articleSeq,
      );
    } else {
      articleSeq = Number(
        run(
          'INSERT INTO articles (id, current_version, summary, folded, headline_key) VALUES (?, ?, ?, ?, ?)',
          articleId,
          newVersion,
          summary,
          fold(articleFilterText(document.article)),
          fold(document.article.headline),
        ).lastInsertRowid,
      );
    }
    writeRows(document, articleSeq);
    if (current) refreshEntities([...previousEntities, ...document.entities.map((e) => e.id)]);
    else appendEntities(document);
    return {
      articleId,
      status: current ? 'updated' : 'created',
      version: newVersion,
      changed: true,
    };
  };

  /** Bumps the generation inside the write transaction that changed what queries return. */
  const bumpGeneration = () => {
    run("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'");
  };

  /** A write transaction that takes the write lock at once (no upgrade deadlock between processes). */
  const writing = <T>(write: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = write();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    } finally {
      // Own commits do not change data_version: read the generation itself.
      dataVersion = readDataVersion();
      setGeneration(readGeneration());
    }
  };

  const importBatch = (
    documents: readonly ArticleDocument[],
    options?: ImportOptions,
  ): (StoredDocument | DocumentConflictError)[] => {
    if (documents.length === 0) return [];
    if (inMemory) useFile(true);
    const importedAt = new Date().toISOString();
    return writing(() => {
      let changed = false;
      const results = documents.map((document) => {
        db.exec('SAVEPOINT document');
        try {
          const { changed: wrote, ...stored } = storeDocument(
            document,
            importedAt,
            undefined,
            options,
          );
          db.exec('RELEASE document');
          changed ||= wrote;
          return stored;
        } catch (error) {
          db.exec('ROLLBACK TO document');
          db.exec('RELEASE document');
          if (error instanceof DocumentConflictError) return error;
          throw error;
        }
      });
      if (changed) bumpGeneration();
      return results;
    });
  };

  // ---------------------------------------------------------------- first start
  /** Stores the built-in corpus when it is missing or changed (a new release), and migrates JSON. */
  const prepare = () => {
    const builtinDigest = createHash('sha256')
      .update(JSON.stringify(options.builtin))
      .digest('hex');
    const marker = (key: string) =>
      get('SELECT value FROM meta WHERE key = ?', key)?.value as string | undefined;
    const jsonDir = join(options.dataDir, ARTICLES_DIR);
    const needsJson = marker('json_migrated') === undefined;
    if (marker('builtin') === builtinDigest && !needsJson) return;
    const versions = needsJson ? readJsonVersions(options.dataDir) : [];
    writing(() => {
      let changed = false;
      if (marker('builtin') !== builtinDigest) {
        for (const document of options.builtin) {
          const row = get(
            'SELECT v.imported_at FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = ?',
            document.article.id,
          );
          // An imported version stays current over a newer built-in one.
          if (row && row.imported_at !== null) continue;
          changed = storeDocument(document, null).changed || changed;
        }
        run(
          "INSERT INTO meta (key, value) VALUES ('builtin', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          builtinDigest,
        );
      }
      if (marker('json_migrated') === undefined) {
        for (const stored of versions) {
          const known = get(
            'SELECT 1 AS found FROM article_versions WHERE article_id = ? AND version = ?',
            stored.articleId,
            stored.version,
          );
          if (known) continue;
          try {
            changed =
              storeDocument(stored.document, stored.importedAt, stored.version).changed || changed;
          } catch (error) {
            throw new Error(
              `cannot migrate ${join(jsonDir, stored.articleId)} version ${stored.version} into ${SQLITE_FILE}: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
        run("INSERT INTO meta (key, value) VALUES ('json_migrated', ?)", String(versions.length));
      }
      if (changed) bumpGeneration();
    });
  };
  try {
    prepare();
  } catch (error) {
    db.close();
    throw error;
  }

  // ---------------------------------------------------------------- the store
  const store: ClaimStore = {
    // Accounts and drafts are small and written rarely: the same files in the data folder as the
    // JSON store keeps (each replaced whole under a lock), so both embedded stores share them.
    accounts: createFileAccountStore(options.dataDir),
    drafts: createFileDraftStore(options.dataDir),
    listArticles: async (query) =>
      reading(() => {
        // The text filter reads every article's folded headline, dek and id (written at import):
        // a scan of one short column, as the list has no index of its words.
        // Filtered, the matches are counted only up to the cap (see paginateCapped).
        const needle = query.text ? fold(query.text) : null;
        const matching = needle ? 'WHERE instr(folded, ?) > 0' : '';
        const filter = needle ? [needle] : [];
        const page = (limit: number, offset: number) => {
          const summaries = all(
            articlePageSql(query.sort ?? 'added', matching),
            ...filter,
            limit,
            offset,
          ).map((r) =>
            json<
              Omit<ArticleSummary, 'authors' | 'publisher'> & {
                authorIds: string[];
                publisherId: string | null;
              }
            >(r.summary),
          );
          const ref = refResolver(summaries.flatMap(bylineIds));
          return summaries.map(({ authorIds, publisherId, ...summary }) => ({
            ...summary,
            ...bylines(ref, { authorIds, publisherId }),
          }));
        };
        if (!needle) return pageOf(tallyOf('articles'), query, page);
        return paginateCapped(
          query,
          (upTo) =>
            Number(
              get(
                `SELECT count(*) AS n FROM (SELECT 1 FROM articles ${matching} LIMIT ?)`,
                ...filter,
                upTo,
              )?.n ?? 0,
            ),
          page,
        );
      }),

    getArticle: async (id, version) =>
      reading(() => {
        const doc = documentAt(id, version);
        if (!doc) return null;
        return articleDetail(refResolver(bylineIds(doc.article)), doc);
      }),

    exportArticle: async (id, version) => reading(() => documentAt(id, version)),

    versions: async (articleId) =>
      reading(() => {
        const current = get('SELECT current_version FROM articles WHERE id = ?', articleId);
        if (!current) return null;
        return all(
          `SELECT version, content_sha256, text_sha256, imported_at, json_extract(document, '$.publication.by') AS published_by,
             json_extract(document, '$.publication.at') AS published_at FROM article_versions WHERE article_id = ? ORDER BY version`,
          articleId,
        ).map((r) => ({
          version: Number(r.version),
          contentSha256: r.content_sha256 as string,
          textSha256: r.text_sha256 as string,
          importedAt: (r.imported_at as string | null) ?? null,
          current: r.version === current.current_version,
          published: r.published_by
            ? { by: r.published_by as string, at: r.published_at as string }
            : null,
        }));
      }),

    listEntities: async (query) =>
      reading(() => {
        const params: unknown[] = [];
        const where: string[] = [];
        if (query.kind) where.push(inList('e.kind', query.kind, params));
        if (query.review)
          where.push(
            inList("json_extract(e.record, '$.provenance.review.status')", query.review, params),
          );
        if (query.text) {
          params.push(fold(query.text));
          where.push('instr(e.folded, ?) > 0');
        }
        let counts = 'e.mention_count, e.claim_count, e.about_count';
        let from = 'entities e';
        if (query.articleId) {
          // The article's entities first (an article names a few dozen), then the filters.
          from = 'entity_records r JOIN entities e ON e.id = r.entity_id';
          where.unshift('r.article_id = ?');
          params.unshift(query.articleId);
          counts = `(SELECT count(*) FROM mentions m WHERE m.article_id = r.article_id AND m.entity_id = e.id) AS mention_count,
            (SELECT count(*) FROM claims c WHERE c.article_id = r.article_id AND c.speaker_id = e.id) AS claim_count,
            (SELECT count(*) FROM claim_about c WHERE c.article_id = r.article_id AND c.entity_id = e.id) AS about_count`;
        }
        const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const order = query.sort === 'name' ? 'name_key, id' : 'mention_count DESC, name_key, id';
        const total =
          !query.articleId && !query.text && !query.review
            ? query.kind
              ? query.kind.reduce((sum, kind) => sum + tallyOf('entities.kind', kind), 0)
              : talliesOf('entities.kind').reduce((sum, r) => sum + r.n, 0)
            : Number(get(`SELECT count(*) AS n FROM ${from} ${filter}`, ...params)?.n ?? 0);
        return pageOf(total, query, (limit, offset) =>
          sql(
            `SELECT e.id, e.record, e.name_key, e.name, ${counts} FROM ${from} ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`,
          )
            .all(...params, limit, offset)
            .map((row): EntityListItem => {
              const r = row as Row;
              return {
                ...corpusEntity(r.record, r.id as string),
                mentionCount: Number(r.mention_count),
                claimCount: Number(r.claim_count),
                aboutCount: Number(r.about_count),
              };
            }),
        );
      }),

    getEntityDetail: async (id, limits = DEFAULT_DETAIL_LIMITS) =>
      reading(() => {
        const row = get(
          'SELECT record, mention_count, claim_count, about_count FROM entities WHERE id = ?',
          id,
        );
        if (!row) return null;
        const relationCount =
          Number(get('SELECT count(*) AS n FROM relations WHERE subject_id = ?', id)?.n) +
          Number(
            get(
              'SELECT count(*) AS n FROM relations WHERE object_id = ? AND subject_id <> ?',
              id,
              id,
            )?.n,
          );
        const mentions = all(
          `SELECT m.record, m.article_id, b.record AS block, ${paragraphNumberOf('b')} AS paragraph
             FROM (SELECT * FROM mentions WHERE entity_id = ? ORDER BY article_seq, start, ord LIMIT ?) m
             LEFT JOIN blocks b ON b.article_id = m.article_id AND b.id = m.block_id
            ORDER BY m.article_seq, m.start, m.ord`,
          id,
          limits.mentionsLimit,
        ).map((r) =>
          mentionInContext(
            { ...json<Mention>(r.record), articleId: r.article_id as string },
            r.block ? json<Block>(r.block) : null,
            (r.paragraph as number | null) ?? null,
          ),
        );
        const bySpeaker = claimsFrom(
          all(
            'SELECT record, article_id FROM claims WHERE speaker_id = ? ORDER BY article_seq, first_offset, ord LIMIT ?',
            id,
            limits.claimsLimit,
          ),
        );
        const about = claimsFrom(
          all(
            `SELECT c.record, c.article_id FROM claim_about a JOIN claims c ON c.seq = a.claim_seq
              WHERE a.entity_id = ? ORDER BY a.article_seq, a.first_offset, a.ord LIMIT ?`,
            id,
            limits.claimsLimit,
          ),
        );
        const relations = relationsFrom(
          all(
            `SELECT record, article_id FROM (
               SELECT record, article_id, article_seq, ord FROM (SELECT * FROM relations WHERE subject_id = ? ORDER BY article_seq, ord LIMIT ?)
               UNION
               SELECT record, article_id, article_seq, ord FROM (SELECT * FROM relations WHERE object_id = ? ORDER BY article_seq, ord LIMIT ?))
             ORDER BY article_seq, ord LIMIT ?`,
            id,
            limits.relationsLimit,
            id,
            limits.relationsLimit,
            limits.relationsLimit,
          ),
        );
        const records = { mentions, claimsBySpeaker: bySpeaker, claimsAbout: about, relations };
        const entity = {
          ...corpusEntity(row.record, id),
          mentionCount: Number(row.mention_count),
          claimCount: Number(row.claim_count),
          aboutCount: Number(row.about_count),
        };
        return entityDetail(
          refResolver(entityRecordRefIds(records)),
          entity,
          records,
          relationCount,
        );
      }),

    listClaims: async (query) =>
      reading(() => {
        const params: unknown[] = [];
        const where: string[] = [];
        let from = 'claims c';
        if (query.aboutId) {
          from = 'claim_about a JOIN claims c ON c.seq = a.claim_seq';
          params.push(query.aboutId);
          where.push('a.entity_id = ?');
        }
        if (query.articleId) {
          params.push(query.articleId);
          where.push('c.article_id = ?');
        }
        if (query.speakerId) {
          params.push(query.speakerId);
          where.push('c.speaker_id = ?');
        }
        if (query.kind) where.push(inList('c.kind', query.kind, params));
        if (query.modality) where.push(inList('c.modality', query.modality, params));
        // With an article, a speaker or an entity, its own index finds the few claims; the
        // unary + keeps SQLite from choosing the channel, outlet or review index instead.
        const selective = Boolean(query.articleId || query.speakerId || query.aboutId);
        const column = (name: string) => `${selective ? '+' : ''}c.${name}`;
        if (query.channel) where.push(inList(column('channel_kind'), query.channel, params));
        if (query.outletId) {
          params.push(query.outletId);
          where.push(`${column('outlet_id')} = ?`);
        }
        if (query.review) where.push(inList(column('review_status'), query.review, params));
        let order = 'c.article_seq, c.first_offset, c.ord';
        if (query.text) {
          const needle = fold(query.text);
          // Three letters or more, and no narrower index: the trigram index gives the claims
          // that hold the needle in reading order (its rowids are claims' reading keys), so a
          // page reads about as many as it returns.
          if ([...needle].length >= 3 && !selective) {
            from = 'claim_trigrams t JOIN claims c ON c.reading_key = t.rowid';
            where.unshift('claim_trigrams MATCH ?');
            params.unshift(`"${needle.replaceAll('"', '""')}"`);
            order = 't.rowid';
          }
          params.push(needle);
          where.push('instr(c.folded, ?) > 0');
        }
        const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const page = (limit: number, offset: number) =>
          claimViews(
            claimsFrom(
              sql(
                `SELECT c.record, c.article_id FROM ${from} ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`,
              ).all(...params, limit, offset) as Row[],
            ),
          );
        if (claimCountIsCapped(query))
          return paginateCapped(
            query,
            (upTo) =>
              Number(
                get(
                  `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${filter} LIMIT ?)`,
                  ...params,
                  upTo,
                )?.n ?? 0,
              ),
            page,
          );
        return pageOf(keptClaimCount(query) ?? countOf(from, filter, params), query, page);
      }),

    getClaimDetail: async (id) =>
      reading(() => {
        const [claim] = claimsFrom(all('SELECT record, article_id FROM claims WHERE id = ?', id));
        if (!claim) return null;
        const inArticle = claimsFrom(
          all(
            'SELECT record, article_id FROM claims WHERE article_id = ? ORDER BY article_seq, first_offset, ord',
            claim.articleId,
          ),
        );
        const blockIds = [...new Set(claim.content.map((a) => a.blockId))];
        const blocks = (
          sql(
            `SELECT b.record, ${paragraphNumberOf('b')} AS paragraph FROM blocks b
              WHERE b.article_id = ? AND b.id IN (${placeholders(blockIds)})`,
          ).all(claim.articleId, ...blockIds) as Row[]
        )
          .map((r) => ({
            ...json<Block>(r.record),
            paragraph: (r.paragraph as number | null) ?? null,
          }))
          .sort((a, b) => a.index - b.index);
        const links = all(
          `SELECT record, article_id, article_seq, ord FROM claim_links WHERE from_id = ?
           UNION SELECT record, article_id, article_seq, ord FROM claim_links WHERE to_id = ?
           ORDER BY article_seq, ord`,
          id,
          id,
        ).map((r) => ({ ...json<ClaimLink>(r.record), articleId: r.article_id as string }));
        const others = claimsWithIds(links.map((l) => (l.fromId === id ? l.toId : l.fromId)));
        const records = { claim, inArticle, blocks, links, others };
        return claimDetail(refResolver(claimRecordRefIds(records)), records);
      }),

    listDisagreements: async (query) =>
      reading(() => {
        // The conditions besides the speaker's, for the page or the count. `+kind` keeps SQLite
        // from looking the links up kind by kind (then sorting every match for a page, or reading
        // every row for sameSpeaker): the kind is checked in the index read in list order
        // (claim_links_order, or claim_links_same_speaker, which also counts sameSpeaker alone).
        const conditions = (forPage: boolean) => {
          const params: unknown[] = [];
          const inOrder = (forPage && query.kind.length > 1) || query.sameSpeaker !== undefined;
          const where = [inList(inOrder ? '+kind' : 'kind', query.kind, params)];
          if (query.articleId) {
            params.push(query.articleId);
            where.push('article_id = ?');
          }
          if (query.sameSpeaker !== undefined) {
            params.push(query.sameSpeaker ? 1 : 0);
            where.push('same_speaker = ?');
          }
          return { where: where.join(' AND '), params };
        };
        const count = conditions(false);
        const speaker = query.speakerId;
        let total: number;
        if (speaker) {
          // From each speaker index alone: links with the speaker on the first side, then on the
          // second side only.
          const counted = (sql: string, ...params: unknown[]) =>
            Number(get(sql, ...params)?.n ?? 0);
          total =
            counted(
              `SELECT count(*) AS n FROM claim_links WHERE from_speaker_id = ? AND ${count.where}`,
              speaker,
              ...count.params,
            ) +
            counted(
              `SELECT count(*) AS n FROM claim_links
                WHERE to_speaker_id = ? AND from_speaker_id <> ? AND ${count.where}`,
              speaker,
              speaker,
              ...count.params,
            );
        } else if (!query.articleId) {
          // Corpus-wide, the kept counts give the total (by kind, and by sameSpeaker).
          const kinds = new Set<string>(query.kind);
          total =
            query.sameSpeaker === undefined
              ? talliesOf('claim_links.kind').reduce((s, r) => s + (kinds.has(r.key) ? r.n : 0), 0)
              : talliesOf('claim_links.same_speaker').reduce((s, r) => {
                  const [kind = '', same] = r.key.split('\u0000');
                  const wanted = kinds.has(kind) && same === (query.sameSpeaker ? '1' : '0');
                  return s + (wanted ? r.n : 0);
                }, 0);
        } else {
          total = Number(
            get(`SELECT count(*) AS n FROM claim_links WHERE ${count.where}`, ...count.params)?.n ??
              0,
          );
        }
        return pageOf(total, query, (limit, offset) => {
          const page = conditions(true);
          // A speaker's links: the two speaker indexes merged in list order, then the page's rows.
          const rows = speaker
            ? (sql(
                `SELECT l.record, l.article_id FROM (
                   SELECT article_seq, ord, rowid AS r FROM claim_links
                    WHERE from_speaker_id = ? AND ${page.where}
                   UNION SELECT article_seq, ord, rowid FROM claim_links
                    WHERE to_speaker_id = ? AND ${page.where}
                   ORDER BY 1, 2 LIMIT ? OFFSET ?) p
                 JOIN claim_links l ON l.rowid = p.r ORDER BY p.article_seq, p.ord`,
              ).all(speaker, ...page.params, speaker, ...page.params, limit, offset) as Row[])
            : (sql(
                `SELECT record, article_id FROM claim_links WHERE ${page.where}
                  ORDER BY article_seq, ord LIMIT ? OFFSET ?`,
              ).all(...page.params, limit, offset) as Row[]);
          const links = rows.map((r) => ({
            ...json<ClaimLink>(r.record),
            articleId: r.article_id as string,
          }));
          const claims = claimsWithIds(links.flatMap((l) => [l.fromId, l.toId]));
          const views = new Map(claimViews(claims).map((v) => [v.id, v]));
          return links.flatMap((link) => {
            const from = views.get(link.fromId);
            const to = views.get(link.toId);
            return from && to ? [{ ...link, from, to }] : [];
          });
        });
      }),

    listRelations: async (query) =>
      reading(() => {
        const params: unknown[] = [];
        const where: string[] = [];
        if (query.entityId) {
          params.push(query.entityId, query.entityId);
          where.push('(subject_id = ? OR object_id = ?)');
        }
        if (query.predicate) where.push(inList('predicate', query.predicate, params));
        if (query.articleId) {
          params.push(query.articleId);
          where.push('article_id = ?');
        }
        if (query.review)
          where.push(
            inList("json_extract(record, '$.provenance.review.status')", query.review, params),
          );
        const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const total =
          !query.entityId && !query.articleId && !query.review
            ? (query.predicate
                ? query.predicate.map((p) => tallyOf('relations.predicate', p))
                : talliesOf('relations.predicate').map((r) => r.n)
              ).reduce((s, n) => s + n, 0)
            : Number(get(`SELECT count(*) AS n FROM relations ${filter}`, ...params)?.n ?? 0);
        return pageOf(total, query, (limit, offset) => {
          const relations = relationsFrom(
            sql(
              `SELECT record, article_id FROM relations ${filter} ORDER BY article_seq, ord LIMIT ? OFFSET ?`,
            ).all(...params, limit, offset) as Row[],
          );
          const ref = refResolver(relations.flatMap(relationRefIds));
          return relations.map((relation) => relationView(ref, relation));
        });
      }),

    search: async (query) =>
      reading(() => {
        const terms = queryTerms(query.q);
        if (terms.length === 0) return { query: query.q, hits: [] };
        const matched = matchedBy(terms);
        const collect = (operator: 'AND' | 'OR') =>
          query.types.flatMap((type) => candidatesOf(type, ftsQuery(type, terms, operator), terms));
        let candidates = collect('AND');
        if (candidates.length === 0 && terms.length > 1) candidates = collect('OR');
        if (candidates.length > 0)
          return { query: query.q, hits: hitsOf(candidates, query.limit, matched) };
        if (!query.types.includes('entity')) return { query: query.q, hits: [] };
        return { query: query.q, hits: misspeltEntities(terms, query.limit) };
      }),

    stats: async (query) =>
      reading(() => {
        const a = query.articleId;
        const grouped = (text: string) =>
          all(text, a).map((r) => ({ key: r.key as string, n: Number(r.n) }));
        const entityRows = a
          ? grouped(
              'SELECT kind AS key, count(*) AS n FROM entity_records WHERE article_id = ? GROUP BY kind',
            )
          : talliesOf('entities.kind');
        const claimKinds = a
          ? grouped(
              'SELECT kind AS key, count(*) AS n FROM claims WHERE article_id = ? GROUP BY kind',
            )
          : talliesOf('claims.kind');
        const modalities = a
          ? grouped(
              'SELECT modality AS key, count(*) AS n FROM claims WHERE article_id = ? GROUP BY modality',
            )
          : talliesOf('claims.modality');
        const predicates = a
          ? grouped(
              'SELECT predicate AS key, count(*) AS n FROM relations WHERE article_id = ? GROUP BY predicate',
            )
          : talliesOf('relations.predicate');
        const linkKinds = a
          ? grouped(
              'SELECT kind AS key, count(*) AS n FROM claim_links WHERE article_id = ? GROUP BY kind',
            )
          : talliesOf('claim_links.kind');
        const mentions = a
          ? Number(get('SELECT count(*) AS n FROM mentions WHERE article_id = ?', a)?.n)
          : tallyOf('mentions');
        const articles = a
          ? get('SELECT 1 AS found FROM articles WHERE id = ?', a)
            ? 1
            : 0
          : tallyOf('articles');
        // The corpus's top speakers come from the kept counts, already in order.
        const speakers = a
          ? all(
              `SELECT c.speaker_id AS id, count(*) AS n, coalesce(e.name_key, c.speaker_id) AS k
                 FROM claims c LEFT JOIN entities e ON e.id = c.speaker_id WHERE c.article_id = ?
                GROUP BY c.speaker_id ORDER BY n DESC, k, id LIMIT ?`,
              a,
              query.topSpeakers,
            )
          : all(
              'SELECT id, claim_count AS n FROM entities WHERE claim_count > 0 ORDER BY claim_count DESC, name_key, id LIMIT ?',
              query.topSpeakers,
            );
        const ref = refResolver(speakers.map((r) => r.id as string));
        const counts = {
          articles,
          mentions,
          entityKinds: entityRows,
          claimKinds,
          modalities,
          predicates,
          linkKinds,
        };
        return statsView(
          counts,
          speakers.map((r) => ({ speaker: ref(r.id as string), claimCount: Number(r.n) })),
        );
      }),

    counts: async () =>
      reading(() => ({
        articles: tallyOf('articles'),
        entities: talliesOf('entities.kind').reduce((s, r) => s + r.n, 0),
        mentions: tallyOf('mentions'),
        claims: talliesOf('claims.kind').reduce((s, r) => s + r.n, 0),
        claimLinks: talliesOf('claim_links.kind').reduce((s, r) => s + r.n, 0),
        relations: talliesOf('relations.predicate').reduce((s, r) => s + r.n, 0),
      })),

    importDocument: async (document, options) => {
      const [result] = importBatch([document], options);
      if (result instanceof DocumentConflictError) throw result;
      return result as StoredDocument; // one document in, one result out
    },
    importDocuments: async (documents) => importBatch(documents),

    generation: () => {
      followFile();
      refreshGeneration();
      return generation;
    },
    onChange: (listener) => {
      listeners.add(listener);
      // Imports by other processes are noticed on the next read or by this watch, whichever first.
      watcher ??= setInterval(() => {
        followFile();
        refreshGeneration();
      }, WATCH_INTERVAL_MS).unref();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && watcher) {
          clearInterval(watcher);
          watcher = null;
        }
      };
    },
    close: async () => {
      if (watcher) clearInterval(watcher);
      watcher = null;
      if (db.open) db.close();
    },
  };
  return store;
}
