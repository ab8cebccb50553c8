import type { ArticleDocument, Block, Claim, Entity, Mention, Relation } from '@claimscope/schema';
import type { ArticleCounts, ArticleDetail } from '../contracts/articles.js';
import { MAX_ARTICLE_IDS, type MentionInContext } from '../contracts/entities.js';
import type { RelationView } from '../contracts/relations.js';
import type { SearchHit } from '../contracts/search.js';
import type { ClaimView, CorpusEntity, EntityRef, InArticle } from '../contracts/shared.js';
import { makeSnippet, snippetOf } from './snippet.js';

/**
 * Builders of the API's view objects from the records a store holds, the same for every store:
 * a store looks up what a view refers to (entity names, paragraph numbers, blocks) its own way and
 * passes it in.
 */

/** The names and kinds of the entities a view refers to, as a store looked them up. */
export type RefOf = (id: string) => EntityRef;

/** The ref of an id no entity has: documents are validated, so this only keeps a view total. */
export const unresolvedRef = (id: string): EntityRef => ({ id, name: id, kind: 'unnamed_group' });

export function claimText(claim: Claim): string {
  return claim.content.map((a) => a.quote.exact).join(' … ');
}

/** The entities a claim view names. */
export const claimRefIds = (claim: Claim) => [claim.speakerId, ...claim.aboutIds];

export function claimView(ref: RefOf, claim: InArticle<Claim>): ClaimView {
  return {
    ...claim,
    text: claimText(claim),
    speaker: ref(claim.speakerId),
    about: claim.aboutIds.map(ref),
  };
}

/** The entities a relation view names. */
export const relationRefIds = (relation: Relation) => [relation.subjectId, relation.objectId];

export function relationView(ref: RefOf, relation: InArticle<Relation>): RelationView {
  return { ...relation, subject: ref(relation.subjectId), object: ref(relation.objectId) };
}

interface Byline {
  authorIds: readonly string[];
  publisherId: string | null;
}

/** The entities an article's byline names. */
export const bylineIds = (article: Byline) => [
  ...article.authorIds,
  ...(article.publisherId ? [article.publisherId] : []),
];

export function bylines(ref: RefOf, article: Byline) {
  return {
    authors: article.authorIds.map(ref),
    publisher: article.publisherId ? ref(article.publisherId) : null,
  };
}

export function countsOf(doc: ArticleDocument): ArticleCounts {
  return {
    blocks: doc.article.blocks.length,
    paragraphs: doc.article.blocks.filter((b) => b.kind === 'paragraph').length,
    entities: doc.entities.length,
    mentions: doc.mentions.length,
    claims: doc.claims.length,
    claimLinks: doc.claimLinks.length,
    relations: doc.relations.length,
  };
}

/** The detail of one version of an article, its bylines named as the corpus names them now. */
export function articleDetail(ref: RefOf, doc: ArticleDocument): ArticleDetail {
  const { text: _text, ...article } = doc.article;
  return { ...article, ...bylines(ref, article), counts: countsOf(doc) };
}

/** An entity with its first MAX_ARTICLE_IDS articles and the count of all. */
export function withArticleCount(entity: CorpusEntity) {
  return {
    ...entity,
    articleIds: entity.articleIds.slice(0, MAX_ARTICLE_IDS),
    articleCount: entity.articleIds.length,
  };
}

/** A mention with its block (missing only for a stale record) and that block's text around it. */
export function mentionInContext(
  mention: InArticle<Mention>,
  block: Block | null | undefined,
  paragraph: number | null,
): MentionInContext {
  const blockText = block?.text ?? mention.anchor.quote.exact;
  const offset = block?.start ?? mention.anchor.position.start;
  const highlight = {
    start: mention.anchor.position.start - offset,
    end: mention.anchor.position.end - offset,
  };
  return {
    ...mention,
    block: {
      id: mention.anchor.blockId,
      kind: block?.kind ?? 'paragraph',
      index: block?.index ?? 0,
      paragraph,
    },
    context: makeSnippet(blockText, [highlight], 240),
  };
}

/** Follows `continuesId` back to the first claim of the run, then forward through every continuation. */
export function continuationChain(
  store: {
    claim(id: string): InArticle<Claim> | undefined;
    continuationsOf(claimId: string): readonly InArticle<Claim>[];
  },
  claim: InArticle<Claim>,
): InArticle<Claim>[] {
  let first = claim;
  const seen = new Set([claim.id]);
  for (
    let prev = claim.continuesId ? store.claim(claim.continuesId) : undefined;
    prev && !seen.has(prev.id);
  ) {
    seen.add(prev.id);
    first = prev;
    prev = prev.continuesId ? store.claim(prev.continuesId) : undefined;
  }
  const chain: InArticle<Claim>[] = [];
  const queue = [first];
  const visited = new Set<string>();
  while (queue.length > 0) {
    const next = queue.shift() as InArticle<Claim>;
    if (visited.has(next.id)) continue;
    visited.add(next.id);
    chain.push(next);
    queue.push(...store.continuationsOf(next.id));
  }
  return chain;
}

/** Counts of each value of `key`, with every value of the vocabulary present (zero if unused). */
export function tally<K extends string>(vocabulary: readonly K[], keys: K[]): Record<K, number> {
  const counts = Object.fromEntries(vocabulary.map((k) => [k, 0])) as Record<K, number>;
  for (const key of keys) counts[key] += 1;
  return counts;
}

/** What every search hit has: the record's id, its article and its score. */
interface HitBase {
  id: string;
  articleId: string;
  score: number;
}

/** `matched` tells which normalised words of the query matched (see `snippetOf`). */
export function entityHit(
  base: HitBase,
  entity: Entity,
  matched: (term: string) => boolean,
): SearchHit {
  const texts = [entity.name, ...entity.aliases.map((a) => a.name), entity.description];
  return {
    type: 'entity',
    ...base,
    name: entity.name,
    kind: entity.kind,
    snippet: snippetOf(texts, matched),
  };
}

export function claimHit(
  base: HitBase,
  claim: Claim,
  speaker: EntityRef,
  matched: (term: string) => boolean,
): SearchHit {
  return {
    type: 'claim',
    ...base,
    kind: claim.kind,
    speaker,
    snippet: snippetOf([claimText(claim), claim.statement], matched),
  };
}

export function paragraphHit(
  base: HitBase,
  block: Block,
  paragraph: number | null,
  headline: string,
  matched: (term: string) => boolean,
): SearchHit {
  return {
    type: 'paragraph',
    ...base,
    index: block.index,
    paragraph,
    headline,
    snippet: snippetOf([block.text], matched),
  };
}
