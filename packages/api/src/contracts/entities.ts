import {
  BlockKindSchema,
  EntityKindSchema,
  EntitySchema,
  Id,
  MentionSchema,
  ReviewStatusSchema,
} from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput } from './pagination.js';
import { RelationViewSchema } from './relations.js';
import {
  ClaimViewSchema,
  oneOrMany,
  ParagraphNumberSchema,
  SnippetSchema,
  TextFilterSchema,
} from './shared.js';

/** How many article ids an entity carries at most (`articleCount` counts them all). */
export const MAX_ARTICLE_IDS = 20;

export const EntityListItemSchema = EntitySchema.extend({
  /** The first articles that mention the entity, in corpus order, at most MAX_ARTICLE_IDS. */
  articleIds: z.array(Id),
  /** How many articles mention the entity. */
  articleCount: z.int(),
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

/**
 * How many records each list of `entity.get` holds at most, unless the caller asks otherwise:
 * an entity named in every article of a large corpus answers in under ~100 KB (each claim view is
 * ~1.2 KB) instead of the 450 KB that 200 of each made. Longer lists are paged by asking again with
 * a larger limit (the web page and the terminal do, 40 claims at a time): the seed's 56 claims
 * about al Qaeda take two pages.
 */
export const DEFAULT_MENTIONS_LIMIT = 40;
export const DEFAULT_CLAIMS_LIMIT = 40;
export const DEFAULT_RELATIONS_LIMIT = 20;
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
  /** How many records each list has over the corpus, shown or not: ask again with larger limits (up to MAX_DETAIL_LIMIT), or page `claim.list` (`speakerId`, `aboutId`) and `relation.list` (`entityId`). */
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
const detailLimit = (byDefault: number) => z.int().min(1).max(MAX_DETAIL_LIMIT).default(byDefault);
/**
 * An entity shared by every article has as many mentions as the corpus has articles: each list is
 * cut at a limit (40 mentions, 40 claims, 20 relations by default) and `totals` says how long it
 * really is.
 */
export const EntityDetailInput = z.strictObject({
  id: Id,
  mentionsLimit: detailLimit(DEFAULT_MENTIONS_LIMIT),
  claimsLimit: detailLimit(DEFAULT_CLAIMS_LIMIT),
  relationsLimit: detailLimit(DEFAULT_RELATIONS_LIMIT),
});
/** @deprecated the input of `entity.get` is `EntityDetailInput`; `{ id }` alone still works. */
export const EntityIdInput = EntityDetailInput;

export type EntityListItem = z.infer<typeof EntityListItemSchema>;
export type EntityDetail = z.infer<typeof EntityDetailSchema>;
export type ListEntitiesQuery = z.output<typeof ListEntitiesInput>;
export type EntityDetailLimits = Omit<z.output<typeof EntityDetailInput>, 'id'>;
export const DEFAULT_DETAIL_LIMITS: EntityDetailLimits = {
  mentionsLimit: DEFAULT_MENTIONS_LIMIT,
  claimsLimit: DEFAULT_CLAIMS_LIMIT,
  relationsLimit: DEFAULT_RELATIONS_LIMIT,
};

export type MentionInContext = z.infer<typeof MentionInContextSchema>;
