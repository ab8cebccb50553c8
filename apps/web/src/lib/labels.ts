// The vocabularies' words live in the schema package, shared with the terminal UI.
import { BLOCK_KIND_LABEL, claimNumber } from '@claimscope/schema/display';

export {
  BLOCK_KIND_LABEL,
  CHANNEL_LABEL,
  CLAIM_KIND_LABEL,
  ENTITY_KIND_LABEL,
  ENTITY_KINDS,
  formatCount,
  LINK_KIND_LABEL,
  MODALITY_LABEL,
  plural,
  predicateLabel,
} from '@claimscope/schema/display';

/** "Claim 7", for the start of a sentence or a heading (the same number as `claimLabel`). */
export function claimTitle(claimId: string): string {
  return `Claim ${claimNumber(claimId) ?? claimId}`;
}

/** Where a block sits, as a reader counts: "Paragraph 4", or its kind ("Headline"). */
export function blockPlace(block: {
  kind: keyof typeof BLOCK_KIND_LABEL;
  paragraph: number | null;
}) {
  return block.paragraph === null ? BLOCK_KIND_LABEL[block.kind] : `Paragraph ${block.paragraph}`;
}
