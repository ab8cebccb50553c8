import { paginateCounted } from '../../views/pagination.js';
import type { ClaimReader } from '../claim-store.js';
import {
  inArticle,
  pageOf,
  relationsFrom,
  relationViews,
  sqlParameters,
  type Within,
} from './rows.js';

/**
 * The relations with the entity $1 on either side, in corpus order, from the $2-th (from 0) on, at
 * most $3: the first $2 + $3 of each side's index (migration 020), merged, so an entity in a fifth
 * of the corpus costs what a rare one does. A relation with the entity on both sides is read from
 * the subject's side.
 */
export const ENTITY_RELATIONS_SQL = `SELECT record, article_id FROM (
    (SELECT record, article_id, article_seq, ord FROM relations WHERE subject_id = $1
      ORDER BY article_seq, ord LIMIT $2::int + $3::int)
    UNION ALL
    (SELECT record, article_id, article_seq, ord FROM relations WHERE object_id = $1 AND subject_id <> $1
      ORDER BY article_seq, ord LIMIT $2::int + $3::int)) r
  ORDER BY article_seq, ord OFFSET $2::int LIMIT $3::int`;

/** Relations: the filtered list. */
export function relationReads(within: Within): Pick<ClaimReader, 'listRelations'> {
  return {
    listRelations: (query) =>
      within(async (client) => {
        if (query.entityId && !query.predicate && !query.articleId && !query.review) {
          // One entity's relations: counted on its row, read a page at a time along each side's
          // index (the pages before this one are read again, as OFFSET would).
          const offset = query.cursor ?? 0;
          const [counted, page] = await Promise.all([
            client.query('SELECT relation_count FROM entities WHERE id = $1', [query.entityId]),
            client.query(ENTITY_RELATIONS_SQL, [query.entityId, offset, query.limit]),
          ]);
          const total = Number(counted.rows[0]?.relation_count ?? 0);
          const items = await relationViews(client, relationsFrom(page.rows));
          return paginateCounted(
            total,
            query,
            () => items,
            (item) => item,
          );
        }
        const { params, param } = sqlParameters();
        const where: string[] = [];
        if (query.entityId) {
          const e = param(query.entityId);
          where.push(`(subject_id = ${e} OR object_id = ${e})`);
        }
        if (query.predicate) where.push(`predicate = ANY(${param(query.predicate)})`);
        if (query.articleId) where.push(inArticle(param(query.articleId)));
        if (query.review) where.push(`review_status = ANY(${param(query.review)})`);
        const sql = {
          select: 'record, article_id, article_seq, ord',
          from: `relations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
          order: 'article_seq, ord',
        };
        return pageOf(client, sql, params, query, (rows) =>
          relationViews(client, relationsFrom(rows)),
        );
      }),
  };
}
