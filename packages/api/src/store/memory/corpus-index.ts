import type {
  ArticleDocument,
  Block,
  Claim,
  ClaimLink,
  Mention,
  Relation,
} from '@claimscope/schema';
import type { ArticleSort } from '../../contracts/articles.js';
import { sortArticles } from '../../views/article-order.js';
import { claimText, type RefOf, unresolvedRef } from '../../views/records.js';
import { fold } from '../../views/terms.js';
import type { CorpusEntity, InArticle, SearchMatch, SearchOptions } from '../claim-store.js';
import { buildSearchIndex } from './search-index.js';

/**
 * The current version of every article in memory, with the lookups the in-memory queries need. Entity ids are shared across
 * articles (see CorpusEntity); every other id is unique in the store, so an id alone names a record.
 */
export interface CorpusIndex {
  documents(): readonly ArticleDocument[];
  /** Every document in the order `sort` asks for (sorted once per index and order). */
  documentsBy(sort: ArticleSort): readonly ArticleDocument[];
  document(articleId: string): ArticleDocument | undefined;
  block(articleId: string, blockId: string): Block | undefined;

  entities(): readonly CorpusEntity[];
  /** Every entity, most mentioned first, then by name (sorted once per index). */
  entitiesByMentions(): readonly CorpusEntity[];
  /** Every entity by name (sorted once per index). */
  entitiesByName(): readonly CorpusEntity[];
  entity(id: string): CorpusEntity | undefined;
  mentionsOf(entityId: string): readonly InArticle<Mention>[];
  claimsBySpeaker(entityId: string): readonly InArticle<Claim>[];
  claimsAbout(entityId: string): readonly InArticle<Claim>[];
  relationsOf(entityId: string): readonly InArticle<Relation>[];

  /** Claims in reading order: by article, then by where their content starts. */
  claims(): readonly InArticle<Claim>[];
  claim(id: string): InArticle<Claim> | undefined;
  /** The claims of one article, or of one kind, in reading order: where a filtered list starts. */
  claimsInArticle(articleId: string): readonly InArticle<Claim>[];
  claimsOfKind(kind: Claim['kind']): readonly InArticle<Claim>[];
  /** The claims of one kind and one modality, in reading order. */
  claimsOfFacets(kind: Claim['kind'], modality: Claim['modality']): readonly InArticle<Claim>[];
  /** Where a claim stands in `claims()`, so lists of claims merge back into reading order. */
  claimPosition(claim: InArticle<Claim>): number;
  /** The words and statement of a claim, folded for the `text` filter (computed once per claim). */
  foldedClaimText(claim: InArticle<Claim>): string;
  /** Links from or to the claim. */
  linksOf(claimId: string): readonly InArticle<ClaimLink>[];
  claimLinks(): readonly InArticle<ClaimLink>[];

  relations(): readonly InArticle<Relation>[];
  mentions(): readonly InArticle<Mention>[];

  search(query: string, options: SearchOptions): SearchMatch[];
}

