import type { Block, ClaimLink } from '@claimscope/schema';
import type { ListClaimsQuery } from '../../contracts/claims.js';
import { claimCountIsCapped } from '../../views/pagination.js';
import { claimDetail, claimRecordRefIds } from '../../views/records.js';
import { fold } from '../../views/terms.js';
import type { ClaimReader } from '../claim-store.js';
import {
  cappedPageOf,
  claimsFrom,
  claimViews,
  inArticle,
  pageOf,
  paragraphNumberOf,
  type Row,
  recordOf,
  refResolver,
  selectClaims,
  sqlParameters,
  type Within,
} from './rows.js';

/** Claims: the filtered list, one claim with everything around it, and the disagreements. */
export function claimReads(
  within: Within,
): Pick<ClaimReader, 'listClaims' | 'getClaimDetail' | 'listDisagreements'> {
  return {
    listClaims: (query) =>
      within((client) => {
        const { params, param } = sqlParameters();
        const where: string[] = [];
        if (query.articleId) where.push(inArticle(param(query.articleId)));
        if (query.speakerId) where.push(`speaker_id = ${param(query.speakerId)}`);
        if (query.aboutId) where.push(`about_ids @> ARRAY[${param(query.aboutId)}]`);
        if (query.kind) where.push(`kind = ANY(${param(query.kind)})`);
        if (query.modality) where.push(`modality = ANY(${param(query.modality)})`);
        if (query.text) {
          // LIKE, not strpos: the trigram index (claims_folded) can then find the claims that
          // hold a rare needle, where a walk in reading order would read every claim.
          const needle = fold(query.text).replace(/[\\%_]/g, (c) => `\\${c}`);
          where.push(`folded LIKE ${param(`%${needle}%`)}`);
        }
        if (query.channel) where.push(`channel_kind = ANY(${param(query.channel)})`);
        if (query.outletId) where.push(`outlet_id = ${param(query.outletId)}`);
        if (query.review) where.push(`review_status = ANY(${param(query.review)})`);
        const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const toItems = (rows: Row[]) => claimViews(client, claimsFrom(rows));
        const select = 'record, article_id, article_seq, first_offset, ord';
        const order = 'article_seq, first_offset, ord';
        if (claimCountIsCapped(query)) {
          // Counted only up to the cap: PostgreSQL stops reading at the LIMIT (set by
          // cappedPageOf, the last parameter).
          const limit = param(0);
          return cappedPageOf(
            client,
            {
              select,
              from: `claims ${filter}`,
              order,
              count: `SELECT count(*) AS total FROM (SELECT 1 FROM claims ${filter} LIMIT ${limit}) m`,
            },
            params,
            query,
            toItems,
          );
        }
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
        // Filtered by channel, outlet or review status alone, likewise (claim_filter_counts).
        const byFilter = filterCount(query);
        const sql = {
          select,
          from: `claims ${filter}`,
          order,
          ...(byFacets && {
            count: `SELECT coalesce(sum(claims), 0) AS total FROM claim_facets ${filter}`,
          }),
          ...(byFilter && { count: byFilter }),
        };
        return pageOf(client, sql, params, query, toItems);
      }),

    getClaimDetail: (id) =>
      within(async (client) => {
        const [claim] = await selectClaims(client, 'id = $1', [id]);
        if (!claim) return null;
        const ofArticle = await selectClaims(client, inArticle('$1'), [claim.articleId]);
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
          ...recordOf<ClaimLink>(r),
          articleId: r.article_id as string,
        }));
        const others = await selectClaims(client, 'id = ANY($1)', [
          links.map((l) => (l.fromId === id ? l.toId : l.fromId)),
        ]);
        const records = { claim, inArticle: ofArticle, blocks, links, others };
        return claimDetail(await refResolver(client, claimRecordRefIds(records)), records);
      }),

    listDisagreements: (query) =>
      within((client) => {
        const { params, param } = sqlParameters();
        const where = [`kind = ANY(${param(query.kind)})`];
        if (query.articleId) where.push(inArticle(param(query.articleId)));
        if (query.speakerId) {
          const speaker = param(query.speakerId);
          where.push(`(from_speaker_id = ${speaker} OR to_speaker_id = ${speaker})`);
        }
        if (query.sameSpeaker !== undefined)
          where.push(`same_speaker = ${param(query.sameSpeaker)}`);
        // Corpus-wide, the kept counts (by kind and sameSpeaker) give the total.
        const counted = !query.articleId && !query.speakerId;
        const sql = {
          select: 'record, article_id, article_seq, ord',
          from: `claim_links WHERE ${where.join(' AND ')}`,
          order: 'article_seq, ord',
          ...(counted && {
            count: `SELECT coalesce(sum(links), 0) AS total FROM claim_link_counts WHERE ${where.join(' AND ')}`,
          }),
        };
        return pageOf(client, sql, params, query, async (rows) => {
          const links = rows.map((r) => ({
            ...recordOf<ClaimLink>(r),
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
        });
      }),
  };
}

/**
 * The statement that reads the total of a list filtered by channel, outlet or review status alone
 * from claim_filter_counts, reusing that filter's parameter ($1, the only one); null otherwise.
 */
function filterCount(query: ListClaimsQuery): string | null {
  if (query.articleId || query.speakerId || query.aboutId || query.text) return null;
  if (query.kind || query.modality) return null;
  const filters = [
    query.channel && "filter = 'channel' AND value = ANY($1)",
    query.outletId && "filter = 'outlet' AND value = $1",
    query.review && "filter = 'review' AND value = ANY($1)",
  ].filter(Boolean);
  if (filters.length !== 1) return null;
  return `SELECT coalesce(sum(claims), 0) AS total FROM claim_filter_counts WHERE ${filters[0]}`;
}
