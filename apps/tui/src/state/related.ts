import type { ClaimDetail, ClaimItem } from '../api/queries.js';

/** How another claim stands to the one on screen, in the words the claim screen shows. */
export type Relation =
  | 'inside'
  | 'quotes'
  | 'continues'
  | 'continued by'
  | 'supports'
  | 'contradicts'
  | 'qualifies'
  | 'supported by'
  | 'contradicted by'
  | 'qualified by';

export interface RelatedClaim {
  relation: Relation;
  other: ClaimItem;
  /** Why a link holds (claim links only). */
  note: string | null;
}

const INCOMING: Record<'supports' | 'contradicts' | 'qualifies', Relation> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  qualifies: 'qualified by',
};

/**
 * Every claim that bears on this one, in the order the claim screen lists them: the claim it is
 * quoted inside, the claims quoted inside it, the one it continues and those that continue it,
 * then its links (what it supports, contradicts or qualifies, and what does so to it).
 */
export function relatedClaims(detail: ClaimDetail): RelatedClaim[] {
  const out: RelatedClaim[] = [];
  if (detail.parent) out.push({ relation: 'inside', other: detail.parent, note: null });
  for (const child of detail.children) out.push({ relation: 'quotes', other: child, note: null });
  if (detail.continues) out.push({ relation: 'continues', other: detail.continues, note: null });
  const at = detail.chain.findIndex((c) => c.id === detail.claim.id);
  if (at !== -1) {
    const next = detail.chain[at + 1];
    if (next) out.push({ relation: 'continued by', other: next, note: null });
  }
  for (const link of detail.links)
    out.push({
      relation: link.direction === 'outgoing' ? link.kind : INCOMING[link.kind],
      other: link.other,
      note: link.note,
    });
  return out;
}
