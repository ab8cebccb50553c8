import {
  type ArticleDocument,
  type Block,
  type Claim,
  ClaimKindSchema,
  type ClaimLink,
  ClaimLinkKindSchema,
  type Entity,
  type EntityKind,
  EntityKindSchema,
  type Mention,
  ModalitySchema,
  PredicateSchema,
  type Relation,
} from '@claimscope/schema';
import pg from 'pg';
import { type Page, paginateCounted } from '../../pagination.js';
import { type ArticleSummary, countsOf } from '../../queries/articles.js';
import { continuationChain } from '../../queries/claims.js';
import {
  DEFAULT_DETAIL_LIMITS,
  type EntityListItem,
  MAX_ARTICLE_IDS,
} from '../../queries/entities.js';
import { type SearchHit, snippetOf } from '../../queries/search.js';
import { tally } from '../../queries/stats.js';
import { makeSnippet } from '../../snippet.js';
import { type ClaimView, claimText, type EntityRef, fold } from '../../views.js';
import type {
  ClaimReader,
  ClaimStore,
  CorpusEntity,
  ImportOptions,
  InArticle,
  SearchableType,
  StoredDocument,
  StoreSnapshot,
} from '../claim-store.js';
import {
  DocumentConflictError,
  DocumentStoreError,
  findConflicts,
  StaleVersionError,
  UNIQUE_COLLECTIONS,
} from '../conflicts.js';
import { contentDigest } from '../memory-store.js';
import { normalizeTerm, TOKEN_PATTERN } from '../search-index.js';
import { applyMigrations, SEARCH_BUCKET_ARTICLES, SEARCH_CANDIDATES } from './migrations.js';
import { postgresAccountStore } from './postgres-accounts.js';
import { postgresDraftStore } from './postgres-drafts.js';

type Client = pg.PoolClient;
type Row = Record<string, unknown>;

/**
 * The paragraph number of the block row `alias` as a reader counts it (only paragraphs count, from
 * 1; null for other kinds), computed from the current version's blocks.
 */
function paragraphNumberOf(alias: string): string {
  return `CASE WHEN ${alias}.record->>'kind' = 'paragraph' THEN (SELECT count(*)::int FROM blocks p
    WHERE p.article_id = ${alias}.article_id AND p.record->>'kind' = 'paragraph'
      AND (p.record->>'index')::int <= (${alias}.record->>'index')::int) END`;
}

export interface PostgresStoreOptions {
  connectionString: string;
  /** Apply pending migrations on open (default true); otherwise run `migrate` first. */
  migrate?: boolean;
  /** Connections in the pool, the one that listens for other servers' imports included (default DEFAULT_POOL_SIZE). */
  poolSize?: number;
}

const CHANGES_CHANNEL = 'claimscope_changes';
const IMPORT_LOCK = 7301002;
const TYPE_BOOST: Record<SearchableType, number> = { entity: 1.5, claim: 1, paragraph: 0.7 };
/** ts_rank weights for D, C, B, A: summary, text, aliases, name (as the in-memory index boosts them). */
const RANK_WEIGHTS = '{0.2, 0.25, 0.75, 1.0}';
const ICU = 'COLLATE "en-x-icu"';
/** Each has its own partial GIN index (a literal type in the query lets the planner use it). */
const SEARCH_TYPES: readonly SearchableType[] = ['entity', 'claim', 'paragraph'];
/** What a hit needs besides its score: the record, a claim's speaker, a paragraph's headline. */
const HIT_COLUMNS = `top.*,
  CASE top.type
    WHEN 'entity' THEN (SELECT record FROM entities WHERE id = top.id)
    WHEN 'claim' THEN (SELECT record FROM claims WHERE id = top.id)
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

/**
 * Connections per API server by default: one listens for imports, three read. A search keeps
 * PostgreSQL busy about 1.5 times as long as the server spends on it, so one Node process keeps
 * at most two database cores busy, and more connections only make PostgreSQL's processes take
 * turns. At 10,000 articles under 20 concurrent searches on 2 cores, 4 connections gave 3-10 %
 * more searches a second than 10, with p99 40-42 ms against 48-51 ms (A/B runs, 2026-11-26).
 * Several servers share one database: each brings its own pool (CLAIMSCOPE_DATABASE_POOL_SIZE).
 */
export const DEFAULT_POOL_SIZE = 4;

/** How the store's connections are used right now (the LISTEN connection is always out). */
export interface PoolStatus {
  total: number;
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

export interface PostgresStore extends ClaimStore {
  snapshot(): StoreSnapshot;
  poolStatus(): PoolStatus;
}

/** Applies pending migrations to the database at `connectionString`; returns their names. */
export async function migratePostgres(connectionString: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString, max: 1 });
  try {
    const client = await pool.connect();
    try {
      return await applyMigrations(client);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

const firstOffset = (claim: Claim) => Math.min(...claim.content.map((a) => a.position.start));

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

/** True for a normalised word that a query term matches (whole word, or prefix for 3+ letters). */
const matchedBy =
  (terms: string[]) =>
  (word: string): boolean =>
    terms.some((t) => word === t || (t.length >= 3 && word.startsWith(t)));

/** Text for to_tsvector: folded like the query, so "Maqdisī" and "Maqdisi" meet. */
const searchText = (text: string) =>
  [...text.matchAll(TOKEN_PATTERN)].flatMap((m) => normalizeTerm(m[0]) ?? []).join(' ');

/** The corpus entity of a stored row: the record (older rows also hold a stale list) and its articles. */
function corpusEntity(record: Entity, articleIds: string[] | null | undefined): CorpusEntity {
  const { articleIds: _stale, ...entity } = record as CorpusEntity;
  return { ...entity, articleIds: articleIds ?? [] };
}

/**
 * The first MAX_ARTICLE_IDS articles of each entity id in corpus order, and how many there are:
 * an entity named in 100,000 articles no longer sends them all.
 */
async function articleIdsOf(
  client: Client,
  ids: string[],
): Promise<Map<string, { ids: string[]; count: number }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<{ entity_id: string; article_ids: string[]; n: string }>(
    `SELECT e.id AS entity_id,
            ARRAY(SELECT article_id FROM entity_records WHERE entity_id = e.id
                   ORDER BY article_seq LIMIT ${MAX_ARTICLE_IDS}) AS article_ids,
            (SELECT count(*) FROM entity_records WHERE entity_id = e.id) AS n
       FROM unnest($1::text[]) e(id)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.entity_id, { ids: r.article_ids, count: Number(r.n) }]));
}

function mergeEntity(records: { article_id: string; record: Entity }[]): CorpusEntity | null {
  const [first, ...rest] = records;
  if (!first) return null;
  const merged: CorpusEntity = {
    ...first.record,
    aliases: [...first.record.aliases],
    articleIds: [first.article_id],
  };
  for (const { article_id, record } of rest) {
    merged.articleIds.push(article_id);
    const names = new Set([merged.name, ...merged.aliases.map((a) => a.name)]);
    for (const alias of record.aliases) if (!names.has(alias.name)) merged.aliases.push(alias);
  }
  return merged;
}

