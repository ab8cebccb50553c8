import type {
  ArticleDocument,
  Block,
  Claim,
  ClaimLink,
  Entity,
  Mention,
  Relation,
} from '@claimscope/schema';

/** A record together with the article it belongs to. */
export type InArticle<T> = T & { articleId: string };

/**
 * An entity across the corpus. Entity ids name one real-world referent in every article, so the
 * same id in two articles is one entity: the first article's record, with the aliases of all.
 */
export type CorpusEntity = Entity & { articleIds: string[] };

export type SearchableType = 'entity' | 'claim' | 'paragraph';

export interface SearchMatch {
  type: SearchableType;
  /** The id of the entity, claim or block. */
  id: string;
  articleId: string;
  score: number;
  /** The indexed terms that matched, as the index normalised them. */
  terms: string[];
}

export interface SearchOptions {
  types: readonly SearchableType[];
  limit: number;
}

/**
 * Read access to annotated articles, with the lookups the API needs. Entity ids are shared across
 * articles (see CorpusEntity); every other id is unique in the store, so an id alone names a record.
 */
export interface ClaimStore {
  documents(): readonly ArticleDocument[];
  document(articleId: string): ArticleDocument | undefined;
  block(articleId: string, blockId: string): Block | undefined;

  entities(): readonly CorpusEntity[];
  entity(id: string): CorpusEntity | undefined;
  mentionsOf(entityId: string): readonly InArticle<Mention>[];
  claimsBySpeaker(entityId: string): readonly InArticle<Claim>[];
  claimsAbout(entityId: string): readonly InArticle<Claim>[];
  relationsOf(entityId: string): readonly InArticle<Relation>[];

  /** Claims in reading order: by article, then by where their content starts. */
  claims(): readonly InArticle<Claim>[];
  claim(id: string): InArticle<Claim> | undefined;
  childrenOf(claimId: string): readonly InArticle<Claim>[];
  continuationsOf(claimId: string): readonly InArticle<Claim>[];
  /** Links from or to the claim. */
  linksOf(claimId: string): readonly InArticle<ClaimLink>[];
  claimLinks(): readonly InArticle<ClaimLink>[];

  relations(): readonly InArticle<Relation>[];
  mentions(): readonly InArticle<Mention>[];

  search(query: string, options: SearchOptions): SearchMatch[];
}
