import {
  BlockKindSchema,
  EntityKindSchema,
  EntitySchema,
  Id,
  MentionSchema,
  RelationSchema,
  ReviewStatusSchema,
} from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput, paginate } from '../pagination.js';
import { makeSnippet, SnippetSchema } from '../snippet.js';
import type { CorpusEntity, InArticle } from '../store/claim-store.js';
import type { CorpusIndex } from '../store/corpus-index.js';
import {
  ClaimViewSchema,
  claimView,
  EntityRefSchema,
  entityRef,
  fold,
  oneOrMany,
  TextFilterSchema,
} from '../views.js';
import { ParagraphNumberSchema, paragraphNumber } from './paragraphs.js';

export const EntityListItemSchema = EntitySchema.extend({
  /** The articles that mention the entity. */
  articleIds: z.array(Id),
  /** Counts are over the corpus, or over one article when the list is filtered by article. */
  mentionCount: z.int(),
  /** Claims the entity makes. */
  claimCount: z.int(),
  /** Claims about the entity. */
  aboutCount: z.int(),
});

export const MentionInContextSchema = MentionSchema.extend({
  articleId: Id,
  block: z.object({
    id: Id,
    kind: BlockKindSchema,
    index: z.int(),
    paragraph: ParagraphNumberSchema,
  }),
  /** The surrounding text of the block, with the mention highlighted. */
  context: SnippetSchema,
});

export const RelationViewSchema = RelationSchema.extend({
  articleId: Id,
  subject: EntityRefSchema,
  object: EntityRefSchema,
});

/** How many records each list of `entity.get` holds at most, unless the caller asks otherwise. */
export const DEFAULT_DETAIL_LIMIT = 200;
export const MAX_DETAIL_LIMIT = 1000;

export const EntityDetailSchema = z.object({
  entity: EntityListItemSchema,
  /** The first `mentionsLimit` mentions in reading order (all of them when `totals.mentions` is no larger). */
  mentions: z.array(MentionInContextSchema),
  /** The first `claimsLimit` claims the entity makes, in reading order. */
  claimsBySpeaker: z.array(ClaimViewSchema),
  /** The first `claimsLimit` claims about the entity, in reading order. */
  claimsAbout: z.array(ClaimViewSchema),
  /** The first `relationsLimit` relations with the entity on either side. */
  relations: z.array(RelationViewSchema),
  /** How many records each list has over the corpus, shown or not: page further with `entity.list`-style lists (`claim.list`, `relation.list`). */
  totals: z.object({
    mentions: z.int().nonnegative(),
    claimsBySpeaker: z.int().nonnegative(),
    claimsAbout: z.int().nonnegative(),
    relations: z.int().nonnegative(),
  }),
});

export const ListEntitiesInput = z
  .strictObject({
    articleId: Id.optional(),
    kind: oneOrMany(EntityKindSchema).optional(),
    /** Matches the name, an alias or the description, ignoring case and accents. */
    text: TextFilterSchema.optional(),
    /** Entities whose review status is one of these (the record of the first article that names them). */
    review: oneOrMany(ReviewStatusSchema).optional(),
    /** `mentions`: most mentioned first (the default); `name`: alphabetical. */
    sort: z.enum(['mentions', 'name']).default('mentions'),
    ...pageInput,
  })
  .prefault({});
export const ListEntitiesOutput = pageOutput(EntityListItemSchema);
const detailLimit = z.int().min(1).max(MAX_DETAIL_LIMIT).default(DEFAULT_DETAIL_LIMIT);
/**
 * An entity shared by every article has as many mentions as the corpus has articles: each list is
 * cut at a limit (200 by default, which keeps every list of the seed article whole) and `totals`
 * says how long it really is.
 */
export const EntityDetailInput = z.strictObject({
  id: Id,
  mentionsLimit: detailLimit,
  claimsLimit: detailLimit,
  relationsLimit: detailLimit,
});
/** @deprecated the input of `entity.get` is `EntityDetailInput`; `{ id }` alone still works. */
export const EntityIdInput = EntityDetailInput;

export type EntityListItem = z.infer<typeof EntityListItemSchema>;
export type EntityDetail = z.infer<typeof EntityDetailSchema>;
export type RelationView = z.infer<typeof RelationViewSchema>;
export type ListEntitiesQuery = z.output<typeof ListEntitiesInput>;
export type EntityDetailLimits = Omit<z.output<typeof EntityDetailInput>, 'id'>;
export const DEFAULT_DETAIL_LIMITS: EntityDetailLimits = {
  mentionsLimit: DEFAULT_DETAIL_LIMIT,
  claimsLimit: DEFAULT_DETAIL_LIMIT,
  relationsLimit: DEFAULT_DETAIL_LIMIT,
};

function listItem(store: CorpusIndex, entity: CorpusEntity, articleId?: string): EntityListItem {
  const count = (records: readonly { articleId: string }[]) =>
    articleId ? records.filter((r) => r.articleId === articleId).length : records.length;
  return {
    ...entity,
    mentionCount: count(store.mentionsOf(entity.id)),
    claimCount: count(store.claimsBySpeaker(entity.id)),
    aboutCount: count(store.claimsAbout(entity.id)),
  };
}

export function relationView(
  store: CorpusIndex,
  relation: InArticle<z.infer<typeof RelationSchema>>,
): RelationView {
  return {
    ...relation,
    subject: entityRef(store, relation.subjectId),
    object: entityRef(store, relation.objectId),
  };
}

export function listEntities(store: CorpusIndex, input: ListEntitiesQuery) {
  const needle = input.text ? fold(input.text) : null;
  const matches = store
    .entities()
    .filter(
      (e) =>
        (!input.articleId || e.articleIds.includes(input.articleId)) &&
        (!input.kind || input.kind.includes(e.kind)) &&
        (!input.review || input.review.includes(e.provenance.review.status)) &&
        (!needle ||
          [e.name, e.description, ...e.aliases.map((a) => a.name)].some((s) =>
            fold(s).includes(needle),
          )),
    )
    .map((e) => listItem(store, e, input.articleId));
  const byName = (a: EntityListItem, b: EntityListItem) =>
    a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
  matches.sort(
    input.sort === 'name' ? byName : (a, b) => b.mentionCount - a.mentionCount || byName(a, b),
  );
  return paginate(matches, input, (item) => item);
}

export function getEntity(
  store: CorpusIndex,
  id: string,
  limits: EntityDetailLimits = DEFAULT_DETAIL_LIMITS,
): EntityDetail | null {
  const entity = store.entity(id);
  if (!entity) return null;
  const allMentions = store.mentionsOf(id);
  const bySpeaker = store.claimsBySpeaker(id);
  const about = store.claimsAbout(id);
  const relations = store.relationsOf(id);
  const mentions = allMentions.slice(0, limits.mentionsLimit).map((mention) => {
    const block = store.block(mention.articleId, mention.anchor.blockId);
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
        paragraph: paragraphNumber(store, mention.articleId, mention.anchor.blockId),
      },
      context: makeSnippet(blockText, [highlight], 240),
    };
  });
  return {
    entity: listItem(store, entity),
    mentions,
    claimsBySpeaker: bySpeaker.slice(0, limits.claimsLimit).map((c) => claimView(store, c)),
    claimsAbout: about.slice(0, limits.claimsLimit).map((c) => claimView(store, c)),
    relations: relations.slice(0, limits.relationsLimit).map((r) => relationView(store, r)),
    totals: {
      mentions: allMentions.length,
      claimsBySpeaker: bySpeaker.length,
      claimsAbout: about.length,
      relations: relations.length,
    },
  };
}