/** Positional parameters for a query built piece by piece: `param(value)` returns its `$n`. */
function sqlParameters() {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { params, param };
}

/**
 * A ClaimStore in PostgreSQL: normalized tables for the current version of each article, every
 * version kept as imported, full-text search with tsvector and ts_rank. Each read runs in one
 * REPEATABLE READ READ ONLY transaction (or is one statement), so it sees one snapshot, and
 * `snapshot()` gives a reader whose reads share one (a request's batch); a batch of imports is
 * one transaction with a savepoint per document.
 * Several API servers can share the database: imports bump a generation and NOTIFY the others.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
  });
  if (options.migrate !== false) {
    const client = await pool.connect();
    try {
      await applyMigrations(client);
    } finally {
      client.release();
    }
  }

  let generation = '0';
  const listeners = new Set<() => void>();
  const setGeneration = (value: string) => {
    if (value === generation) return;
    generation = value;
    for (const listener of listeners) listener();
  };
  const listener = await pool.connect();
  listener.on('notification', (message) => {
    if (message.channel === CHANGES_CHANNEL && message.payload) setGeneration(message.payload);
  });
  await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
  const meta = await listener.query<{ generation: string }>('SELECT generation FROM store_meta');
  generation = String(meta.rows[0]?.generation ?? '0');

  /** One read in its own REPEATABLE READ READ ONLY transaction. */
  const inTransaction = async <T>(read: (client: Client) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await read(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  type RefOf = (id: string) => EntityRef;
  /** Looks up the names and kinds of `ids` at once; an unknown id names itself. */
  const refResolver = async (client: Client, ids: Iterable<string>): Promise<RefOf> => {
    const unique = [...new Set(ids)];
    const refs = new Map<string, EntityRef>();
    if (unique.length > 0) {
      const { rows } = await client.query<EntityRef>(
        'SELECT id, name, kind FROM entities WHERE id = ANY($1)',
        [unique],
      );
      for (const row of rows) refs.set(row.id, { id: row.id, name: row.name, kind: row.kind });
    }
    return (id) => refs.get(id) ?? { id, name: id, kind: 'unnamed_group' };
  };

  /** The entities a claim view names. */
  const claimRefIds = (claims: InArticle<Claim>[]) =>
    claims.flatMap((c) => [c.speakerId, ...c.aboutIds]);
  const claimViewsWith = (ref: RefOf, claims: InArticle<Claim>[]): ClaimView[] =>
    claims.map((claim) => ({
      ...claim,
      text: claimText(claim),
      speaker: ref(claim.speakerId),
      about: claim.aboutIds.map(ref),
    }));
  const claimViews = async (client: Client, claims: InArticle<Claim>[]): Promise<ClaimView[]> =>
    claimViewsWith(await refResolver(client, claimRefIds(claims)), claims);
  const claimsFrom = (rows: Row[]) =>
    rows.map((r) => ({ ...(r.record as Claim), articleId: r.article_id as string }));
  /** Claims matching `where`, in reading order; `limit` (a parameter reference) cuts the list. */
  const selectClaims = async (client: Client, where: string, params: unknown[], limit = '') =>
    claimsFrom(
      (
        await client.query(
          `SELECT record, article_id FROM claims WHERE ${where} ORDER BY article_seq, first_offset, ord ${limit}`,
          params,
        )
      ).rows,
    );

  /** Runs a filtered, ordered query with a window count, and cuts the page. */
  /**
   * One page of the rows `FROM ${from}` (a table and its WHERE) in `order`, with the count of all
   * of them: by `count` (a statement returning `total`) when given, else over `from` alone, with
   * no ORDER BY (PostgreSQL would sort every match just to count them) and no selected columns.
   */
  const pageOf = async <T>(
    client: Client,
    sql: { select: string; from: string; order: string; count?: string },
    params: unknown[],
    page: { cursor?: number | null; limit: number },
    toItems: (rows: Row[]) => Promise<T[]>,
  ): Promise<Page<T>> => {
    const offset = page.cursor ?? 0;
    // The count and the page apart: a window count would fetch every match before the LIMIT.
    const counted = await client.query(
      sql.count ?? `SELECT count(*) AS total FROM ${sql.from}`,
      params,
    );
    const total = Number(counted.rows[0]?.total ?? 0);
    const { rows } = await client.query(
      `SELECT * FROM (SELECT ${sql.select} FROM ${sql.from}) page ORDER BY ${sql.order}
        LIMIT ${page.limit} OFFSET ${offset}`,
      params,
    );
    const items = await toItems(rows);
    // The cursor encoding of the in-memory pages: the page of `total` starting at `offset`.
    return paginateCounted(
      total,
      page,
      () => items,
      (item) => item,
    );
  };

  const documentAt = async (client: Client, id: string, version?: number) => {
    const { rows } = await client.query<{ document: string }>(
      version === undefined
        ? 'SELECT v.document FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = $1'
        : 'SELECT document FROM article_versions WHERE article_id = $1 AND version = $2',
      version === undefined ? [id] : [id, version],
    );
    const text = rows[0]?.document;
    return text === undefined ? null : (JSON.parse(text) as ArticleDocument);
  };

  /** The entities a relation view names. */
  const relationRefIds = (relations: InArticle<Relation>[]) =>
    relations.flatMap((r) => [r.subjectId, r.objectId]);
  const relationViewsWith = (ref: RefOf, relations: InArticle<Relation>[]) =>
    relations.map((r) => ({ ...r, subject: ref(r.subjectId), object: ref(r.objectId) }));
  const relationViews = async (client: Client, relations: InArticle<Relation>[]) =>
    relationViewsWith(await refResolver(client, relationRefIds(relations)), relations);
  const relationsFrom = (rows: Row[]) =>
    rows.map((r) => ({ ...(r.record as Relation), articleId: r.article_id as string }));

  /**
   * The read methods over `within` (runs several statements in one snapshot) and `oneStatement`
   * (runs one statement, which sees one snapshot by itself).
   */
  const readerOver = (
    within: <T>(read: (client: Client) => Promise<T>) => Promise<T>,
    oneStatement: <T>(read: (db: pg.Pool | Client) => Promise<T>) => Promise<T>,
  ): ClaimReader => ({
    listArticles: (query) =>
      within((client) =>
        pageOf(
          client,
          { select: 'summary, seq', from: 'articles', order: 'seq' },
          [],
          query,
          async (rows) => {
            const summaries = rows.map(
              (r) =>
                r.summary as Omit<ArticleSummary, 'authors' | 'publisher'> & {
                  authorIds: string[];
                  publisherId: string | null;
                },
            );
            const ref = await refResolver(
              client,
              summaries.flatMap((s) => [...s.authorIds, ...(s.publisherId ? [s.publisherId] : [])]),
            );
            return summaries.map(({ authorIds, publisherId, ...summary }) => ({
              ...summary,
              authors: authorIds.map(ref),
              publisher: publisherId ? ref(publisherId) : null,
            }));
          },
        ),
      ),

    getArticle: (id, version) =>
      within(async (client) => {
        const doc = await documentAt(client, id, version);
        if (!doc) return null;
        const { text: _text, ...article } = doc.article;
        const ref = await refResolver(client, [
          ...article.authorIds,
          ...(article.publisherId ? [article.publisherId] : []),
        ]);
        return {
          ...article,
          authors: article.authorIds.map(ref),
          publisher: article.publisherId ? ref(article.publisherId) : null,
          counts: countsOf(doc),
        };
      }),

    exportArticle: (id, version) => within((client) => documentAt(client, id, version)),

    versions: (articleId) =>
      within(async (client) => {
        const { rows } = await client.query(
          `SELECT v.version, v.content_sha256, v.text_sha256, v.imported_at, a.current_version,
                  v.document::jsonb->'publication'->>'by' AS published_by, v.document::jsonb->'publication'->>'at' AS published_at
             FROM article_versions v JOIN articles a ON a.id = v.article_id
            WHERE v.article_id = $1 ORDER BY v.version`,
          [articleId],
        );
        if (rows.length === 0) return null;
        return rows.map((r) => ({
          version: r.version as number,
          contentSha256: r.content_sha256 as string,
          textSha256: r.text_sha256 as string,
          importedAt: r.imported_at ? (r.imported_at as Date).toISOString() : null,
          current: r.version === r.current_version,
          published: r.published_by ? { by: r.published_by, at: r.published_at } : null,
        }));
      }),

    listEntities: (query) =>
      within((client) => {
        const { params, param } = sqlParameters();
        const where: string[] = [];
        if (query.kind) where.push(`kind = ANY(${param(query.kind)})`);
        if (query.text) where.push(`strpos(folded, ${param(fold(query.text))}) > 0`);
        if (query.review)
          where.push(`record->'provenance'->'review'->>'status' = ANY(${param(query.review)})`);
        let counts = 'mention_count, claim_count, about_count';
        if (query.articleId) {
          const a = param(query.articleId);
          where.push(`e.id IN (SELECT entity_id FROM entity_records WHERE article_id = ${a})`);
          counts = `(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.article_id = ${a})::int AS mention_count,
            (SELECT count(*) FROM claims c WHERE c.speaker_id = e.id AND c.article_id = ${a})::int AS claim_count,
            (SELECT count(*) FROM claims c WHERE c.about_ids @> ARRAY[e.id] AND c.article_id = ${a})::int AS about_count`;
        }
        const order =
          query.sort === 'name'
            ? `name ${ICU}, id ${ICU}`
            : `mention_count DESC, name ${ICU}, id ${ICU}`;
        const sql = {
          select: `id, name, record, ${counts}`,
          from: `entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
          order,
        };
        return pageOf(client, sql, params, query, async (rows) => {
          const articleIds = await articleIdsOf(
            client,
            rows.map((r) => r.id as string),
          );
          return rows.map(
            (r): EntityListItem => ({
              ...corpusEntity(r.record as Entity, articleIds.get(r.id as string)?.ids),
              articleCount: articleIds.get(r.id as string)?.count ?? 0,
              mentionCount: Number(r.mention_count),
              claimCount: Number(r.claim_count),
              aboutCount: Number(r.about_count),
            }),
          );
        });
      }),

    getEntityDetail: (id, limits = DEFAULT_DETAIL_LIMITS) =>
      within(async (client) => {
        const { rows } = await client.query(
          `SELECT record, mention_count, claim_count, about_count,
                  ARRAY(SELECT article_id FROM entity_records WHERE entity_id = $1
                         ORDER BY article_seq LIMIT ${MAX_ARTICLE_IDS}) AS article_ids,
                  (SELECT count(*) FROM entity_records WHERE entity_id = $1) AS article_count,
                  (SELECT count(*) FROM relations WHERE subject_id = $1 OR object_id = $1) AS relation_count
             FROM entities WHERE id = $1`,
          [id],
        );
        const row = rows[0];
        if (!row) return null;
        const mentionRows = await client.query(
          `SELECT m.record, m.article_id, b.record AS block, ${paragraphNumberOf('b')} AS paragraph
             FROM (SELECT * FROM mentions WHERE entity_id = $1 ORDER BY article_seq, start, ord LIMIT $2) m
             LEFT JOIN blocks b ON b.article_id = m.article_id AND b.id = m.block_id
            ORDER BY m.article_seq, m.start, m.ord`,
          [id, limits.mentionsLimit],
        );
        const mentions = mentionRows.rows.map((r) => {
          const mention = r.record as Mention;
          const block = r.block as Block | null;
          const offset = block?.start ?? mention.anchor.position.start;
          const highlight = {
            start: mention.anchor.position.start - offset,
            end: mention.anchor.position.end - offset,
          };
          return {
            ...mention,
            articleId: r.article_id as string,
            block: {
              id: mention.anchor.blockId,
              kind: block?.kind ?? ('paragraph' as const),
              index: block?.index ?? 0,
              paragraph: (r.paragraph as number | null) ?? null,
            },
            context: makeSnippet(block?.text ?? mention.anchor.quote.exact, [highlight], 240),
          };
        });
        const bySpeaker = await selectClaims(
          client,
          'speaker_id = $1',
          [id, limits.claimsLimit],
          'LIMIT $2',
        );
        const about = await selectClaims(
          client,
          'about_ids @> ARRAY[$1]',
          [id, limits.claimsLimit],
          'LIMIT $2',
        );
        const relationRows = await client.query(
          `SELECT record, article_id FROM relations WHERE subject_id = $1 OR object_id = $1
            ORDER BY article_seq, ord LIMIT $2`,
          [id, limits.relationsLimit],
        );
        const relations = relationsFrom(relationRows.rows);
        // The entities all three lists name, in one round trip.
        const ref = await refResolver(client, [
          ...claimRefIds(bySpeaker),
          ...claimRefIds(about),
          ...relationRefIds(relations),
        ]);
        return {
          entity: {
            ...corpusEntity(row.record as Entity, row.article_ids as string[] | null),
            articleCount: Number(row.article_count),
            mentionCount: Number(row.mention_count),
            claimCount: Number(row.claim_count),
            aboutCount: Number(row.about_count),
          },
          mentions,
          claimsBySpeaker: claimViewsWith(ref, bySpeaker),
          claimsAbout: claimViewsWith(ref, about),
          relations: relationViewsWith(ref, relations),
          totals: {
            mentions: Number(row.mention_count),
            claimsBySpeaker: Number(row.claim_count),
            claimsAbout: Number(row.about_count),
            relations: Number(row.relation_count),
          },
        };
      }),

    listClaims: (query) =>
      within((client) => {
        const { params, param } = sqlParameters();
        const where: string[] = [];
        if (query.articleId) where.push(`article_id = ${param(query.articleId)}`);
        if (query.speakerId) where.push(`speaker_id = ${param(query.speakerId)}`);
        if (query.aboutId) where.push(`about_ids @> ARRAY[${param(query.aboutId)}]`);
        if (query.kind) where.push(`kind = ANY(${param(query.kind)})`);
        if (query.modality) where.push(`modality = ANY(${param(query.modality)})`);
        if (query.text) where.push(`strpos(folded, ${param(fold(query.text))}) > 0`);
        if (query.channel) where.push(`record->'channel'->>'kind' = ANY(${param(query.channel)})`);
        if (query.outletId) where.push(`record->'channel'->>'outletId' = ${param(query.outletId)}`);
        if (query.review)
          where.push(`record->'provenance'->'review'->>'status' = ANY(${param(query.review)})`);
        const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
        // Filtered by kind and modality at most (the claims page's facets), the kept counts
        // give the total at once instead of counting tens of thousands of index entries.
        const byFacets =
          !query.articleId &&
          !query.speakerId &&
          !query.aboutId &&
          !query.text &&
          !query.channel &&
          !query.outletId &&
          !query.review;
        const sql = {
          select: 'record, article_id, article_seq, first_offset, ord',
          from: `claims ${filter}`,
          order: 'article_seq, first_offset, ord',
          ...(byFacets && {
            count: `SELECT coalesce(sum(claims), 0) AS total FROM claim_facets ${filter}`,
          }),
        };
        return pageOf(client, sql, params, query, (rows) => claimViews(client, claimsFrom(rows)));
      }),

    getClaimDetail: (id) =>
      within(async (client) => {
        const [claim] = await selectClaims(client, 'id = $1', [id]);
        if (!claim) return null;
        const inArticle = await selectClaims(client, 'article_id = $1', [claim.articleId]);
        const byId = new Map(inArticle.map((c) => [c.id, c]));
        const lookups = {
          claim: (claimId: string) => byId.get(claimId),
          continuationsOf: (claimId: string) => inArticle.filter((c) => c.continuesId === claimId),
        };
        const blockIds = [...new Set(claim.content.map((a) => a.blockId))];
        const blockRows = await client.query(
          `SELECT record, ${paragraphNumberOf('b')} AS paragraph
             FROM blocks b WHERE article_id = $1 AND id = ANY($2)`,
          [claim.articleId, blockIds],
        );
        const blocks = blockRows.rows
          .map((r) => ({
            ...(r.record as Block),
            paragraph: (r.paragraph as number | null) ?? null,
          }))
          .sort((a, b) => a.index - b.index);
        const linkRows = await client.query(
          'SELECT record, article_id FROM claim_links WHERE from_id = $1 OR to_id = $1 ORDER BY article_seq, ord',
          [id],
        );
        const links = linkRows.rows.map((r) => ({
          ...(r.record as ClaimLink),
          articleId: r.article_id as string,
        }));
        const others = await selectClaims(client, 'id = ANY($1)', [
          links.map((l) => (l.fromId === id ? l.toId : l.fromId)),
        ]);
        const otherById = new Map(others.map((c) => [c.id, c]));
        const parent = claim.parentId ? byId.get(claim.parentId) : undefined;
        const continues = claim.continuesId ? byId.get(claim.continuesId) : undefined;
        const children = inArticle.filter((c) => c.parentId === id);
        const chain = continuationChain(lookups, claim);
        const all = [claim, ...(parent ? [parent] : []), ...(continues ? [continues] : [])];
        const views = await claimViews(client, [...all, ...children, ...chain, ...others]);
        const viewOf = new Map(views.map((v) => [v.id, v]));
        const view = (c: InArticle<Claim>) => viewOf.get(c.id) as ClaimView;
        const ref = await refResolver(
          client,
          claim.channel.outletId ? [claim.channel.outletId] : [],
        );
        return {
          claim: view(claim),
          outlet: claim.channel.outletId ? ref(claim.channel.outletId) : null,
          blocks,
          parent: parent ? view(parent) : null,
          children: children.map(view),
          continues: continues ? view(continues) : null,
          chain: chain.map(view),
          links: links.flatMap((link) => {
            const direction = link.fromId === id ? ('outgoing' as const) : ('incoming' as const);
            const other = otherById.get(direction === 'outgoing' ? link.toId : link.fromId);
            return other ? [{ ...link, direction, other: view(other) }] : [];
          }),
        };
      }),

    listDisagreements: (query) =>
      within(async (client) => {
        const params: unknown[] = [query.kind];
        let where = 'kind = ANY($1)';
        if (query.articleId) {
          params.push(query.articleId);
          where += ' AND article_id = $2';
        }
        const { rows } = await client.query(
          `SELECT record, article_id FROM claim_links WHERE ${where} ORDER BY article_seq, ord`,
          params,
        );
        const links = rows.map((r) => ({
          ...(r.record as ClaimLink),
          articleId: r.article_id as string,
        }));
        const claims = await selectClaims(client, 'id = ANY($1)', [
          links.flatMap((l) => [l.fromId, l.toId]),
        ]);
        const views = new Map((await claimViews(client, claims)).map((v) => [v.id, v]));
        return links.flatMap((link) => {
          const from = views.get(link.fromId);
          const to = views.get(link.toId);
          return from && to ? [{ ...link, from, to }] : [];
        });
      }),

    listRelations: (query) =>
      within((client) => {
        const { params, param } = sqlParameters();
        const where: string[] = [];
        if (query.entityId) {
          const e = param(query.entityId);
          where.push(`(subject_id = ${e} OR object_id = ${e})`);
        }
        if (query.predicate) where.push(`predicate = ANY(${param(query.predicate)})`);
        if (query.articleId) where.push(`article_id = ${param(query.articleId)}`);
        if (query.review)
          where.push(`record->'provenance'->'review'->>'status' = ANY(${param(query.review)})`);
        const sql = {
          select: 'record, article_id, article_seq, ord',
          from: `relations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
          order: 'article_seq, ord',
        };
        return pageOf(client, sql, params, query, (rows) =>
          relationViews(client, relationsFrom(rows)),
        );
      }),

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
          if (m.type === 'entity') {
            const entity = m.record as unknown as Entity;
            const texts = [entity.name, ...entity.aliases.map((a) => a.name), entity.description];
            return [
              {
                type: 'entity',
                ...base,
                name: entity.name,
                kind: entity.kind,
                snippet: snippetOf(texts, matched),
              },
            ];
          }
          if (m.type === 'claim') {
            const claim = m.record as unknown as Claim;
            const texts = [claimText(claim), claim.statement];
            return [
              {
                type: 'claim',
                ...base,
                kind: claim.kind,
                speaker: m.speaker ?? {
                  id: claim.speakerId,
                  name: claim.speakerId,
                  kind: 'unnamed_group',
                },
                snippet: snippetOf(texts, matched),
              },
            ];
          }
          const block = m.record as unknown as Block;
          return [
            {
              type: 'paragraph',
              ...base,
              index: block.index,
              paragraph: paragraphs.get(`${m.article_id}\u0000${m.id}`) ?? null,
              headline: m.headline ?? '',
              snippet: snippetOf([block.text], matched),
            },
          ];
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

    stats: (query) =>
      within(async (client) => {
        const a = query.articleId ?? null;
        const byKey = async (sql: string) => {
          const { rows } = await client.query<{ key: string; n: string }>(sql, [a]);
          return rows;
        };
        const entityRows = await byKey(
          'SELECT kind AS key, count(*) AS n FROM entities WHERE $1::text IS NULL OR id IN (SELECT entity_id FROM entity_records WHERE article_id = $1) GROUP BY kind',
        );
        const claimKinds = await byKey(
          'SELECT kind AS key, count(*) AS n FROM claims WHERE $1::text IS NULL OR article_id = $1 GROUP BY kind',
        );
        const modalities = await byKey(
          'SELECT modality AS key, count(*) AS n FROM claims WHERE $1::text IS NULL OR article_id = $1 GROUP BY modality',
        );
        const predicates = await byKey(
          'SELECT predicate AS key, count(*) AS n FROM relations WHERE $1::text IS NULL OR article_id = $1 GROUP BY predicate',
        );
        const linkKinds = await byKey(
          'SELECT kind AS key, count(*) AS n FROM claim_links WHERE $1::text IS NULL OR article_id = $1 GROUP BY kind',
        );
        const [mentions] = await byKey(
          "SELECT '' AS key, count(*) AS n FROM mentions WHERE $1::text IS NULL OR article_id = $1",
        );
        const [articles] = await byKey(
          "SELECT '' AS key, count(*) AS n FROM articles WHERE $1::text IS NULL OR id = $1",
        );
        const speakers = await client.query(
          `SELECT c.speaker_id, count(*)::int AS n, coalesce(e.name, c.speaker_id) AS name
             FROM claims c LEFT JOIN entities e ON e.id = c.speaker_id
            WHERE $1::text IS NULL OR c.article_id = $1
            GROUP BY c.speaker_id, e.name ORDER BY n DESC, name ${ICU} LIMIT $2`,
          [a, query.topSpeakers],
        );
        const ref = await refResolver(
          client,
          speakers.rows.map((r) => r.speaker_id as string),
        );
        const expand = <K extends string>(
          vocabulary: readonly K[],
          rows: { key: string; n: string }[],
        ) => {
          const counts = tally(vocabulary, []);
          for (const row of rows) counts[row.key as K] = Number(row.n);
          return counts;
        };
        const sum = (rows: { n: string }[]) => rows.reduce((s, r) => s + Number(r.n), 0);
        return {
          articles: Number(articles?.n ?? 0),
          entities: {
            total: sum(entityRows),
            byKind: expand(EntityKindSchema.options, entityRows),
          },
          mentions: Number(mentions?.n ?? 0),
          claims: {
            total: sum(claimKinds),
            byKind: expand(ClaimKindSchema.options, claimKinds),
            byModality: expand(ModalitySchema.options, modalities),
          },
          relations: {
            total: sum(predicates),
            byPredicate: expand(PredicateSchema.options, predicates),
          },
          claimLinks: {
            total: sum(linkKinds),
            byKind: expand(ClaimLinkKindSchema.options, linkKinds),
          },
          topSpeakers: speakers.rows.map((r) => ({
            speaker: ref(r.speaker_id as string),
            claimCount: Number(r.n),
          })),
        };
      }),

    counts: () =>
      within(async (client) => {
        const { rows } = await client.query(`SELECT
          (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM entities) AS entities,
          (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM claims) AS claims,
          (SELECT count(*) FROM claim_links) AS claim_links, (SELECT count(*) FROM relations) AS relations`);
        const r = rows[0] ?? {};
        return {
          articles: Number(r.articles),
          entities: Number(r.entities),
          mentions: Number(r.mentions),
          claims: Number(r.claims),
          claimLinks: Number(r.claim_links),
          relations: Number(r.relations),
        };
      }),
  });

  /**
   * A request's snapshot: one pooled connection in one REPEATABLE READ READ ONLY transaction,
   * begun by the first read, so every later read sees the same state whatever commits meanwhile.
   * Reads share the connection (pg queues their statements). A failed read aborts the transaction:
   * the next reads get a new one on the same connection (the request carries an error anyway).
   * `release` waits for reads in flight, ends the transaction and returns the connection; a read
   * after it runs in its own transaction.
   */
  const openSnapshot = (): StoreSnapshot => {
    let client: Client | null = null;
    let ready: Promise<Client> | null = null;
    let released = false;
    const inFlight = new Set<Promise<void>>();
    const begin = async () => {
      client ??= await pool.connect();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return client;
    };
    const restart = async () => {
      if (!client) return begin();
      await client.query('ROLLBACK');
      return begin();
    };
    const within = <T>(read: (client: Client) => Promise<T>): Promise<T> => {
      if (released) return inTransaction(read);
      ready ??= begin();
      const result = ready.then(read);
      const settled = result.then(
        () => undefined,
        async () => {
          if (released) return;
          ready = restart();
          await ready.catch(() => undefined);
        },
      );
      inFlight.add(settled);
      void settled.finally(() => inFlight.delete(settled));
      return result;
    };
    return {
      ...readerOver(within, within),
      release: async () => {
        if (released) return;
        released = true;
        while (inFlight.size > 0) await Promise.all(inFlight);
        await ready?.catch(() => undefined);
        const connection = client;
        client = null;
        if (!connection) return;
        try {
          await connection.query('COMMIT');
          connection.release();
        } catch (error) {
          connection.release(error as Error);
        }
      },
    };
  };

  /**
   * Imports documents in one transaction under the import lock, each inside its own savepoint:
   * a rejected document is rolled back alone, and a crash leaves the batch out whole. One
   * transaction saves each document its own BEGIN, lock and COMMIT round trips.
   */
  const importBatch = async (
    documents: readonly ArticleDocument[],
    options?: ImportOptions,
  ): Promise<(StoredDocument | DocumentConflictError)[]> => {
    if (documents.length === 0) return [];
    const client = await pool.connect();
    const results: (StoredDocument | DocumentConflictError)[] = [];
    let changed: string | null = null;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      // A conflict is found before anything of the document is written or counted.
      const counts = new CountChanges();
      for (const document of documents) {
        await client.query('SAVEPOINT document');
        // The document's changes to the kept counts join the batch's only if it is stored.
        const own: [CountedRows, 1 | -1][] = [];
        const recorder = {
          add: (rows: CountedRows, sign: 1 | -1) => {
            own.push([rows, sign]);
          },
        };
        try {
          const { generation, ...stored } = await importInTransaction(
            client,
            document,
            recorder,
            options,
          );
          await client.query('RELEASE SAVEPOINT document');
          for (const [rows, sign] of own) counts.add(rows, sign);
          if (generation) changed = generation;
          results.push(stored);
        } catch (error) {
          // Any failure of one document (a conflict, or text the database refuses) is its own.
          await client.query('ROLLBACK TO SAVEPOINT document');
          if (!(error instanceof DocumentConflictError))
            console.error(
              `import of article "${document.article.id}" failed: ${error instanceof Error ? error.stack : String(error)}`,
            );
          results.push(
            error instanceof DocumentConflictError
              ? error
              : new DocumentStoreError(document.article.id, error),
          );
        }
      }
      await counts.write(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (changed) setGeneration(changed);
    return results;
  };

  const store: PostgresStore = {
    ...readerOver(inTransaction, (read) => read(pool)),
    snapshot: openSnapshot,
    poolStatus: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),

    importDocument: async (document, options) => {
      const [result] = await importBatch([document], options);
      if (result instanceof DocumentConflictError) throw result;
      return result as StoredDocument; // one document in, one result out
    },
    importDocuments: (documents) => importBatch(documents),
    accounts: postgresAccountStore(pool),
    drafts: postgresDraftStore(pool),

    generation: () => generation,
    onChange: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    close: async () => {
      listener.release();
      await pool.end();
    },
  };
  return store;
}

/** What the entities and search_entries rows of merged entities hold (the record without articleIds). */
function entityPayload(e: Entity, firstArticleId: string) {
  return {
    record: e,
    first: firstArticleId,
    folded: fold([e.name, e.description, ...e.aliases.map((a) => a.name)].join('\n')),
    names: fold([e.name, ...e.aliases.map((a) => a.name)].join('\n')),
    a: searchText(e.name),
    b: searchText(e.aliases.map((a) => a.name).join(' ')),
    c: searchText(e.description),
  };
}

type EntityPayload = ReturnType<typeof entityPayload> & {
  mentions: number;
  claims: number;
  about: number;
  /** The search entry must be (re)written: a new entity, or new aliases. */
  searchable: boolean;
};

const TABLE_OF: Record<(typeof UNIQUE_COLLECTIONS)[number], string> = {
  mentions: 'mentions',
  claims: 'claims',
  claimLinks: 'claim_links',
  relations: 'relations',
};

/**
 * Everything an import must know before writing, in one statement: the current version, the
 * records of other articles that hold this document's ids, the kind each entity already has, and
 * the corpus rows of its entities. Runs after the import lock, so it sees every finished import.
 */
const PROBE_SQL = `SELECT
  (SELECT row_to_json(x) FROM (SELECT a.seq, a.current_version, v.content_sha256 FROM articles a
     JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = $1) x) AS current,
  (SELECT coalesce(json_agg(o), '[]') FROM (
     ${UNIQUE_COLLECTIONS.map(
       (collection, i) =>
         `SELECT '${collection}' AS collection, id, article_id FROM ${TABLE_OF[collection]} WHERE id = ANY($${i + 2}) AND article_id <> $1`,
     ).join(' UNION ALL ')}) o) AS owners,
  (SELECT coalesce(json_agg(k), '[]') FROM (
     SELECT e.id AS entity_id, r.kind, r.article_id FROM unnest($6::text[]) e(id)
       CROSS JOIN LATERAL (SELECT kind, article_id FROM entity_records
                            WHERE entity_id = e.id AND article_id <> $1 ORDER BY article_seq LIMIT 1) r) k) AS kinds,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT id, record, first_article_id, mention_count, claim_count, about_count
       FROM entities WHERE id = ANY($6)) x) AS entities`;

/**
 * What a statement that writes or deletes an article's rows reports for the kept counts: the
 * entries that `s` (claim and paragraph search entries) holds, per type and per lexeme, and the
 * claims that `c` holds, per kind and modality.
 */
const COUNTED_ROWS = `(SELECT coalesce(json_agg(json_build_array(type, lexeme, n)), '[]')
    FROM (SELECT s.type, w.lexeme, count(*) AS n FROM s, unnest(s.tsv) w GROUP BY 1, 2) x) AS lexemes,
  (SELECT coalesce(json_agg(json_build_array(type, n)), '[]')
    FROM (SELECT type, count(*) AS n FROM s GROUP BY type) x) AS entries,
  (SELECT coalesce(json_agg(json_build_array(kind, modality, n)), '[]')
    FROM (SELECT kind, modality, count(*) AS n FROM c GROUP BY 1, 2) x) AS facets`;

/**
 * Writes the article, its version and all its rows in one statement; with `entities`, also the
 * corpus rows and search entries of its entities (a new article: they are merged in JavaScript).
 */
const WRITE_SQL = `WITH
art AS (INSERT INTO articles (id, current_version, summary) VALUES ($1, $2, $3)
        ON CONFLICT (id) DO UPDATE SET current_version = $2, summary = $3 RETURNING seq),
ver AS (INSERT INTO article_versions (article_id, version, content_sha256, text_sha256, imported_at, document)
        VALUES ($1, $2, $4, $5, now(), $6)),
doc AS (SELECT $7::jsonb AS d),
blk AS (INSERT INTO blocks (article_id, id, record)
        SELECT $1, r->>'id', r FROM doc, jsonb_array_elements(d->'blocks') r),
rec AS (INSERT INTO entity_records (entity_id, article_id, article_seq, kind, record)
        SELECT r->>'id', $1, art.seq, r->>'kind', r FROM art, doc, jsonb_array_elements(d->'entities') r),
men AS (INSERT INTO mentions (id, article_id, article_seq, ord, entity_id, start, block_id, record)
        SELECT r->>'id', $1, art.seq, o, r->>'entityId', (r->'anchor'->'position'->>'start')::int, r->'anchor'->>'blockId', r
          FROM art, doc, jsonb_array_elements(d->'mentions') WITH ORDINALITY AS t(r, o)),
c AS (INSERT INTO claims (id, article_id, article_seq, ord, first_offset, speaker_id, kind, modality,
                            parent_id, continues_id, about_ids, folded, record)
        SELECT r->'record'->>'id', $1, art.seq, o, (r->>'firstOffset')::int, r->'record'->>'speakerId',
               r->'record'->>'kind', r->'record'->>'modality', r->'record'->>'parentId', r->'record'->>'continuesId',
               ARRAY(SELECT jsonb_array_elements_text(r->'record'->'aboutIds')), r->>'folded', r->'record'
          FROM art, doc, jsonb_array_elements(d->'claims') WITH ORDINALITY AS t(r, o)
        RETURNING kind, modality),
lnk AS (INSERT INTO claim_links (id, article_id, article_seq, ord, kind, from_id, to_id, record)
        SELECT r->>'id', $1, art.seq, o, r->>'kind', r->>'fromId', r->>'toId', r
          FROM art, doc, jsonb_array_elements(d->'claimLinks') WITH ORDINALITY AS t(r, o)),
rel AS (INSERT INTO relations (id, article_id, article_seq, ord, subject_id, object_id, predicate, record)
        SELECT r->>'id', $1, art.seq, o, r->>'subjectId', r->>'objectId', r->>'predicate', r
          FROM art, doc, jsonb_array_elements(d->'relations') WITH ORDINALITY AS t(r, o)),
ent AS (INSERT INTO entities (id, kind, name, first_article_id, folded, names, record, mention_count, claim_count, about_count)
        SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name', r->>'first', r->>'folded', r->>'names',
               r->'record', (r->>'mentions')::int, (r->>'claims')::int, (r->>'about')::int
          FROM doc, jsonb_array_elements(d->'corpusEntities') r
        ON CONFLICT (id) DO UPDATE SET folded = excluded.folded, names = excluded.names, record = excluded.record,
          mention_count = excluded.mention_count, claim_count = excluded.claim_count, about_count = excluded.about_count),
s AS (INSERT INTO search_entries (type, id, article_id, bucket, boost, tsv)
         SELECT r->>'type', r->>'id', $1, art.seq / ${SEARCH_BUCKET_ARTICLES},
                CASE r->>'type' WHEN 'claim' THEN ${TYPE_BOOST.claim} ELSE ${TYPE_BOOST.paragraph} END,
                setweight(to_tsvector('simple', r->>'c'), 'C') || setweight(to_tsvector('simple', r->>'d'), 'D')
           FROM art, doc, jsonb_array_elements(d->'entries') r
         RETURNING type, tsv),
esrch AS (INSERT INTO search_entries (type, id, article_id, boost, tsv)
          SELECT 'entity', r->'record'->>'id', r->>'first', ${TYPE_BOOST.entity},
                 setweight(to_tsvector('simple', r->>'a'), 'A') || setweight(to_tsvector('simple', r->>'b'), 'B')
                 || setweight(to_tsvector('simple', r->>'c'), 'C')
            FROM doc, jsonb_array_elements(d->'corpusEntities') r WHERE (r->>'searchable')::boolean
          ON CONFLICT (type, id, article_id) DO UPDATE SET tsv = excluded.tsv),
gen AS (UPDATE store_meta SET generation = generation + 1 RETURNING generation)
SELECT art.seq, gen.generation::text AS generation, pg_notify('${CHANGES_CHANNEL}', gen.generation::text),
  ${COUNTED_ROWS} FROM art, gen`;

/** What a statement that wrote or deleted an article's rows returns about them (see COUNTED_ROWS). */
interface CountedRows {
  lexemes: [type: string, lexeme: string, entries: number][];
  entries: [type: string, entries: number][];
  facets: [kind: string, modality: string, claims: number][];
}

/** Counts by a pair of keys, added up in memory, then added to a table's rows in one upsert. */
class PairCounts {
  private readonly counts = new Map<string, number>();

  add(first: string, second: string, n: number): void {
    const key = `${first}\u0000${second}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  /** Adds the counts to `table`: its primary key is the first two `columns`, the third holds the count. */
  async addTo(client: Client, table: string, [a, b, count]: [string, string, string]) {
    const changed = [...this.counts].filter(([, n]) => n !== 0);
    if (changed.length === 0) return;
    const keys = changed.map(([key]) => key.split('\u0000'));
    await client.query(
      `INSERT INTO ${table} (${a}, ${b}, ${count}) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
       ON CONFLICT (${a}, ${b}) DO UPDATE SET ${count} = ${table}.${count} + excluded.${count}`,
      [keys.map(([first]) => first), keys.map(([, second]) => second), changed.map(([, n]) => n)],
    );
  }
}

/**
 * The changes to the kept counts (`search_lexemes`, `search_totals` and `claim_facets`) that a
 * batch of imports makes, added up in memory and written once before it commits: updating the
 * same rows once per document of one transaction would leave a chain of row versions that every
 * later update walks.
 */
class CountChanges {
  private readonly lexemes = new PairCounts();
  private readonly entries = new Map<string, number>();
  private readonly facets = new PairCounts();

  add(counts: CountedRows, sign: 1 | -1): void {
    for (const [type, lexeme, n] of counts.lexemes) this.lexemes.add(type, lexeme, sign * n);
    for (const [type, n] of counts.entries)
      this.entries.set(type, (this.entries.get(type) ?? 0) + sign * n);
    for (const [kind, modality, n] of counts.facets) this.facets.add(kind, modality, sign * n);
  }

  async write(client: Client): Promise<void> {
    await this.lexemes.addTo(client, 'search_lexemes', ['type', 'lexeme', 'entries']);
    const types = [...this.entries].filter(([, n]) => n !== 0);
    if (types.length > 0)
      await client.query(
        `UPDATE search_totals n SET entries = n.entries + c.entries
           FROM unnest($1::text[], $2::int[]) c(type, entries) WHERE n.type = c.type`,
        [types.map(([type]) => type), types.map(([, n]) => n)],
      );
    await this.facets.addTo(client, 'claim_facets', ['kind', 'modality', 'claims']);
  }
}

/**
 * One document, in the caller's transaction and under its import lock: all its rows, or (on any
 * error) none once the caller rolls back.
 */
async function importInTransaction(
  client: Client,
  document: ArticleDocument,
  counts: Pick<CountChanges, 'add'>,
  { expectedVersion }: ImportOptions = {},
) {
  const articleId = document.article.id;
  const contentSha256 = contentDigest(document);
  const probe = (
    await client.query<{
      current: { seq: string; current_version: number; content_sha256: string } | null;
      owners: { collection: string; id: string; article_id: string }[];
      kinds: { entity_id: string; kind: EntityKind; article_id: string }[];
      entities: {
        id: string;
        record: Entity;
        first_article_id: string;
        mention_count: number;
        claim_count: number;
        about_count: number;
      }[];
    }>(PROBE_SQL, [
      articleId,
      ...UNIQUE_COLLECTIONS.map((collection) => document[collection].map((r) => r.id)),
      document.entities.map((e) => e.id),
    ])
  ).rows[0];
  const current = probe?.current ?? null;
  // Under the import lock: no other server can store a version between this check and COMMIT.
  if (expectedVersion !== undefined && (current?.current_version ?? null) !== expectedVersion)
    throw new StaleVersionError(articleId, expectedVersion, current?.current_version ?? null);
  if (current?.content_sha256 === contentSha256)
    return {
      articleId,
      status: 'unchanged' as const,
      version: current.current_version,
      generation: null,
    };

  // Conflicts with other articles, checked under the import lock so no import can slip between.
  const owners = new Map<string, string>();
  for (const row of probe?.owners ?? [])
    owners.set(`${row.collection}\u0000${row.id}`, row.article_id);
  const kinds = new Map<string, { kind: EntityKind; articleId: string }>();
  for (const row of probe?.kinds ?? [])
    kinds.set(row.entity_id, { kind: row.kind, articleId: row.article_id });
  const issues = findConflicts(document, {
    ownerOf: (collection, id) => owners.get(`${collection}\u0000${id}`),
    kindOf: (entityId) => kinds.get(entityId),
  });
  if (issues.length > 0) throw new DocumentConflictError(articleId, issues);

  const version = (current?.current_version ?? 0) + 1;
  const {
    text: _text,
    blocks: _blocks,
    provenance: _provenance,
    textSha256: _sha,
    ...rest
  } = document.article;
  const summary = { ...rest, counts: countsOf(document) };

  let previousEntities: string[] = [];
  if (current) {
    // A new version replaces every row of the article: drop the old ones first.
    const previous = await client.query<CountedRows & { entities: string[] }>(
      `WITH gone AS (DELETE FROM entity_records WHERE article_id = $1 RETURNING entity_id),
       b AS (DELETE FROM blocks WHERE article_id = $1), m AS (DELETE FROM mentions WHERE article_id = $1),
       c AS (DELETE FROM claims WHERE article_id = $1 RETURNING kind, modality),
       l AS (DELETE FROM claim_links WHERE article_id = $1),
       r AS (DELETE FROM relations WHERE article_id = $1),
       s AS (DELETE FROM search_entries WHERE article_id = $1 AND type <> 'entity' RETURNING type, tsv)
       SELECT (SELECT coalesce(array_agg(entity_id), '{}') FROM gone) AS entities, ${COUNTED_ROWS}`,
      [articleId],
    );
    const [gone] = previous.rows;
    previousEntities = gone?.entities ?? [];
    if (gone) counts.add(gone, -1);
  }

  const rows = {
    blocks: document.article.blocks,
    entities: document.entities,
    mentions: document.mentions,
    claims: document.claims.map((claim) => ({
      record: claim,
      firstOffset: firstOffset(claim),
      folded: fold(`${claimText(claim)}\n${claim.statement}`),
    })),
    claimLinks: document.claimLinks,
    relations: document.relations,
    entries: [
      ...document.claims.map((claim) => ({
        type: 'claim',
        id: claim.id,
        c: searchText(claimText(claim)),
        d: searchText(claim.statement),
      })),
      ...document.article.blocks
        .filter((b) => b.kind === 'paragraph')
        .map((block) => ({ type: 'paragraph', id: block.id, c: searchText(block.text), d: '' })),
    ],
    // A new article comes last in corpus order, so its records merge onto the existing rows; a
    // new version of an article recomputes the rows of the entities it touches afterwards.
    corpusEntities: current ? [] : appendedEntities(document, probe?.entities ?? []),
  };
  const written = await client.query<CountedRows & { seq: string; generation: string }>(WRITE_SQL, [
    articleId,
    version,
    summary,
    contentSha256,
    document.article.textSha256,
    JSON.stringify(document),
    JSON.stringify(rows),
  ]);
  const [row] = written.rows;
  if (row) counts.add(row, 1);
  if (current)
    await refreshEntities(client, [
      ...new Set([...previousEntities, ...document.entities.map((e) => e.id)]),
    ]);
  return {
    articleId,
    status: current ? ('updated' as const) : ('created' as const),
    version,
    generation: String(written.rows[0]?.generation),
  };
}

/**
 * The corpus rows of a newly created article's entities (it is the last in corpus order): new
 * aliases are appended and its own mentions and claims are added to the counts. The cost depends
 * on this document, not on the size of the corpus (the list of an entity's articles is not kept
 * on the row: it is read from entity_records).
 */
function appendedEntities(
  document: ArticleDocument,
  existingRows: {
    id: string;
    record: Entity;
    first_article_id: string;
    mention_count: number;
    claim_count: number;
    about_count: number;
  }[],
): EntityPayload[] {
  const articleId = document.article.id;
  const known = new Map(existingRows.map((r) => [r.id, r]));
  const count = new Map<string, { mentions: number; claims: number; about: number }>(
    document.entities.map((e) => [e.id, { mentions: 0, claims: 0, about: 0 }]),
  );
  for (const m of document.mentions) {
    const c = count.get(m.entityId);
    if (c) c.mentions += 1;
  }
  for (const claim of document.claims) {
    const c = count.get(claim.speakerId);
    if (c) c.claims += 1;
    for (const id of new Set(claim.aboutIds)) {
      const a = count.get(id);
      if (a) a.about += 1;
    }
  }
  return document.entities.map((entity) => {
    const existing = known.get(entity.id);
    const own = count.get(entity.id) ?? { mentions: 0, claims: 0, about: 0 };
    let record: Entity = entity;
    let searchable = true;
    if (existing) {
      const { articleIds: _stale, ...kept } = existing.record as CorpusEntity;
      const names = new Set([kept.name, ...kept.aliases.map((a) => a.name)]);
      const added = entity.aliases.filter((a) => !names.has(a.name));
      record = added.length ? { ...kept, aliases: [...kept.aliases, ...added] } : kept;
      searchable = added.length > 0;
    }
    return {
      ...entityPayload(record, existing?.first_article_id ?? articleId),
      mentions: (existing?.mention_count ?? 0) + own.mentions,
      claims: (existing?.claim_count ?? 0) + own.claims,
      about: (existing?.about_count ?? 0) + own.about,
      searchable,
    };
  });
}

/** Recomputes the corpus-wide row, counts and search entry of each entity id from its article records. */
async function refreshEntities(client: Client, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query(
    'SELECT entity_id, article_id, record FROM entity_records WHERE entity_id = ANY($1) ORDER BY entity_id, article_seq',
    [ids],
  );
  const byEntity = new Map<string, { article_id: string; record: Entity }[]>();
  for (const row of rows) {
    const list = byEntity.get(row.entity_id) ?? [];
    list.push({ article_id: row.article_id, record: row.record });
    byEntity.set(row.entity_id, list);
  }
  const merged = ids.flatMap((id) => mergeEntity(byEntity.get(id) ?? []) ?? []);
  await client.query('DELETE FROM entities WHERE id = ANY($1)', [ids]);
  await client.query("DELETE FROM search_entries WHERE type = 'entity' AND id = ANY($1)", [ids]);
  if (merged.length === 0) return;
  const payload = merged.map(({ articleIds, ...record }) =>
    entityPayload(record, articleIds[0] as string),
  );
  await client.query(
    `WITH p AS (SELECT r FROM jsonb_array_elements($1::jsonb) r),
     e AS (INSERT INTO entities (id, kind, name, first_article_id, folded, names, record, mention_count, claim_count, about_count)
       SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name', r->>'first', r->>'folded', r->>'names', r->'record',
              (SELECT count(*) FROM mentions m WHERE m.entity_id = r->'record'->>'id'),
              (SELECT count(*) FROM claims c WHERE c.speaker_id = r->'record'->>'id'),
              (SELECT count(*) FROM claims c WHERE c.about_ids @> ARRAY[r->'record'->>'id'])
         FROM p)
     INSERT INTO search_entries (type, id, article_id, boost, tsv)
     SELECT 'entity', r->'record'->>'id', r->>'first', ${TYPE_BOOST.entity},
            setweight(to_tsvector('simple', r->>'a'), 'A') || setweight(to_tsvector('simple', r->>'b'), 'B')
            || setweight(to_tsvector('simple', r->>'c'), 'C')
       FROM p`,
    [JSON.stringify(payload)],
  );
}
