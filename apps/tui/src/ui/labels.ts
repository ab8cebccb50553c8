import {
  CHANNEL_LABEL,
  CLAIM_KIND_LABEL,
  claimLabel,
  ENTITY_KIND_LABEL,
  MODALITY_LABEL,
  predicateLabel,
} from '@claimscope/schema/display';
import type { ClaimItem, EntityItem, RelationItem } from '../api/queries.js';
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
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(e.mentionCount, 'mention', 'mentions')} · ${plural(e.claimCount, 'claim made', 'claims made')} · ${e.aboutCount} about`;
}

export function channelLabel(claim: Pick<ClaimItem, 'channel'>): string {
  const cue = claim.channel.cue ? ` (“${claim.channel.cue}”)` : '';
  return `${CHANNEL_LABEL[claim.channel.kind]}${cue}`;
}
