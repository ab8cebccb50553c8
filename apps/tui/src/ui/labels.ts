import type { Provenance, ReviewStatus } from '@claimscope/schema';
import {
  CHANNEL_LABEL,
  CLAIM_KIND_LABEL,
  claimLabel,
  ENTITY_KIND_LABEL,
  formatCount,
  MODALITY_LABEL,
  plural,
  predicateLabel,
} from '@claimscope/schema/display';
import type { ArticleSort, ClaimItem, EntityItem, RelationItem } from '../api/queries.js';
import { truncate } from './text.js';

/**
 * Short human forms of domain values, shared by the screens and the plain-text subcommands. The
 * vocabulary words come from `@claimscope/schema/display`, the same as the web site's.
 */

export { claimLabel };

export const entityKindLabel = (kind: EntityItem['kind']): string => ENTITY_KIND_LABEL[kind];
export const claimKindLabel = (kind: ClaimItem['kind']): string => CLAIM_KIND_LABEL[kind];
export const modalityLabel = (modality: ClaimItem['modality']): string => MODALITY_LABEL[modality];

/** One cell that marks a claim's kind in lists; `CLAIM_KIND_LEGEND` explains them. */
export const CLAIM_KIND_MARK: Record<ClaimItem['kind'], string> = {
  direct_quote: '“',
  indirect: '~',
  author_assertion: '·',
};

export const CLAIM_KIND_LEGEND = (Object.keys(CLAIM_KIND_MARK) as ClaimItem['kind'][])
  .map((kind) => `${CLAIM_KIND_MARK[kind]} ${CLAIM_KIND_LABEL[kind].toLowerCase()}`)
  .join('  ');

export const CERTAINTY_LABEL: Record<RelationItem['certainty'], string> = {
  stated: 'Stated',
  implied: 'Implied',
  hedged: 'Hedged',
};

export function quoteLabel(claim: Pick<ClaimItem, 'text'>, width = 28): string {
  return `“${truncate(claim.text.replace(/\s+/g, ' '), width)}”`;
}

export function relationLabel(r: Pick<RelationItem, 'subject' | 'predicate' | 'object'>): string {
  return `${r.subject.name} ${predicateLabel(r.predicate)} ${r.object.name}`;
}

export { predicateLabel };

export function entityCounts(
  e: Pick<EntityItem, 'mentionCount' | 'claimCount' | 'aboutCount'>,
): string {
  return `${plural(e.mentionCount, 'mention')} · ${plural(e.claimCount, 'claim made', 'claims made')} · ${formatCount(e.aboutCount)} about`;
}

export function channelLabel(claim: Pick<ClaimItem, 'channel'>): string {
  const cue = claim.channel.cue ? ` (“${claim.channel.cue}”)` : '';
  return `${CHANNEL_LABEL[claim.channel.kind]}${cue}`;
}

/**
 * One cell that marks what no person has confirmed: machine-made drafts start `unreviewed`.
 * Reviewed annotations show nothing; `REVIEW_LEGEND` explains the rest.
 */
export const REVIEW_MARK: Record<ReviewStatus, string> = {
  unreviewed: '?',
  reviewed: '',
  disputed: '!',
  rejected: 'x',
};

const REVIEW_WORD: Record<ReviewStatus, string> = {
  unreviewed: 'unreviewed',
  reviewed: '',
  disputed: 'disputed',
  rejected: 'rejected',
};

/** The legend of the review marks these rows show ("? unreviewed  ! disputed"), or ''. */
export function reviewLegend(rows: readonly { provenance: Pick<Provenance, 'review'> }[]): string {
  const present = new Set(rows.map((r) => r.provenance.review.status));
  return (['unreviewed', 'disputed', 'rejected'] as const)
    .filter((status) => present.has(status))
    .map((status) => `${REVIEW_MARK[status]} ${REVIEW_WORD[status]}`)
    .join('  ');
}

export const reviewMark = (provenance: Pick<Provenance, 'review'>): string =>
  REVIEW_MARK[provenance.review.status];

/** True when some row is not reviewed: lists then show the review column and its legend. */
export const anyUnreviewed = (rows: readonly { provenance: Pick<Provenance, 'review'> }[]) =>
  rows.some((row) => row.provenance.review.status !== 'reviewed');

/** "unreviewed · made by the rule claimscope-extract 0.1.0", for detail panes. */
export function reviewDescription(provenance: Provenance): string {
  const { agent, review } = provenance;
  const maker =
    agent.kind === 'person'
      ? agent.name
      : `the ${agent.kind} ${agent.name}${agent.version ? ` ${agent.version}` : ''}`;
  const status =
    review.status === 'unreviewed' ? 'unreviewed: no person has checked it' : review.status;
  const by = review.by ? ` by ${review.by}` : '';
  const note = review.note ? ` (${review.note})` : '';
  return `${status}${by}${note} · made by ${maker}`;
}

/** Words the list filter (`/`) matches, so typing "unreviewed" keeps only the drafts. */
export function reviewFilterText(provenance: Provenance): string {
  const { agent, review } = provenance;
  return review.status === 'reviewed'
    ? 'reviewed'
    : `${review.status} ${agent.kind === 'person' ? '' : 'machine draft'}`;
}

/** What the one-cell marks of the lists mean: the help screen lists them under its keys. */
export const MARK_HELP: readonly { keys: string; description: string }[] = [
  { keys: '“ ~ ·', description: 'a direct quote, reported speech, the author’s assertion' },
  {
    keys: REVIEW_MARK.unreviewed,
    description: 'unreviewed: made by a rule or a model (or a person), not yet checked',
  },
  { keys: REVIEW_MARK.disputed, description: 'disputed by a reviewer' },
  { keys: REVIEW_MARK.rejected, description: 'rejected by a reviewer' },
];

/** The article picker's order, as its title line says it. */
export const ARTICLE_SORT_LABEL: Record<ArticleSort, string> = {
  added: 'in the order added',
  recent: 'most recently added first',
  newest: 'newest published first',
  oldest: 'oldest published first',
  headline: 'by headline, A to Z',
  claims: 'most claims first',
};
