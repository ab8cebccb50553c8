import type { Provenance, ReviewStatus } from '@claimscope/schema';

/*
 * How the site tells annotations nobody has checked from reviewed ones. An extractor's output is
 * made by a rule or a model and starts `unreviewed`; readers must see that before they cite it.
 */

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  unreviewed: 'Unreviewed',
  reviewed: 'Reviewed',
  disputed: 'Disputed',
  rejected: 'Rejected',
};

export const REVIEW_STATUSES = Object.keys(REVIEW_STATUS_LABEL) as ReviewStatus[];

/** Made by a rule or a model rather than a person. */
export function isMachineMade(provenance: Pick<Provenance, 'agent'>): boolean {
  return provenance.agent.kind !== 'person';
}

/** The status a page marks, or null for a reviewed annotation (shown plainly). */
export function reviewMark(provenance: Pick<Provenance, 'review'>): ReviewStatus | null {
  return provenance.review.status === 'reviewed' ? null : provenance.review.status;
}

/** A badge's words: "Machine draft · unreviewed", "Disputed", … */
export function reviewBadgeText(provenance: Pick<Provenance, 'agent' | 'review'>): string {
  const status = provenance.review.status;
  if (status === 'unreviewed')
    return isMachineMade(provenance) ? 'Machine draft · unreviewed' : 'Unreviewed';
  return REVIEW_STATUS_LABEL[status];
}

/** Who made it and whether a person checked it, in one sentence for cards and tooltips. */
export function provenanceSentence(provenance: Provenance): string {
  const { agent, review } = provenance;
  const maker =
    agent.kind === 'person'
      ? `by ${agent.name}`
      : `by the ${agent.kind} ${agent.name}${agent.version ? ` ${agent.version}` : ''}`;
  const checked =
    review.status === 'unreviewed'
      ? 'not yet reviewed by a person'
      : `${review.status}${review.by ? ` by ${review.by}` : ''}${review.note ? `: ${review.note}` : ''}`;
  return `Made ${maker}; ${checked}.`;
}
