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
import { type Page, paginate } from '../../pagination.js';
import { type ArticleSummary, countsOf } from '../../queries/articles.js';
import { continuationChain } from '../../queries/claims.js';
import { DEFAULT_DETAIL_LIMITS, type EntityListItem } from '../../queries/entities.js';
import { type SearchHit, snippetOf } from '../../queries/search.js';
import { tally } from '../../queries/stats.js';
import { makeSnippet } from '../../snippet.js';
import { type ClaimView, claimText, type EntityRef, fold } from '../../views.js';
import type { ClaimStore, CorpusEntity, InArticle, SearchableType } from '../claim-store.js';
import { DocumentConflictError, findConflicts, UNIQUE_COLLECTIONS } from '../conflicts.js';
import { contentDigest } from '../memory-store.js';
import { normalizeTerm, TOKEN_PATTERN } from '../search-index.js';
import { applyMigrations } from './migrations.js';

type Client = pg.PoolClient;
type Row = Record<string, unknown>;

export interface PostgresStoreOptions {
  connectionString: string;
  /** Apply pending migrations on open (default true); otherwise run `migrate` first. */
  migrate?: boolean;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

const CHANGES_CHANNEL = 'claimscope_changes';
const IMPORT_LOCK = 7301002;
const TYPE_BOOST: Record<SearchableType, number> = { entity: 1.5, claim: 1, paragraph: 0.7 };
/** ts_rank weights for D, C, B, A: summary, text, aliases, name (as the in-memory index boosts them). */
const RANK_WEIGHTS = '{0.2, 0.25, 0.75, 1.0}';
const ICU = 'COLLATE "en-x-icu"';

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

/** The words of `texts` that a query term matches (whole word, or prefix for 3+ letters). */
function matchedTerms(texts: string[], terms: string[]): string[] {
  const matched = new Set<string>();
  for (const text of texts)
    for (const m of text.matchAll(TOKEN_PATTERN)) {
      const word = normalizeTerm(m[0]);
      if (word && terms.some((t) => word === t || (t.length >= 3 && word.startsWith(t))))
        matched.add(word);
    }
  return [...matched];
}

/** Text for to_tsvector: folded like the query, so "Maqdisī" and "Maqdisi" meet. */
const searchText = (text: string) =>
  [...text.matchAll(TOKEN_PATTERN)].flatMap((m) => normalizeTerm(m[0]) ?? []).join(' ');

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

/**
 * A ClaimStore in PostgreSQL: normalized tables for the current version of each article, every
 * version kept as imported, full-text search with tsvector and ts_rank. Each read runs in one
 * REPEATABLE READ READ ONLY transaction, so it sees one snapshot; each import is one transaction.
 * Several API servers can share the database: imports bump a generation and NOTIFY the others.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<ClaimStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
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

  const snapshot = async <T>(read: (client: Client) => Promise<T>): Promise<T> => {
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

  const claimViews = async (client: Client, claims: InArticle<Claim>[]): Promise<ClaimView[]> => {
    const ref = await refResolver(
      client,
      claims.flatMap((c) => [c.speakerId, ...c.aboutIds]),
    );
    return claims.map((claim) => ({
      ...claim,
      text: claimText(claim),
      speaker: ref(claim.speakerId),
      about: claim.aboutIds.map(ref),
    }));
  };
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
  const pageOf = async <T>(
    client: Client,
    sql: string,
    params: unknown[],
    page: { cursor?: number | null; limit: number },
    toItems: (rows: Row[]) => Promise<T[]>,
  ): Promise<Page<T>> => {
    const offset = page.cursor ?? 0;
    // The count and the page apart: a window count would fetch every match before the LIMIT.
    const counted = await client.query(`SELECT count(*) AS total FROM (${sql}) matches`, params);
    const total = Number(counted.rows[0]?.total ?? 0);
    const { rows } = await client.query(`${sql} LIMIT ${page.limit} OFFSET ${offset}`, params);
    const items = await toItems(rows);
    // Reuse the cursor encoding of the in-memory pages: a page of `total` starting at `offset`.
    const placeholder = paginate(new Array(total).fill(null), page, () => null);
    return { items, nextCursor: placeholder.nextCursor, total };
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

  const relationViews = async (client: Client, relations: InArticle<Relation>[]) => {
    const ref = await refResolver(
      client,
      relations.flatMap((r) => [r.subjectId, r.objectId]),
    );
    return relations.map((r) => ({ ...r, subject: ref(r.subjectId), object: ref(r.objectId) }));
  };
  const relationsFrom = (rows: Row[]) =>
    rows.map((r) => ({ ...(r.record as Relation), articleId: r.article_id as string }));

  const store: ClaimStore = {
    listArticles: (query) =>
      snapshot((client) =>
        pageOf(
          client,
          'SELECT summary, seq FROM articles ORDER BY seq',
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
      snapshot(async (client) => {
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

    exportArticle: (id, version) => snapshot((client) => documentAt(client, id, version)),

    versions: (articleId) =>
      snapshot(async (client) => {
        const { rows } = await client.query(
          `SELECT v.version, v.content_sha256, v.text_sha256, v.imported_at, a.current_version
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
        }));
      }),

    listEntities: (query) =>
      snapshot((client) => {
        const params: unknown[] = [];
        const where: string[] = [];
        const param = (value: unknown) => {
          params.push(value);
          return `$${params.length}`;
        };
        if (query.kind) where.push(`kind = ANY(${param(query.kind)})`);
        if (query.text) where.push(`strpos(folded, ${param(fold(query.text))}) > 0`);
        let counts = 'mention_count, claim_count, about_count';
        if (query.articleId) {
          const a = param(query.articleId);
          where.push(`${a} = ANY(article_ids)`);
          counts = `(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.article_id = ${a})::int AS mention_count,
            (SELECT count(*) FROM claims c WHERE c.speaker_id = e.id AND c.article_id = ${a})::int AS claim_count,
            (SELECT count(*) FROM claims c WHERE c.about_ids @> ARRAY[e.id] AND c.article_id = ${a})::int AS about_count`;
        }
        const order =
          query.sort === 'name'
            ? `name ${ICU}, id ${ICU}`
            : `mention_count DESC, name ${ICU}, id ${ICU}`;
        const sql = `SELECT * FROM (SELECT id, name, record, ${counts} FROM entities e
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) counted ORDER BY ${order}`;
        return pageOf(client, sql, params, query, async (rows) =>
          rows.map(
            (r): EntityListItem => ({
              ...(r.record as CorpusEntity),
              mentionCount: Number(r.mention_count),
              claimCount: Number(r.claim_count),
              aboutCount: Number(r.about_count),
            }),
          ),
        );
      }),

    getEntityDetail: (id, limits = DEFAULT_DETAIL_LIMITS) =>
      snapshot(async (client) => {
        const { rows } = await client.query(
          `SELECT record, mention_count, claim_count, about_count,
                  (SELECT count(*) FROM relations WHERE subject_id = $1 OR object_id = $1) AS relation_count
             FROM entities WHERE id = $1`,
          [id],
        );
        const row = rows[0];
        if (!row) return null;
        const mentionRows = await client.query(
          `SELECT m.record, m.article_id, b.record AS block
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
        return {
          entity: {
            ...(row.record as CorpusEntity),
            mentionCount: Number(row.mention_count),
            claimCount: Number(row.claim_count),
            aboutCount: Number(row.about_count),
          },
          mentions,
          claimsBySpeaker: await claimViews(client, bySpeaker),
          claimsAbout: await claimViews(client, about),
          relations: await relationViews(client, relationsFrom(relationRows.rows)),
          totals: {
            mentions: Number(row.mention_count),
            claimsBySpeaker: Number(row.claim_count),
            claimsAbout: Number(row.about_count),
            relations: Number(row.relation_count),
          },
        };
      }),

    listClaims: (query) =>
      snapshot((client) => {
        const params: unknown[] = [];
        const where: string[] = [];
        const param = (value: unknown) => {
          params.push(value);
          return `$${params.length}`;
        };
        if (query.articleId) where.push(`article_id = ${param(query.articleId)}`);
        if (query.speakerId) where.push(`speaker_id = ${param(query.speakerId)}`);
        if (query.aboutId) where.push(`about_ids @> ARRAY[${param(query.aboutId)}]`);
        if (query.kind) where.push(`kind = ANY(${param(query.kind)})`);
        if (query.modality) where.push(`modality = ANY(${param(query.modality)})`);
        if (query.text) where.push(`strpos(folded, ${param(fold(query.text))}) > 0`);
        const sql = `SELECT record, article_id FROM claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY article_seq, first_offset, ord`;
        return pageOf(client, sql, params, query, (rows) => claimViews(client, claimsFrom(rows)));
      }),

    getClaimDetail: (id) =>
      snapshot(async (client) => {
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
          'SELECT record FROM blocks WHERE article_id = $1 AND id = ANY($2)',
          [claim.articleId, blockIds],
        );
        const blocks = blockRows.rows
          .map((r) => r.record as Block)
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
      snapshot(async (client) => {
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
      snapshot((client) => {
        const params: unknown[] = [];
        const where: string[] = [];
        const param = (value: unknown) => {
          params.push(value);
          return `$${params.length}`;
        };
        if (query.entityId) {
          const e = param(query.entityId);
          where.push(`(subject_id = ${e} OR object_id = ${e})`);
        }
        if (query.predicate) where.push(`predicate = ANY(${param(query.predicate)})`);
        if (query.articleId) where.push(`article_id = ${param(query.articleId)}`);
        const sql = `SELECT record, article_id FROM relations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY article_seq, ord`;
        return pageOf(client, sql, params, query, (rows) =>
          relationViews(client, relationsFrom(rows)),
        );
      }),

    search: (query) =>
      snapshot(async (client) => {
        const terms = queryTerms(query.q);
        if (terms.length === 0) return { query: query.q, hits: [] };
        const run = (tsq: string) =>
          client.query<{ type: SearchableType; id: string; article_id: string; score: number }>(
            `SELECT type, id, article_id, ts_rank('${RANK_WEIGHTS}', tsv, q, 1) * boost AS score
               FROM search_entries, to_tsquery('simple', $1) q
              WHERE tsv @@ q AND type = ANY($2)
              ORDER BY score DESC, type, id LIMIT $3`,
            [tsq, query.types, query.limit],
          );
        // Every word must match when that finds anything; otherwise any word may.
        let matches = (await run(tsquery(terms, '&'))).rows;
        if (matches.length === 0 && terms.length > 1)
          matches = (await run(tsquery(terms, '|'))).rows;
        let fuzzy = false;
        if (matches.length === 0 && query.types.includes('entity')) {
          // A misspelt name: the closest entity names by trigram word similarity.
          const folded = terms.join(' ');
          matches = (
            await client.query(
              `SELECT 'entity' AS type, id, article_ids[1] AS article_id, word_similarity($1, names) AS score
                 FROM entities WHERE $1 <% folded
                ORDER BY score DESC, word_similarity($1, folded) DESC, id LIMIT $2`,
              [folded, query.limit],
            )
          ).rows;
          fuzzy = true;
        }
        const ids = (type: SearchableType) =>
          matches.filter((m) => m.type === type).map((m) => m.id);
        const entities = new Map(
          (
            await client.query('SELECT id, record FROM entities WHERE id = ANY($1)', [
              ids('entity'),
            ])
          ).rows.map((r) => [r.id as string, r.record as CorpusEntity]),
        );
        const claims = new Map(
          (await selectClaims(client, 'id = ANY($1)', [ids('claim')])).map((c) => [c.id, c]),
        );
        const paragraphKeys = matches.filter((m) => m.type === 'paragraph');
        const blockRows = await client.query(
          `SELECT b.article_id, b.id, b.record, a.summary->>'headline' AS headline
             FROM blocks b JOIN articles a ON a.id = b.article_id
            WHERE (b.article_id, b.id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          [paragraphKeys.map((m) => m.article_id), paragraphKeys.map((m) => m.id)],
        );
        const blocks = new Map(
          blockRows.rows.map((r) => [
            `${r.article_id}\u0000${r.id}`,
            { block: r.record as Block, headline: r.headline as string },
          ]),
        );
        const ref = await refResolver(
          client,
          [...claims.values()].map((c) => c.speakerId),
        );
        const termsIn = (texts: string[]) =>
          fuzzy
            ? matchedTerms(
                texts,
                terms.map((t) => t.slice(0, 3)),
              )
            : matchedTerms(texts, terms);
        const hits = matches.flatMap((m): SearchHit[] => {
          const base = { id: m.id, articleId: m.article_id, score: Number(m.score) };
          if (m.type === 'entity') {
            const entity = entities.get(m.id);
            if (!entity) return [];
            const texts = [entity.name, ...entity.aliases.map((a) => a.name), entity.description];
            return [
              {
                type: 'entity',
                ...base,
                name: entity.name,
                kind: entity.kind,
                snippet: snippetOf(texts, termsIn(texts)),
              },
            ];
          }
          if (m.type === 'claim') {
            const claim = claims.get(m.id);
            if (!claim) return [];
            const texts = [claimText(claim), claim.statement];
            return [
              {
                type: 'claim',
                ...base,
                kind: claim.kind,
                speaker: ref(claim.speakerId),
                snippet: snippetOf(texts, termsIn(texts)),
              },
            ];
          }
          const found = blocks.get(`${m.article_id}\u0000${m.id}`);
          if (!found) return [];
          return [
            {
              type: 'paragraph',
              ...base,
              index: found.block.index,
              headline: found.headline,
              snippet: snippetOf([found.block.text], termsIn([found.block.text])),
            },
          ];
        });
        return { query: query.q, hits };
      }),

    stats: (query) =>
      snapshot(async (client) => {
        const a = query.articleId ?? null;
        const byKey = async (sql: string) => {
          const { rows } = await client.query<{ key: string; n: string }>(sql, [a]);
          return rows;
        };
        const entityRows = await byKey(
          'SELECT kind AS key, count(*) AS n FROM entities WHERE $1::text IS NULL OR $1 = ANY(article_ids) GROUP BY kind',
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
      snapshot(async (client) => {
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

    importDocument: async (document) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await importInTransaction(client, document);
        await client.query('COMMIT');
        if (result.status !== 'unchanged' && result.generation) setGeneration(result.generation);
        return { articleId: result.articleId, status: result.status, version: result.version };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

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

/** One document, in the caller's transaction: all its rows, or (on any error) none. */
async function importInTransaction(client: Client, document: ArticleDocument) {
  const articleId = document.article.id;
  await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
  const contentSha256 = contentDigest(document);
  const currentRows = await client.query(
    `SELECT a.seq, a.current_version, v.content_sha256 FROM articles a
       JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = $1`,
    [articleId],
  );
  const current = currentRows.rows[0];
  if (current?.content_sha256 === contentSha256)
    return {
      articleId,
      status: 'unchanged' as const,
      version: current.current_version as number,
      generation: null,
    };

  // Conflicts with other articles, checked under the import lock so no import can slip between.
  const owners = new Map<string, string>();
  for (const collection of UNIQUE_COLLECTIONS) {
    const table = {
      mentions: 'mentions',
      claims: 'claims',
      claimLinks: 'claim_links',
      relations: 'relations',
    }[collection];
    const { rows } = await client.query(
      `SELECT id, article_id FROM ${table} WHERE id = ANY($1) AND article_id <> $2`,
      [document[collection].map((r) => r.id), articleId],
    );
    for (const row of rows) owners.set(`${collection}\u0000${row.id}`, row.article_id);
  }
  const kindRows = await client.query(
    'SELECT entity_id, kind, article_id FROM entity_records WHERE entity_id = ANY($1) AND article_id <> $2 ORDER BY article_seq',
    [document.entities.map((e) => e.id), articleId],
  );
  const kinds = new Map<string, { kind: EntityKind; articleId: string }>();
  for (const row of kindRows.rows)
    if (!kinds.has(row.entity_id))
      kinds.set(row.entity_id, { kind: row.kind, articleId: row.article_id });
  const issues = findConflicts(document, {
    ownerOf: (collection, id) => owners.get(`${collection}\u0000${id}`),
    kindOf: (entityId) => kinds.get(entityId),
  });
  if (issues.length > 0) throw new DocumentConflictError(articleId, issues);

  const version = ((current?.current_version as number | undefined) ?? 0) + 1;
  const {
    text: _text,
    blocks: _blocks,
    provenance: _provenance,
    textSha256: _sha,
    ...rest
  } = document.article;
  const summary = { ...rest, counts: countsOf(document) };
  const seqRows = await client.query(
    `INSERT INTO articles (id, current_version, summary) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET current_version = $2, summary = $3 RETURNING seq`,
    [articleId, version, summary],
  );
  const seq = seqRows.rows[0]?.seq as string;
  await client.query(
    `INSERT INTO article_versions (article_id, version, content_sha256, text_sha256, imported_at, document)
     VALUES ($1, $2, $3, $4, now(), $5)`,
    [articleId, version, contentSha256, document.article.textSha256, JSON.stringify(document)],
  );

  const previousEntities = await client.query(
    'SELECT entity_id FROM entity_records WHERE article_id = $1',
    [articleId],
  );
  for (const table of [
    'blocks',
    'entity_records',
    'mentions',
    'claims',
    'claim_links',
    'relations',
    'search_entries',
  ])
    await client.query(`DELETE FROM ${table} WHERE article_id = $1`, [articleId]);

  const insert = (sql: string, rows: unknown[]) =>
    rows.length === 0
      ? Promise.resolve()
      : client.query(sql, [articleId, seq, JSON.stringify(rows)]);
  await insert(
    `INSERT INTO blocks (article_id, id, record)
     SELECT $1, r->>'id', r FROM jsonb_array_elements($3::jsonb) r WHERE $2::bigint IS NOT NULL`,
    document.article.blocks,
  );
  await insert(
    `INSERT INTO entity_records (entity_id, article_id, article_seq, kind, record)
     SELECT r->>'id', $1, $2, r->>'kind', r FROM jsonb_array_elements($3::jsonb) r`,
    document.entities,
  );
  await insert(
    `INSERT INTO mentions (id, article_id, article_seq, ord, entity_id, start, block_id, record)
     SELECT r->>'id', $1, $2, o, r->>'entityId', (r->'anchor'->'position'->>'start')::int, r->'anchor'->>'blockId', r
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(r, o)`,
    document.mentions,
  );
  await insert(
    `INSERT INTO claims (id, article_id, article_seq, ord, first_offset, speaker_id, kind, modality,
                         parent_id, continues_id, about_ids, folded, record)
     SELECT r->'record'->>'id', $1, $2, o, (r->>'firstOffset')::int, r->'record'->>'speakerId',
            r->'record'->>'kind', r->'record'->>'modality', r->'record'->>'parentId', r->'record'->>'continuesId',
            ARRAY(SELECT jsonb_array_elements_text(r->'record'->'aboutIds')), r->>'folded', r->'record'
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(r, o)`,
    document.claims.map((claim) => ({
      record: claim,
      firstOffset: firstOffset(claim),
      folded: fold(`${claimText(claim)}\n${claim.statement}`),
    })),
  );
  await insert(
    `INSERT INTO claim_links (id, article_id, article_seq, ord, kind, from_id, to_id, record)
     SELECT r->>'id', $1, $2, o, r->>'kind', r->>'fromId', r->>'toId', r
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(r, o)`,
    document.claimLinks,
  );
  await insert(
    `INSERT INTO relations (id, article_id, article_seq, ord, subject_id, object_id, predicate, record)
     SELECT r->>'id', $1, $2, o, r->>'subjectId', r->>'objectId', r->>'predicate', r
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(r, o)`,
    document.relations,
  );
  const entries = [
    ...document.claims.map((claim) => ({
      type: 'claim',
      id: claim.id,
      c: searchText(claimText(claim)),
      d: searchText(claim.statement),
    })),
    ...document.article.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((block) => ({ type: 'paragraph', id: block.id, c: searchText(block.text), d: '' })),
  ];
  await insert(
    `INSERT INTO search_entries (type, id, article_id, boost, tsv)
     SELECT r->>'type', r->>'id', $1, CASE r->>'type' WHEN 'claim' THEN ${TYPE_BOOST.claim} ELSE ${TYPE_BOOST.paragraph} END,
            setweight(to_tsvector('simple', r->>'c'), 'C') || setweight(to_tsvector('simple', r->>'d'), 'D')
       FROM jsonb_array_elements($3::jsonb) r WHERE $2::bigint IS NOT NULL`,
    entries,
  );

  if (current) {
    // A new version can drop entities and reorder nothing else: recompute what it touches.
    const affected = [
      ...new Set([
        ...previousEntities.rows.map((r) => r.entity_id as string),
        ...document.entities.map((e) => e.id),
      ]),
    ];
    await refreshEntities(client, affected);
  } else {
    // A new article comes last in corpus order, so its records merge onto the existing rows.
    await appendEntities(client, document);
  }

  const generation = await client.query<{ generation: string }>(
    'UPDATE store_meta SET generation = generation + 1 RETURNING generation',
  );
  const value = String(generation.rows[0]?.generation);
  await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, value]);
  return {
    articleId,
    status: current ? ('updated' as const) : ('created' as const),
    version,
    generation: value,
  };
}

