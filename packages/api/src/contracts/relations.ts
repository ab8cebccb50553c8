import { Id, PredicateSchema, RelationSchema, ReviewStatusSchema } from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput } from './pagination.js';
import { EntityRefSchema, oneOrMany } from './shared.js';

export const RelationViewSchema = RelationSchema.extend({
  articleId: Id,
  subject: EntityRefSchema,
  object: EntityRefSchema,
});

export const ListRelationsInput = z
  .strictObject({
    /** Relations with this entity on either side. */
    entityId: Id.optional(),
    predicate: oneOrMany(PredicateSchema).optional(),
    articleId: Id.optional(),
    /** Relations whose review status is one of these. */
    review: oneOrMany(ReviewStatusSchema).optional(),
    ...pageInput,
  })
  .prefault({});
export const ListRelationsOutput = pageOutput(RelationViewSchema);
export type ListRelationsQuery = z.output<typeof ListRelationsInput>;
export type RelationView = z.infer<typeof RelationViewSchema>;
