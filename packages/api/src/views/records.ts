import {
  type ArticleDocument,
  type Block,
  type Claim,
  ClaimKindSchema,
  type ClaimLink,
  ClaimLinkKindSchema,
  type Entity,
  EntityKindSchema,
  type Mention,
  ModalitySchema,
  PredicateSchema,
  type Relation,
} from '@claimscope/schema';
import type { ArticleCounts, ArticleDetail } from '../contracts/articles.js';
import type { ClaimDetail } from '../contracts/claims.js';
import {
  type EntityDetail,
  type EntityListItem,
  MAX_ARTICLE_IDS,
  type MentionInContext,
} from '../contracts/entities.js';
import type { RelationView } from '../contracts/relations.js';
import type { SearchHit } from '../contracts/search.js';
import type {
  ClaimView,
  CorpusEntity,
  EntityRef,
  InArticle,
  NumberedBlock,
} from '../contracts/shared.js';
import type { Stats } from '../contracts/stats.js';
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

/** What a store keeps of an article to list it: its metadata and counts, without its text. */
export function articleSummary(doc: ArticleDocument) {
  const {
    text: _text,
    blocks: _blocks,
    provenance: _provenance,
    textSha256: _sha,
    ...rest
  } = doc.article;
  return { ...rest, counts: countsOf(doc) };
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

/** The corpus-wide entity of one id's records in corpus order: the first record, with the aliases of all. */
export function mergeEntity(
  records: readonly { article_id: string; record: Entity }[],
): CorpusEntity | null {
  const [first, ...rest] = records;
  if (!first) return null;
  const merged: CorpusEntity = {
    ...first.record,
    aliases: [...first.record.aliases],
    articleIds: [first.article_id],
  };
  for (const { article_id, record } of rest) {
    merged.articleIds.push(article_id);
    merged.aliases.push(...newAliases(merged, record));
  }
  return merged;
}

/** The aliases of a later article's record of an entity that the kept record does not name yet. */
export function newAliases(kept: Entity, incoming: Entity): Entity['aliases'] {
  const names = new Set([kept.name, ...kept.aliases.map((a) => a.name)]);
  return incoming.aliases.filter((a) => !names.has(a.name));
}

/** How many of one article's mentions, claims (as speaker) and claims about name each entity. */
export interface EntityRecordCounts {
  mentions: number;
  claims: number;
  about: number;
}

/** Each entity of the document with its counts in that document (entities it does not list are not counted). */
export function entityRecordCounts(document: ArticleDocument): Map<string, EntityRecordCounts> {
  const counts = new Map<string, EntityRecordCounts>(
    document.entities.map((e) => [e.id, { mentions: 0, claims: 0, about: 0 }]),
  );
  for (const m of document.mentions) {
    const c = counts.get(m.entityId);
    if (c) c.mentions += 1;
  }
  for (const claim of document.claims) {
    const c = counts.get(claim.speakerId);
    if (c) c.claims += 1;
    for (const id of new Set(claim.aboutIds)) {
      const a = counts.get(id);
      if (a) a.about += 1;
    }
  }
  return counts;
}

/** The first records of each list of an entity's detail, as a store found them. */
export interface EntityRecords {
  mentions: MentionInContext[];
  claimsBySpeaker: readonly InArticle<Claim>[];
  claimsAbout: readonly InArticle<Claim>[];
  relations: readonly InArticle<Relation>[];
}

/** The entities the lists of an entity's detail name. */
export const entityRecordRefIds = (records: EntityRecords) => [
  ...records.claimsBySpeaker.flatMap(claimRefIds),
  ...records.claimsAbout.flatMap(claimRefIds),
  ...records.relations.flatMap(relationRefIds),
];

/** An entity's detail: its lists cut as found, their totals from the entity's counts. */
export function entityDetail(
  ref: RefOf,
  entity: EntityListItem,
  records: EntityRecords,
  relationCount: number,
): EntityDetail {
  return {
    entity,
    mentions: records.mentions,
    claimsBySpeaker: records.claimsBySpeaker.map((claim) => claimView(ref, claim)),
    claimsAbout: records.claimsAbout.map((claim) => claimView(ref, claim)),
    relations: records.relations.map((relation) => relationView(ref, relation)),
    totals: {
      mentions: entity.mentionCount,
      claimsBySpeaker: entity.claimCount,
      claimsAbout: entity.aboutCount,
      relations: relationCount,
    },
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
function continuationChain(
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

/** What a claim's detail is made of, as a store found it. */
export interface ClaimRecords {
  claim: InArticle<Claim>;
  /** Every claim of its article, in reading order: its parent, children and continuations are among them. */
  inArticle: readonly InArticle<Claim>[];
  /** The blocks its content lies in, in reading order. */
  blocks: NumberedBlock[];
  /** Its links, in corpus order. */
  links: readonly InArticle<ClaimLink>[];
  /** The claims at the other end of `links`. */
  others: readonly InArticle<Claim>[];
}

/** The entities a claim's detail may name (the claims of its article name them all). */
export const claimRecordRefIds = ({ claim, inArticle, others }: ClaimRecords) => [
  ...(claim.channel.outletId ? [claim.channel.outletId] : []),
  ...inArticle.flatMap(claimRefIds),
  ...others.flatMap(claimRefIds),
];

export function claimDetail(ref: RefOf, records: ClaimRecords): ClaimDetail {
  const { claim, inArticle, blocks, links } = records;
  const id = claim.id;
  const byId = new Map(inArticle.map((c) => [c.id, c]));
  const lookups = {
    claim: (claimId: string) => byId.get(claimId),
    continuationsOf: (claimId: string) => inArticle.filter((c) => c.continuesId === claimId),
  };
  const otherById = new Map(records.others.map((c) => [c.id, c]));
  const view = (c: InArticle<Claim>) => claimView(ref, c);
  const parent = claim.parentId ? byId.get(claim.parentId) : undefined;
  const continues = claim.continuesId ? byId.get(claim.continuesId) : undefined;
  return {
    claim: view(claim),
    outlet: claim.channel.outletId ? ref(claim.channel.outletId) : null,
    blocks,
    parent: parent ? view(parent) : null,
    children: inArticle.filter((c) => c.parentId === id).map(view),
    continues: continues ? view(continues) : null,
    chain: continuationChain(lookups, claim).map(view),
    links: links.flatMap((link) => {
      const direction = link.fromId === id ? ('outgoing' as const) : ('incoming' as const);
      const other = otherById.get(direction === 'outgoing' ? link.toId : link.fromId);
      return other ? [{ ...link, direction, other: view(other) }] : [];
    }),
  };
}

/** How many records have one value (`key`) of a vocabulary, as a GROUP BY gives them. */
export interface KeyCount {
  key: string;
  n: number | string;
}

/** The counts of every value of `vocabulary` (zero where no row has it), and their total. */
function countedBy<K extends string>(vocabulary: readonly K[], rows: readonly KeyCount[]) {
  const counts = Object.fromEntries(vocabulary.map((k) => [k, 0])) as Record<K, number>;
  for (const row of rows) if (row.key in counts) counts[row.key as K] = Number(row.n);
  return { total: rows.reduce((sum, row) => sum + Number(row.n), 0), counts };
}

/** The statistics of a corpus (or one article) from the counts a store keeps or computes. */
export function statsView(
  counts: {
    articles: number;
    mentions: number;
    entityKinds: readonly KeyCount[];
    claimKinds: readonly KeyCount[];
    modalities: readonly KeyCount[];
    predicates: readonly KeyCount[];
    linkKinds: readonly KeyCount[];
  },
  topSpeakers: Stats['topSpeakers'],
): Stats {
  const entities = countedBy(EntityKindSchema.options, counts.entityKinds);
  const claims = countedBy(ClaimKindSchema.options, counts.claimKinds);
  const relations = countedBy(PredicateSchema.options, counts.predicates);
  const links = countedBy(ClaimLinkKindSchema.options, counts.linkKinds);
  return {
    articles: counts.articles,
    entities: { total: entities.total, byKind: entities.counts },
    mentions: counts.mentions,
    claims: {
      total: claims.total,
      byKind: claims.counts,
      byModality: countedBy(ModalitySchema.options, counts.modalities).counts,
    },
    relations: { total: relations.total, byPredicate: relations.counts },
    claimLinks: { total: links.total, byKind: links.counts },
    topSpeakers,
  };
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
