import type { Block, Entity, Mention } from '@claimscope/schema';
import {
  DEFAULT_DETAIL_LIMITS,
  type EntityListItem,
  MAX_ARTICLE_IDS,
} from '../../contracts/entities.js';
import type { CorpusEntity } from '../../contracts/shared.js';
import { entityDetail, entityRecordRefIds, mentionInContext } from '../../views/records.js';
import { fold } from '../../views/terms.js';
import type { ClaimReader } from '../claim-store.js';
import { ENTITY_RELATIONS_SQL } from './relations.js';
import {
  type Client,
  ICU,
  inArticle,
  pageOf,
  paragraphNumberOf,
  recordOf,
  refResolver,
  relationsFrom,
  selectClaims,
  sqlParameters,
  type Within,
} from './rows.js';

/** The corpus entity of a stored row: the record (older rows also hold a stale list) and its articles. */
function corpusEntity(record: Entity, articleIds: string[] | null | undefined): CorpusEntity {
  const { articleIds: _stale, ...entity } = record as CorpusEntity;
  return { ...entity, articleIds: articleIds ?? [] };
}

/**
 * The first MAX_ARTICLE_IDS articles of each entity id in corpus order: an entity named in 100,000
 * articles no longer sends them all (how many there are is kept on its row).
 */
async function articleIdsOf(client: Client, ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<{ entity_id: string; article_ids: string[] }>(
    `SELECT e.id AS entity_id,
            ARRAY(SELECT article_id FROM entity_records WHERE entity_id = e.id
                   ORDER BY article_seq LIMIT ${MAX_ARTICLE_IDS}) AS article_ids
       FROM unnest($1::text[]) e(id)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.entity_id, r.article_ids]));
}

/** Entities: the list with kept counts, and one entity with the first records of each of its lists. */
export function entityReads(within: Within): Pick<ClaimReader, 'listEntities' | 'getEntityDetail'> {
  return {
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
          counts = `(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.${inArticle(a)})::int AS mention_count,
            (SELECT count(*) FROM claims c WHERE c.speaker_id = e.id AND c.${inArticle(a)})::int AS claim_count,
            (SELECT count(*) FROM claims c WHERE c.about_ids @> ARRAY[e.id] AND c.${inArticle(a)})::int AS about_count`;
        }
        const order =
          query.sort === 'name'
            ? `name ${ICU}, id ${ICU}`
            : `mention_count DESC, name ${ICU}, id ${ICU}`;
        const sql = {
          // How many articles name it is the corpus's, whatever the filter.
          select: `id, name, record, article_count, ${counts}`,
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
              ...corpusEntity(r.record as Entity, articleIds.get(r.id as string)),
              articleCount: Number(r.article_count),
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
          `SELECT record, mention_count, claim_count, about_count, article_count, relation_count,
                  ARRAY(SELECT article_id FROM entity_records WHERE entity_id = $1
                         ORDER BY article_seq LIMIT ${MAX_ARTICLE_IDS}) AS article_ids
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
        const mentions = mentionRows.rows.map((r) =>
          mentionInContext(
            { ...recordOf<Mention>(r), articleId: r.article_id as string },
            r.block as Block | null,
            (r.paragraph as number | null) ?? null,
          ),
        );
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
        const relationRows = await client.query(ENTITY_RELATIONS_SQL, [
          id,
          0,
          limits.relationsLimit,
        ]);
        const relations = relationsFrom(relationRows.rows);
        const records = { mentions, claimsBySpeaker: bySpeaker, claimsAbout: about, relations };
        // The entities all three lists name, in one round trip.
        const ref = await refResolver(client, entityRecordRefIds(records));
        const entity = {
          ...corpusEntity(row.record as Entity, row.article_ids as string[] | null),
          articleCount: Number(row.article_count),
          mentionCount: Number(row.mention_count),
          claimCount: Number(row.claim_count),
          aboutCount: Number(row.about_count),
        };
        return entityDetail(ref, entity, records, Number(row.relation_count));
      }),
  };
}
