import type { ArticleDocument } from '@claimscope/schema';
import type { ArticleSort, ArticleSummary } from '../../contracts/articles.js';
import { articleDetail, bylineIds, bylines } from '../../views/records.js';
import { fold } from '../../views/terms.js';
import type { ClaimReader } from '../claim-store.js';
import { ARTICLE_KEYS } from './migrations.js';
import { type Client, cappedPageOf, pageOf, type Row, refResolver, type Within } from './rows.js';

/** article.list's orders, each read along its index (migration 019; `seq` is unique). */
export const ARTICLE_ORDER_SQL: Record<ArticleSort, string> = {
  added: 'seq',
  recent: 'seq DESC',
  newest: `${ARTICLE_KEYS.published} DESC NULLS LAST, seq`,
  oldest: `${ARTICLE_KEYS.published}, seq`,
  headline: `${ARTICLE_KEYS.headline}, seq`,
  claims: `${ARTICLE_KEYS.claims} DESC, seq`,
};

async function documentAt(client: Client, id: string, version?: number) {
  const { rows } = await client.query<{ document: string }>(
    version === undefined
      ? 'SELECT v.document FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = $1'
      : 'SELECT document FROM article_versions WHERE article_id = $1 AND version = $2',
    version === undefined ? [id] : [id, version],
  );
  const text = rows[0]?.document;
  return text === undefined ? null : (JSON.parse(text) as ArticleDocument);
}

/** Articles: the list of summaries, one version in detail or whole, and the versions kept. */
export function articleReads(
  within: Within,
): Pick<ClaimReader, 'listArticles' | 'getArticle' | 'exportArticle' | 'versions'> {
  return {
    listArticles: (query) =>
      within((client) => {
        // The text filter: a substring of the folded headline, dek and id (migration 016), found
        // through its trigram index.
        // Filtered, the matches are counted only up to the cap (cappedPageOf).
        const needle = query.text ? fold(query.text) : null;
        const toItems = async (rows: Row[]) => {
          const summaries = rows.map(
            (r) =>
              r.summary as Omit<ArticleSummary, 'authors' | 'publisher'> & {
                authorIds: string[];
                publisherId: string | null;
              },
          );
          const ref = await refResolver(client, summaries.flatMap(bylineIds));
          return summaries.map(({ authorIds, publisherId, ...summary }) => ({
            ...summary,
            ...bylines(ref, { authorIds, publisherId }),
          }));
        };
        const order = ARTICLE_ORDER_SQL[query.sort ?? 'added'];
        if (!needle)
          return pageOf(
            client,
            { select: 'summary, seq', from: 'articles', order },
            [],
            query,
            toItems,
          );
        const from = 'articles WHERE folded LIKE $1';
        return cappedPageOf(
          client,
          {
            select: 'summary, seq',
            from,
            order,
            count: `SELECT count(*) AS total FROM (SELECT 1 FROM ${from} LIMIT $2) m`,
          },
          [`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, 0],
          query,
          toItems,
        );
      }),

    getArticle: (id, version) =>
      within(async (client) => {
        const doc = await documentAt(client, id, version);
        if (!doc) return null;
        return articleDetail(await refResolver(client, bylineIds(doc.article)), doc);
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
  };
}