/** What the entities and search_entries rows of merged entities hold. */
function entityPayload(e: CorpusEntity) {
  return {
    record: e,
    folded: fold([e.name, e.description, ...e.aliases.map((a) => a.name)].join('\n')),
    names: fold([e.name, ...e.aliases.map((a) => a.name)].join('\n')),
    a: searchText(e.name),
    b: searchText(e.aliases.map((a) => a.name).join(' ')),
    c: searchText(e.description),
  };
}

/** Replaces the search entries of merged entities. */
async function writeEntitySearchEntries(
  client: Client,
  payload: ReturnType<typeof entityPayload>[],
) {
  await client.query(`DELETE FROM search_entries WHERE type = 'entity' AND id = ANY($1)`, [
    payload.map((p) => p.record.id),
  ]);
  await client.query(
    `INSERT INTO search_entries (type, id, article_id, boost, tsv)
     SELECT 'entity', r->'record'->>'id', r->'record'->'articleIds'->>0, ${TYPE_BOOST.entity},
            setweight(to_tsvector('simple', r->>'a'), 'A') || setweight(to_tsvector('simple', r->>'b'), 'B')
            || setweight(to_tsvector('simple', r->>'c'), 'C')
       FROM jsonb_array_elements($1::jsonb) r`,
    [JSON.stringify(payload)],
  );
}

