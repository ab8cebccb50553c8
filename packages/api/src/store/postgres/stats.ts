import { statsView } from '../../views/records.js';
import type { ClaimReader } from '../claim-store.js';
import { ICU, refResolver, type Within } from './rows.js';

/** Counts over the corpus or one article, and the totals the health check shows. */
export function statsReads(within: Within): Pick<ClaimReader, 'stats' | 'counts'> {
  return {
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
        const counts = {
          articles: Number(articles?.n ?? 0),
          mentions: Number(mentions?.n ?? 0),
          entityKinds: entityRows,
          claimKinds,
          modalities,
          predicates,
          linkKinds,
        };
        return statsView(
          counts,
          speakers.rows.map((r) => ({
            speaker: ref(r.speaker_id as string),
            claimCount: Number(r.n),
          })),
        );
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
  };
}