/** The refs of the index's entities (an unknown id names itself). */
export function entityRefs(store: Pick<CorpusIndex, 'entity'>): RefOf {
  return (id) => {
    const entity = store.entity(id);
    return entity ? { id, name: entity.name, kind: entity.kind } : unresolvedRef(id);
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes records by id, refusing an id that two records share (within or across articles). */
function indexById<T extends { id: string; articleId: string }>(
  records: T[],
  collection: string,
): Map<string, T> {
  const byId = new Map<string, T>();
  for (const record of records) {
    const first = byId.get(record.id);
    if (first)
      throw new Error(
        `${collection} id "${record.id}" is used in article "${first.articleId}" and again in article "${record.articleId}"; ids must be unique across the corpus`,
      );
    byId.set(record.id, record);
  }
  return byId;
}

/** Merges the records of one entity id from several articles into one corpus entity. */
function mergeEntities(docs: readonly ArticleDocument[]): CorpusEntity[] {
  const byId = new Map<string, CorpusEntity>();
  for (const doc of docs) {
    for (const entity of doc.entities) {
      const known = byId.get(entity.id);
      if (!known) {
        byId.set(entity.id, {
          ...entity,
          aliases: [...entity.aliases],
          articleIds: [doc.article.id],
        });
        continue;
      }
      if (known.kind !== entity.kind)
        throw new Error(
          `entity "${entity.id}" is a ${known.kind} in article "${known.articleIds[0]}" but a ${entity.kind} in article "${doc.article.id}"`,
        );
      known.articleIds.push(doc.article.id);
      const names = new Set([known.name, ...known.aliases.map((a) => a.name)]);
      for (const alias of entity.aliases) if (!names.has(alias.name)) known.aliases.push(alias);
    }
  }
  return [...byId.values()];
}

const firstOffset = (claim: Claim) => Math.min(...claim.content.map((a) => a.position.start));

/** Loads documents into memory and builds every index once; reads are then map lookups. */
export function buildCorpusIndex(documents: readonly ArticleDocument[]): CorpusIndex {
  const docs = [...documents];
  const inArticle = <T>(doc: ArticleDocument, items: T[]): InArticle<T>[] =>
    items.map((item) => ({ ...item, articleId: doc.article.id }));

  const documentsById = new Map<string, ArticleDocument>();
  for (const doc of docs) {
    if (documentsById.has(doc.article.id))
      throw new Error(`article id "${doc.article.id}" is loaded twice`);
    documentsById.set(doc.article.id, doc);
  }
  const blocks = new Map<string, Block>(
    docs.flatMap((doc) =>
      doc.article.blocks.map((b) => [`${doc.article.id}\u0000${b.id}`, b] as const),
    ),
  );

  const entities = mergeEntities(docs);
  const mentions: InArticle<Mention>[] = docs.flatMap((doc) =>
    inArticle(doc, doc.mentions).sort((a, b) => a.anchor.position.start - b.anchor.position.start),
  );
  const claims: InArticle<Claim>[] = docs.flatMap((doc) =>
    inArticle(doc, doc.claims).sort((a, b) => firstOffset(a) - firstOffset(b)),
  );
  const claimLinks: InArticle<ClaimLink>[] = docs.flatMap((doc) => inArticle(doc, doc.claimLinks));
  const relations: InArticle<Relation>[] = docs.flatMap((doc) => inArticle(doc, doc.relations));

  const entitiesById = new Map(entities.map((e) => [e.id, e]));
  const claimsById = indexById(claims, 'claim');
  indexById(mentions, 'mention');
  indexById(claimLinks, 'claim link');
  indexById(relations, 'relation');

  const mentionsByEntity = new Map<string, InArticle<Mention>[]>();
  for (const m of mentions) push(mentionsByEntity, m.entityId, m);
  const claimsBySpeaker = new Map<string, InArticle<Claim>[]>();
  const claimsAbout = new Map<string, InArticle<Claim>[]>();
  for (const c of claims) {
    push(claimsBySpeaker, c.speakerId, c);
    for (const id of new Set(c.aboutIds)) push(claimsAbout, id, c);
  }
  const claimsByArticle = new Map<string, InArticle<Claim>[]>();
  const claimsByKind = new Map<string, InArticle<Claim>[]>();
  const claimsByFacets = new Map<string, InArticle<Claim>[]>();
  const claimPositions = new Map<InArticle<Claim>, number>();
  for (const [position, c] of claims.entries()) {
    push(claimsByArticle, c.articleId, c);
    push(claimsByKind, c.kind, c);
    push(claimsByFacets, `${c.kind}\u0000${c.modality}`, c);
    claimPositions.set(c, position);
  }
  const foldedClaims = new Map<string, string>();
  const linksByClaim = new Map<string, InArticle<ClaimLink>[]>();
  for (const link of claimLinks) {
    push(linksByClaim, link.fromId, link);
    push(linksByClaim, link.toId, link);
  }
  const relationsByEntity = new Map<string, InArticle<Relation>[]>();
  for (const r of relations) {
    push(relationsByEntity, r.subjectId, r);
    push(relationsByEntity, r.objectId, r);
  }

  // Built on the first search, not with the store: a terminal that opens on an article never
  // pays for it before its first frame (issue 10), and a server pays once, on its first search.
  let searchIndex: ReturnType<typeof buildSearchIndex> | undefined;
  const byName = (a: CorpusEntity, b: CorpusEntity) =>
    a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
  let entitiesByName: CorpusEntity[] | null = null;
  let entitiesByMentions: CorpusEntity[] | null = null;
  const documentsBySort = new Map<ArticleSort, readonly ArticleDocument[]>();

  return {
    documents: () => docs,
    documentsBy: (sort) => {
      let sorted = documentsBySort.get(sort);
      if (!sorted) {
        sorted = sortArticles(docs, sort);
        documentsBySort.set(sort, sorted);
      }
      return sorted;
    },
    document: (articleId) => documentsById.get(articleId),
    block: (articleId, blockId) => blocks.get(`${articleId}\u0000${blockId}`),
    entities: () => entities,
    entitiesByName: () => {
      entitiesByName ??= [...entities].sort(byName);
      return entitiesByName;
    },
    entitiesByMentions: () => {
      const mentionsOf = (e: CorpusEntity) => mentionsByEntity.get(e.id)?.length ?? 0;
      entitiesByMentions ??= [...entities].sort(
        (a, b) => mentionsOf(b) - mentionsOf(a) || byName(a, b),
      );
      return entitiesByMentions;
    },
    entity: (id) => entitiesById.get(id),
    mentionsOf: (entityId) => mentionsByEntity.get(entityId) ?? [],
    claimsBySpeaker: (entityId) => claimsBySpeaker.get(entityId) ?? [],
    claimsAbout: (entityId) => claimsAbout.get(entityId) ?? [],
    relationsOf: (entityId) => relationsByEntity.get(entityId) ?? [],
    claims: () => claims,
    claim: (id) => claimsById.get(id),
    claimsInArticle: (articleId) => claimsByArticle.get(articleId) ?? [],
    claimsOfKind: (kind) => claimsByKind.get(kind) ?? [],
    claimsOfFacets: (kind, modality) => claimsByFacets.get(`${kind}\u0000${modality}`) ?? [],
    claimPosition: (claim) => claimPositions.get(claim) ?? -1,
    foldedClaimText: (claim) => {
      let folded = foldedClaims.get(claim.id);
      if (folded === undefined) {
        folded = fold(`${claimText(claim)}\n${claim.statement}`);
        foldedClaims.set(claim.id, folded);
      }
      return folded;
    },
    linksOf: (claimId) => linksByClaim.get(claimId) ?? [],
    claimLinks: () => claimLinks,
    relations: () => relations,
    mentions: () => mentions,
    search: (query, options) => {
      searchIndex ??= buildSearchIndex(docs, entities);
      return searchIndex.search(query, options);
    },
  };
}
