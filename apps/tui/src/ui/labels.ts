import type { ClaimItem, EntityItem, RelationItem } from '../api/queries.js';
import { truncate } from './text.js';

/** Short human forms of domain values, shared by the screens and the plain-text subcommands. */

export const humanize = (value: string) => value.replaceAll('_', ' ');

export function quoteLabel(claim: Pick<ClaimItem, 'text'>, width = 28): string {
  return `“${truncate(claim.text.replace(/\s+/g, ' '), width)}”`;
}

export function relationLabel(r: Pick<RelationItem, 'subject' | 'predicate' | 'object'>): string {
  return `${r.subject.name} ${humanize(r.predicate)} ${r.object.name}`;
}

export function entityCounts(
  e: Pick<EntityItem, 'mentionCount' | 'claimCount' | 'aboutCount'>,
): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(e.mentionCount, 'mention', 'mentions')} · ${plural(e.claimCount, 'claim made', 'claims made')} · ${e.aboutCount} about`;
}

export function channelLabel(claim: Pick<ClaimItem, 'channel'>): string {
  const cue = claim.channel.cue ? ` (“${claim.channel.cue}”)` : '';
  return `${humanize(claim.channel.kind)}${cue}`;
}
