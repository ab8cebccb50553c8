import { Id, PredicateSchema, ReviewStatusSchema } from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput, paginate } from '../pagination.js';
import type { CorpusIndex } from '../store/corpus-index.js';
import { oneOrMany } from '../views.js';
import { RelationViewSchema, relationView } from './entities.js';

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

export function listRelations(store: CorpusIndex, input: ListRelationsQuery) {
  // An entity's relations come from its own list (once each: a relation of an entity with itself is
  // listed under both sides), so the filter reads those, not every relation of the corpus.
  const candidates = input.entityId
    ? [...new Set(store.relationsOf(input.entityId))]
    : store.relations();
  const matches = candidates.filter(
    (r) =>
      (!input.entityId || r.subjectId === input.entityId || r.objectId === input.entityId) &&
      (!input.predicate || input.predicate.includes(r.predicate)) &&
      (!input.articleId || r.articleId === input.articleId) &&
      (!input.review || input.review.includes(r.provenance.review.status)),
  );
  return paginate(matches, input, (r) => relationView(store, r));
}