/**
 * Merges the entities of a newly created article (the last in corpus order) onto the corpus-wide
 * rows: its id joins `articleIds`, new aliases are appended, and its own mentions and claims are
 * added to the counts. The cost depends on this document, not on the size of the corpus.
 */
async function appendEntities(client: Client, document: ArticleDocument): Promise<void> {
  const articleId = document.article.id;
  const ids = document.entities.map((e) => e.id);
  if (ids.length === 0) return;
  const { rows } = await client.query<{
    id: string;
    record: CorpusEntity;
    mention_count: number;
    claim_count: number;
    about_count: number;
  }>(
    'SELECT id, record, mention_count, claim_count, about_count FROM entities WHERE id = ANY($1)',
    [ids],
  );
  const known = new Map(rows.map((r) => [r.id, r]));
  const count = new Map<string, { mentions: number; claims: number; about: number }>(
    ids.map((id) => [id, { mentions: 0, claims: 0, about: 0 }]),
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
  const payload = document.entities.map((entity) => {
    const existing = known.get(entity.id);
    const own = count.get(entity.id) ?? { mentions: 0, claims: 0, about: 0 };
    const merged = mergeEntity([
      ...(existing
        ? [{ article_id: existing.record.articleIds[0] ?? articleId, record: existing.record }]
        : []),
      { article_id: articleId, record: entity },
    ]) ?? { ...entity, articleIds: [articleId] };
    if (existing) merged.articleIds = [...existing.record.articleIds, articleId];
    return {
      ...entityPayload(merged),
      mentions: (existing?.mention_count ?? 0) + own.mentions,
      claims: (existing?.claim_count ?? 0) + own.claims,
      about: (existing?.about_count ?? 0) + own.about,
    };
  });
  await client.query(
    `INSERT INTO entities (id, kind, name, article_ids, folded, names, record, mention_count, claim_count, about_count)
     SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name',
            ARRAY(SELECT jsonb_array_elements_text(r->'record'->'articleIds')), r->>'folded', r->>'names', r->'record',
            (r->>'mentions')::int, (r->>'claims')::int, (r->>'about')::int
       FROM jsonb_array_elements($1::jsonb) r
     ON CONFLICT (id) DO UPDATE SET article_ids = excluded.article_ids, folded = excluded.folded,
       names = excluded.names, record = excluded.record, mention_count = excluded.mention_count,
       claim_count = excluded.claim_count, about_count = excluded.about_count`,
    [JSON.stringify(payload)],
  );
  await writeEntitySearchEntries(client, payload);
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
  const payload = merged.map(entityPayload);
  await client.query(
    `INSERT INTO entities (id, kind, name, article_ids, folded, names, record, mention_count, claim_count, about_count)
     SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name',
            ARRAY(SELECT jsonb_array_elements_text(r->'record'->'articleIds')), r->>'folded', r->>'names', r->'record',
            (SELECT count(*) FROM mentions m WHERE m.entity_id = r->'record'->>'id'),
            (SELECT count(*) FROM claims c WHERE c.speaker_id = r->'record'->>'id'),
            (SELECT count(*) FROM claims c WHERE c.about_ids @> ARRAY[r->'record'->>'id'])
       FROM jsonb_array_elements($1::jsonb) r`,
    [JSON.stringify(payload)],
  );
  await writeEntitySearchEntries(client, payload);
}
