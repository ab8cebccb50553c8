import type { ClaimReader } from '../claim-store.js';
import {
  inArticle,
  pageOf,
  relationsFrom,
  relationViews,
  sqlParameters,
  type Within,
} from './rows.js';

/** Relations: the filtered list. */
export function relationReads(within: Within): Pick<ClaimReader, 'listRelations'> {
  return {
    listRelations: (query) =>
      within((client) => {
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
