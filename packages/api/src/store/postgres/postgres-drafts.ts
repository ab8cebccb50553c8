import type pg from 'pg';
import type { Draft } from '../../drafts/draft.js';
import type { DraftStore } from '../../drafts/draft-store.js';

/** Drafts in the `drafts` table (migration 008), one JSON body per draft, saved by revision. */
export function postgresDraftStore(pool: pg.Pool): DraftStore {
  return {
    saveDraft: async (draft) => {
      const values = [
        draft.id,
        draft.owner,
        draft.articleId,
        draft.revision,
        draft.updatedAt,
        draft,
      ];
      const { rowCount } =
        draft.revision === 0
          ? await pool.query(
              `INSERT INTO drafts (id, owner, article_id, revision, updated_at, body)
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
              values,
            )
          : await pool.query(
              `UPDATE drafts SET owner = $2, article_id = $3, revision = $4, updated_at = $5, body = $6
                WHERE id = $1 AND revision = $4 - 1`,
              values,
            );
      return rowCount === 1;
    },
    getDraft: async (id) => {
      const { rows } = await pool.query<{ body: Draft }>('SELECT body FROM drafts WHERE id = $1', [
        id,
      ]);
      return rows[0]?.body ?? null;
    },
    listDrafts: async (owner) => {
      const { rows } = await pool.query<{ body: Draft }>(
        'SELECT body FROM drafts WHERE owner = $1 ORDER BY updated_at DESC, id',
        [owner],
      );
      return rows.map((row) => row.body);
    },
  };
}
