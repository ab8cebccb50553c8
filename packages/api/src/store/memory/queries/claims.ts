import { type Claim, ClaimKindSchema, ModalitySchema } from '@claimscope/schema';
import type {
  ClaimDetail,
  Disagreement,
  DisagreementsQuery,
  ListClaimsQuery,
} from '../../../contracts/claims.js';
import type { InArticle } from '../../../contracts/shared.js';
import {
  claimCountIsCapped,
  paginate,
  paginateCapped,
  paginateCounted,
} from '../../../views/pagination.js';
import { claimDetail, claimView } from '../../../views/records.js';
import { fold } from '../../../views/terms.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';
import { paragraphNumber } from './paragraphs.js';

/**
 * The lists whose claims are exactly those of the kinds and modalities asked for (each list one
 * kind and one modality, in reading order); null when neither filter is set.
 */
function facetLists(store: CorpusIndex, input: ListClaimsQuery) {
  if (!input.kind && !input.modality) return null;
  const kinds = new Set(input.kind ?? ClaimKindSchema.options);
  const modalities = [...new Set(input.modality ?? ModalitySchema.options)];
  return [...kinds]
    .flatMap((kind) => modalities.map((modality) => store.claimsOfFacets(kind, modality)))
    .filter((list) => list.length > 0);
}

/** The claims from `start` up to `end` of the reading-order merge of `lists`. */
function mergedSlice(
  store: CorpusIndex,
  lists: readonly (readonly InArticle<Claim>[])[],
  start: number,
  end: number,
): InArticle<Claim>[] {
  const next = lists.map(() => 0);
  const slice: InArticle<Claim>[] = [];
  for (let i = 0; i < end; i++) {
    let best = -1;
    let bestPosition = Number.POSITIVE_INFINITY;
    for (const [l, list] of lists.entries()) {
      const claim = list[next[l] as number];
      const position = claim ? store.claimPosition(claim) : Number.POSITIVE_INFINITY;
      if (position < bestPosition) [best, bestPosition] = [l, position];
    }
    if (best === -1) break;
    const claim = lists[best]?.[next[best] as number] as InArticle<Claim>;
    next[best] = (next[best] as number) + 1;
    if (i >= start) slice.push(claim);
  }
  return slice;
}

/** The smallest precomputed list that holds every match, in reading order, so a filter scans few claims. */
function candidates(
  store: CorpusIndex,
  input: ListClaimsQuery,
  facets: ReturnType<typeof facetLists>,
): readonly InArticle<Claim>[] {
  const lists = [store.claims()];
  if (input.articleId) lists.push(store.claimsInArticle(input.articleId));
  if (input.speakerId) lists.push(store.claimsBySpeaker(input.speakerId));
  if (input.aboutId) lists.push(store.claimsAbout(input.aboutId));
  if (input.kind?.length === 1 && input.kind[0]) lists.push(store.claimsOfKind(input.kind[0]));
  if (facets?.length === 1 && facets[0]) lists.push(facets[0]);
  return lists.reduce((a, b) => (b.length < a.length ? b : a));
}

export function listClaims(store: CorpusIndex, input: ListClaimsQuery) {
  const ref = entityRefs(store);
  const view = (c: InArticle<Claim>) => claimView(ref, c);
  const facets = facetLists(store, input);
  // Filtered by kind and modality alone, every claim of the facet lists matches: they are
  // counted, and only the page is merged, whatever the size of the corpus.
  const byFacets =
    !input.articleId &&
    !input.speakerId &&
    !input.aboutId &&
    !input.text &&
    !input.channel &&
    !input.outletId &&
    !input.review;
  if (byFacets) {
    if (!facets) return paginate(store.claims(), input, view);
    const total = facets.reduce((sum, list) => sum + list.length, 0);
    return paginateCounted(
      total,
      input,
      (start, end) => mergedSlice(store, facets, start, end),
      view,
    );
  }
  const needle = input.text ? fold(input.text) : null;
  const matches = candidates(store, input, facets).filter(
    (c) =>
      (!input.articleId || c.articleId === input.articleId) &&
      (!input.speakerId || c.speakerId === input.speakerId) &&
      (!input.aboutId || c.aboutIds.includes(input.aboutId)) &&
      (!input.kind || input.kind.includes(c.kind)) &&
      (!input.modality || input.modality.includes(c.modality)) &&
      (!input.channel || input.channel.includes(c.channel.kind)) &&
      (!input.outletId || c.channel.outletId === input.outletId) &&
      (!input.review || input.review.includes(c.provenance.review.status)) &&
      (!needle || store.foldedClaimText(c).includes(needle)),
  );
  if (claimCountIsCapped(input))
    return paginateCapped(
      input,
      (upTo) => Math.min(matches.length, upTo),
      (limit, offset) => matches.slice(offset, offset + limit).map(view),
    );
  return paginate(matches, input, view);
}

export function getClaim(store: CorpusIndex, id: string): ClaimDetail | null {
  const claim = store.claim(id);
  if (!claim) return null;
  const blockIds = [...new Set(claim.content.map((a) => a.blockId))];
  const blocks = blockIds
    .map((blockId) => store.block(claim.articleId, blockId))
    .filter((b) => b !== undefined)
    .sort((a, b) => a.index - b.index)
    .map((b) => ({ ...b, paragraph: paragraphNumber(store, claim.articleId, b.id) }));
  const links = store.linksOf(id);
  const others = links.flatMap(
    (link) => store.claim(link.fromId === id ? link.toId : link.fromId) ?? [],
  );
  const inArticle = store.claimsInArticle(claim.articleId);
  return claimDetail(entityRefs(store), { claim, inArticle, blocks, links, others });
}

export function listDisagreements(store: CorpusIndex, input: DisagreementsQuery) {
  const ref = entityRefs(store);
  const speakerOf = (id: string) => store.claim(id)?.speakerId;
  const links = input.articleId
    ? store.claimLinks().filter((link) => link.articleId === input.articleId)
    : store.claimLinks();
  const matches = links.filter((link) => {
    if (!input.kind.includes(link.kind)) return false;
    const from = speakerOf(link.fromId);
    const to = speakerOf(link.toId);
    if (input.speakerId && from !== input.speakerId && to !== input.speakerId) return false;
    return input.sameSpeaker === undefined || (from === to) === input.sameSpeaker;
  });
  return paginate(matches, input, (link): Disagreement => {
    const from = store.claim(link.fromId);
    const to = store.claim(link.toId);
    if (!from || !to) throw new Error(`claim link ${link.id} names a claim that is not there`);
    return { ...link, from: claimView(ref, from), to: claimView(ref, to) };
  });
}
