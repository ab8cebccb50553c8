import type { Claim, Relation } from '@claimscope/schema';
import type pg from 'pg';
import type { ClaimsPageOf } from '../../contracts/claims.js';
import type { Page } from '../../contracts/pagination.js';
import type { ClaimView, EntityRef, InArticle } from '../../contracts/shared.js';
import { cappedCountLimit, cappedPage, paginateCounted } from '../../views/pagination.js';
import {
  claimRefIds,
  claimView,
  type RefOf,
  relationRefIds,
  relationView,
  unresolvedRef,
} from '../../views/records.js';

/** What every domain's reads share: the rows they read and the view objects made of them. */

export type Client = pg.PoolClient;
export type Row = Record<string, unknown>;
/** Runs reads that must see one snapshot: several statements in one transaction. */
export type Within = <T>(read: (client: Client) => Promise<T>) => Promise<T>;
/** Runs one statement, which sees one snapshot by itself. */
export type OneStatement = <T>(read: (db: pg.Pool | Client) => Promise<T>) => Promise<T>;

export const ICU = 'COLLATE "en-x-icu"';

/**
 * The paragraph number of the block row `alias` as a reader counts it (only paragraphs count, from
 * 1; null for other kinds), computed from the current version's blocks.
 */
export function paragraphNumberOf(alias: string): string {
  return `CASE WHEN ${alias}.record->>'kind' = 'paragraph' THEN (SELECT count(*)::int FROM blocks p
    WHERE p.article_id = ${alias}.article_id AND p.record->>'kind' = 'paragraph'
      AND (p.record->>'index')::int <= (${alias}.record->>'index')::int) END`;
}

/** Positional parameters for a query built piece by piece: `param(value)` returns its `$n`. */
export function sqlParameters() {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { params, param };
}

/**
 * A row of the article `param` (a parameter reference): by its sequence number, which leads the
 * reading-order indexes of claims, links and relations (none of them is indexed by article id).
 */
export const inArticle = (param: string) =>
  `article_seq = (SELECT seq FROM articles WHERE id = ${param})`;

/** Looks up the names and kinds of `ids` at once; an unknown id names itself. */
export async function refResolver(client: Client, ids: Iterable<string>): Promise<RefOf> {
  const unique = [...new Set(ids)];
  const refs = new Map<string, EntityRef>();
  if (unique.length > 0) {
    const { rows } = await client.query<EntityRef>(
      'SELECT id, name, kind FROM entities WHERE id = ANY($1)',
      [unique],
    );
    for (const row of rows) refs.set(row.id, { id: row.id, name: row.name, kind: row.kind });
  }
  return (id) => refs.get(id) ?? unresolvedRef(id);
}

export async function claimViews(client: Client, claims: InArticle<Claim>[]): Promise<ClaimView[]> {
  const ref = await refResolver(client, claims.flatMap(claimRefIds));
  return claims.map((claim) => claimView(ref, claim));
}

/**
 * A record stored as the text imports made of it (claims, relations, mentions, claim links and
 * entity records: see migration 018).
 */
export const recordOf = <T>(row: Row): T => JSON.parse(row.record as string) as T;

export const claimsFrom = (rows: Row[]) =>
  rows.map((r) => ({ ...recordOf<Claim>(r), articleId: r.article_id as string }));

/** Claims matching `where`, in reading order; `limit` (a parameter reference) cuts the list. */
export const selectClaims = async (client: Client, where: string, params: unknown[], limit = '') =>
  claimsFrom(
    (
      await client.query(
        `SELECT record, article_id FROM claims WHERE ${where} ORDER BY article_seq, first_offset, ord ${limit}`,
        params,
      )
    ).rows,
  );

export async function relationViews(client: Client, relations: InArticle<Relation>[]) {
  const ref = await refResolver(client, relations.flatMap(relationRefIds));
  return relations.map((relation) => relationView(ref, relation));
}

export const relationsFrom = (rows: Row[]) =>
  rows.map((r) => ({ ...recordOf<Relation>(r), articleId: r.article_id as string }));

/**
 * One page of the rows `FROM ${from}` (a table and its WHERE) in `order`, with the count of all
 * of them: by `count` (a statement returning `total`) when given, else over `from` alone, with
 * no ORDER BY (PostgreSQL would sort every match just to count them) and no selected columns.
 */
export async function pageOf<T>(
  client: Client,
  sql: { select: string; from: string; order: string; count?: string },
  params: unknown[],
  page: { cursor?: number | null; limit: number },
  toItems: (rows: Row[]) => Promise<T[]>,
): Promise<Page<T>> {
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
}

/**
 * `pageOf` for claim.list queries counted only up to a cap (see `paginateCapped`): `sql.count`
 * ends in `LIMIT` with the last parameter, which this sets to `cappedCountLimit(page)`.
 */
export async function cappedPageOf<T>(
  client: Client,
  sql: { select: string; from: string; order: string; count: string },
  params: unknown[],
  page: { cursor?: number | null; limit: number },
  toItems: (rows: Row[]) => Promise<T[]>,
): Promise<ClaimsPageOf<T>> {
  const offset = page.cursor ?? 0;
  params[params.length - 1] = cappedCountLimit(page);
  const counted = Number((await client.query(sql.count, params)).rows[0]?.total ?? 0);
  if (offset >= counted) return cappedPage(page, counted, []);
  const { rows } = await client.query(
    `SELECT * FROM (SELECT ${sql.select} FROM ${sql.from}) page ORDER BY ${sql.order}
      LIMIT ${page.limit} OFFSET ${offset}`,
    params.slice(0, -1),
  );
  return cappedPage(page, counted, await toItems(rows));
}
