import type { BlockKind } from './article.js';
import type { ChannelKind, ClaimKind, ClaimLinkKind, Modality, Polarity } from './claim.js';
import type { EntityKind } from './entity.js';
import type { Certainty, Predicate } from './relation.js';

/**
 * Words for the data model's vocabularies, the same in the web site, the terminal and exports.
 * `satisfies Record<…>` keeps each list complete when a vocabulary grows.
 */

export const ENTITY_KIND_LABEL = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  outlet: 'Outlet',
  event: 'Event',
  group: 'Group',
  unnamed_group: 'Unnamed group',
} as const satisfies Record<EntityKind, string>;

export const ENTITY_KINDS = Object.keys(ENTITY_KIND_LABEL) as EntityKind[];

export const CLAIM_KIND_LABEL = {
  direct_quote: 'Direct quote',
  indirect: 'Reported speech',
  author_assertion: 'Author’s assertion',
} as const satisfies Record<ClaimKind, string>;

export const MODALITY_LABEL = {
  asserted: 'Asserted',
  hedged: 'Hedged',
  speculative: 'Speculative',
  prediction: 'Prediction',
  denial: 'Denial',
} as const satisfies Record<Modality, string>;

/** Whether the content says that something is so, or that it is not. */
export const POLARITY_LABEL = {
  positive: 'Says it is so',
  negative: 'Says it is not so',
} as const satisfies Record<Polarity, string>;

export const CHANNEL_LABEL = {
  interview: 'Interview',
  letter: 'Letter',
  report: 'Report',
  statement: 'Statement',
  social_media: 'Social media',
  authorial: 'Author’s voice',
  unspecified: 'Channel not stated',
} as const satisfies Record<ChannelKind, string>;

export const LINK_KIND_LABEL = {
  supports: 'supports',
  contradicts: 'contradicts',
  qualifies: 'qualifies',
} as const satisfies Record<ClaimLinkKind, string>;

export const BLOCK_KIND_LABEL = {
  banner: 'Banner',
  headline: 'Headline',
  dek: 'Dek',
  photo_credit: 'Photo credit',
  paragraph: 'Paragraph',
  related_link: 'Related article',
  footer: 'Footer',
} as const satisfies Record<BlockKind, string>;

/**
 * Every relation predicate, in the schema's order. The schema's zod entry point is not bundled for
 * the browser; this list is, and `satisfies` keeps it the same set as the schema's.
 */
const PREDICATE_SET = {
  leader_of: true,
  member_of: true,
  affiliated_with: true,
  works_for: true,
  mentor_of: true,
  part_of: true,
  offshoot_of: true,
  backs: true,
  allied_with: true,
  in_conflict_with: true,
  truce_with: true,
  pledged_support_to: true,
  located_in: true,
  based_in: true,
  arrested_in: true,
  author_of: true,
} as const satisfies Record<Predicate, true>;
export const PREDICATES = Object.keys(PREDICATE_SET) as Predicate[];

export const CERTAINTY_LABEL = {
  stated: 'Stated',
  implied: 'Implied',
  hedged: 'Hedged',
} as const satisfies Record<Certainty, string>;
export const CERTAINTIES = Object.keys(CERTAINTY_LABEL) as Certainty[];

/** "mentor_of" → "mentor of". */
export function predicateLabel(predicate: Predicate): string {
  return predicate.replaceAll('_', ' ');
}
