import type { Claim } from '@claimscope/schema';

/** One line under a paragraph of the reader: who said the quote that ends there, and how. */
export interface AttributionLine {
  claim: Claim;
  /** The cue as written beside these words ("he added"), or null when the text has none here. */
  cue: string | null;
  /**
   * The channel's cue ("told VICE News") when it was written in an earlier paragraph and only
   * carried over to this continuation: where it was written, to say so and link it.
   */
  carriedCue: { text: string; blockId: string; paragraph: number | null } | null;
  /** The claim that quotes this one ("Joscelyn said al Qaeda is saying …"), when there is one. */
  quotedIn: Claim | null;
  /** Quotes inside this one that end in the same paragraph, shown nested under it. */
  nested: AttributionLine[];
}

/**
 * The attribution lines for the quotes that end in one paragraph: a quote inside another quote of the
 * same paragraph nests under it, and a cue carried over from an earlier paragraph says so.
 */
export function attributionLines(
  claims: readonly Claim[],
  claimsById: ReadonlyMap<string, Claim>,
  paragraphs: ReadonlyMap<string, number>,
): AttributionLine[] {
  const here = new Set(claims.map((c) => c.id));
  const line = (claim: Claim): AttributionLine => {
    const cueHere = claim.cue && claim.content.some((a) => a.blockId === claim.cue?.blockId);
    const cue = cueHere ? (claim.cue?.quote.exact ?? null) : null;
    return {
      claim,
      cue,
      carriedCue: carriedCue(claim, claimsById, paragraphs),
      quotedIn: claim.parentId ? (claimsById.get(claim.parentId) ?? null) : null,
      nested: claims.filter((c) => c.parentId === claim.id).map(line),
    };
  };
  return claims.filter((c) => !(c.parentId && here.has(c.parentId))).map(line);
}

/** Where a continuation's channel cue was written, when not beside its own words. */
function carriedCue(
  claim: Claim,
  claimsById: ReadonlyMap<string, Claim>,
  paragraphs: ReadonlyMap<string, number>,
): AttributionLine['carriedCue'] {
  const text = claim.channel.cue;
  if (!text) return null;
  const writtenIn = (c: Claim) => (c.cue?.quote.exact.includes(text) ? c.cue.blockId : null);
  const own = writtenIn(claim);
  if (own && claim.content.some((a) => a.blockId === own)) return null;
  const seen = new Set<string>([claim.id]);
  for (
    let earlier = claim.continuesId ? claimsById.get(claim.continuesId) : undefined;
    earlier && !seen.has(earlier.id);
    earlier = earlier.continuesId ? claimsById.get(earlier.continuesId) : undefined
  ) {
    seen.add(earlier.id);
    const blockId = writtenIn(earlier);
    if (blockId) return { text, blockId, paragraph: paragraphs.get(blockId) ?? null };
  }
  return own ? { text, blockId: own, paragraph: paragraphs.get(own) ?? null } : null;
}
