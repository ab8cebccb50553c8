import {
  ChannelKindSchema,
  type Claim,
  ClaimKindSchema,
  type ClaimLink,
  ClaimLinkKindSchema,
  ClaimLinkSchema,
  Id,
  ModalitySchema,
  ReviewStatusSchema,
} from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput, paginate, paginateCounted } from '../pagination.js';
import type { InArticle } from '../store/claim-store.js';
import type { CorpusIndex } from '../store/corpus-index.js';
import {
  ClaimViewSchema,
  claimView,
  EntityRefSchema,
  entityRef,
  fold,
  oneOrMany,
  TextFilterSchema,
} from '../views.js';
import { NumberedBlockSchema, paragraphNumber } from './paragraphs.js';

export const ClaimLinkViewSchema = ClaimLinkSchema.extend({
  articleId: Id,
  /** `outgoing`: this claim bears on the other; `incoming`: the other bears on this one. */
  direction: z.enum(['outgoing', 'incoming']),
  other: ClaimViewSchema,
});

export const ClaimDetailSchema = z.object({
  claim: ClaimViewSchema,
  outlet: EntityRefSchema.nullable(),
  /** The blocks its content lies in, in reading order. */
  blocks: z.array(NumberedBlockSchema),
  parent: ClaimViewSchema.nullable(),
  /** Claims quoted inside this one. */
  children: z.array(ClaimViewSchema),
  /** The claim this one continues ("he added"). */
  continues: ClaimViewSchema.nullable(),
  /** The whole run of continuations this claim belongs to, first to last (itself included). */
  chain: z.array(ClaimViewSchema),
  links: z.array(ClaimLinkViewSchema),
});

export const DisagreementSchema = ClaimLinkSchema.extend({
  articleId: Id,
  from: ClaimViewSchema,
  to: ClaimViewSchema,
});

export const ListClaimsInput = z
  .strictObject({
    articleId: Id.optional(),
    speakerId: Id.optional(),
    /** Claims about this entity. */
    aboutId: Id.optional(),
    kind: oneOrMany(ClaimKindSchema).optional(),
    modality: oneOrMany(ModalitySchema).optional(),
    /** How the words reached the article (interview, letter, statement, …). */
    channel: oneOrMany(ChannelKindSchema).optional(),
    /** Claims made to or through this outlet ("told the AP"). */
    outletId: Id.optional(),
    /** Matches the words of the claim or its statement, ignoring case and accents. */
    text: TextFilterSchema.optional(),
    /** Claims whose review status is one of these (`unreviewed`: machine-made drafts nobody has checked). */
    review: oneOrMany(ReviewStatusSchema).optional(),
    ...pageInput,
  })
  .prefault({});
export const ListClaimsOutput = pageOutput(ClaimViewSchema);
export const ClaimIdInput = z.strictObject({ id: Id });
export const DisagreementsInput = z
  .strictObject({
    articleId: Id.optional(),
    kind: oneOrMany(ClaimLinkKindSchema).default(['contradicts', 'qualifies']),
  })
  .prefault({});
export const DisagreementsOutput = z.array(DisagreementSchema);

export type ClaimDetail = z.infer<typeof ClaimDetailSchema>;
export type ListClaimsQuery = z.output<typeof ListClaimsInput>;
export type DisagreementsQuery = z.output<typeof DisagreementsInput>;
export type Disagreement = z.infer<typeof DisagreementSchema>;

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
  const view = (c: InArticle<Claim>) => claimView(store, c);
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
  return paginate(matches, input, view);
}

/** Follows `continuesId` back to the first claim of the run, then forward through every continuation. */
export function continuationChain(
  store: Pick<CorpusIndex, 'claim' | 'continuationsOf'>,
  claim: InArticle<Claim>,
): InArticle<Claim>[] {
  let first = claim;
  const seen = new Set([claim.id]);
  for (
    let prev = claim.continuesId ? store.claim(claim.continuesId) : undefined;
    prev && !seen.has(prev.id);
  ) {
    seen.add(prev.id);
    first = prev;
    prev = prev.continuesId ? store.claim(prev.continuesId) : undefined;
  }
  const chain: InArticle<Claim>[] = [];
  const queue = [first];
  const visited = new Set<string>();
  while (queue.length > 0) {
    const next = queue.shift() as InArticle<Claim>;
    if (visited.has(next.id)) continue;
    visited.add(next.id);
    chain.push(next);
    queue.push(...store.continuationsOf(next.id));
  }
  return chain;
}

export function getClaim(store: CorpusIndex, id: string): ClaimDetail | null {
  const claim = store.claim(id);
  if (!claim) return null;
  const view = (c: InArticle<Claim>) => claimView(store, c);
  const blockIds = [...new Set(claim.content.map((a) => a.blockId))];
  const blocks = blockIds
    .map((blockId) => store.block(claim.articleId, blockId))
    .filter((b) => b !== undefined)
    .sort((a, b) => a.index - b.index)
    .map((b) => ({ ...b, paragraph: paragraphNumber(store, claim.articleId, b.id) }));
  const parent = claim.parentId ? store.claim(claim.parentId) : undefined;
  const continues = claim.continuesId ? store.claim(claim.continuesId) : undefined;
  const links = store.linksOf(id).flatMap((link: InArticle<ClaimLink>) => {
    const direction = link.fromId === id ? ('outgoing' as const) : ('incoming' as const);
    const other = store.claim(direction === 'outgoing' ? link.toId : link.fromId);
    return other ? [{ ...link, direction, other: view(other) }] : [];
  });
  return {
    claim: view(claim),
    outlet: claim.channel.outletId ? entityRef(store, claim.channel.outletId) : null,
    blocks,
    parent: parent ? view(parent) : null,
    children: store.childrenOf(id).map(view),
    continues: continues ? view(continues) : null,
    chain: continuationChain(store, claim).map(view),
    links,
  };
}

export function listDisagreements(store: CorpusIndex, input: DisagreementsQuery): Disagreement[] {
  return store.claimLinks().flatMap((link) => {
    if (!input.kind.includes(link.kind) || (input.articleId && link.articleId !== input.articleId))
      return [];
    const from = store.claim(link.fromId);
    const to = store.claim(link.toId);
    return from && to ? [{ ...link, from: claimView(store, from), to: claimView(store, to) }] : [];
  });
}
