// The vocabularies' words live in the schema package, shared with the terminal UI.
export {
  BLOCK_KIND_LABEL,
  CHANNEL_LABEL,
  CLAIM_KIND_LABEL,
  ENTITY_KIND_LABEL,
  ENTITY_KINDS,
  LINK_KIND_LABEL,
  MODALITY_LABEL,
  predicateLabel,
} from '@claimscope/schema/display';
