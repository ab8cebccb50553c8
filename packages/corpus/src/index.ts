// The annotated corpus: the built documents, the authoring types and the anchor resolver.

export type {
  AnchorSpec,
  ArticleAnnotations,
  ChannelSpec,
  ClaimLinkSpec,
  ClaimSpec,
  EntitySpec,
  RelationSpec,
  SurfaceFormSpec,
} from './authoring.js';
export { loadCorpus, SEED_ARTICLE_ID } from './documents.js';
export {
  annotatorProvenance,
  findAnchor,
  findOccurrences,
  parseAnchorString,
  type ResolveResult,
  resolveArticle,
  splitLines,
} from './resolve.js';
