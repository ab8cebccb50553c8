import {
  ChannelKindSchema,
  ClaimKindSchema,
  ClaimLinkKindSchema,
  ClaimLinkSchema,
  Id,
  ModalitySchema,
  ReviewStatusSchema,
} from '@claimscope/schema';
import { z } from 'zod';
import { type Page, pageInput, pageOutput, totalIsLowerBound } from './pagination.js';
import {
  ClaimViewSchema,
  EntityRefSchema,
  NumberedBlockSchema,
  oneOrMany,
  TextFilterSchema,
} from './shared.js';

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
/**
 * Lists filtered by text, or by several of kind or modality, channel, outlet and review status
 * with no article, speaker or entity, count only up to the cap (see `totalIsLowerBound`).
 */
export const ListClaimsOutput = pageOutput(ClaimViewSchema).extend(totalIsLowerBound);
export const ClaimIdInput = z.strictObject({ id: Id });
export const DisagreementsInput = z
  .strictObject({
    articleId: Id.optional(),
    kind: oneOrMany(ClaimLinkKindSchema).default(['contradicts', 'qualifies']),
    /** Links where this entity is the speaker of either claim. */
    speakerId: Id.optional(),
    /**
     * `true`: a speaker qualifying or contradicting their own words (both claims have one
     * speaker); `false`: one source against another.
     */
    sameSpeaker: z.boolean().optional(),
    ...pageInput,
  })
  .prefault({});
/** One page of links, in article order and then the article's link order. */
export const DisagreementsOutput = pageOutput(DisagreementSchema);

export type ClaimDetail = z.infer<typeof ClaimDetailSchema>;
export type ListClaimsQuery = z.output<typeof ListClaimsInput>;
/** A page of claim.list: a `Page` whose total may be a lower bound (see `ListClaimsOutput`). */
export type ClaimsPageOf<T> = Page<T> & { totalIsLowerBound?: true };
export type DisagreementsQuery = z.output<typeof DisagreementsInput>;
export type Disagreement = z.infer<typeof DisagreementSchema>;
