import { Id, PredicateSchema } from '@claimscope/schema';
import { z } from 'zod';
import { pageInput, pageOutput, paginate } from '../pagination.js';
import type { ClaimStore } from '../store/claim-store.js';
import { oneOrMany } from '../views.js';
import { RelationViewSchema, relationView } from './entities.js';

export const ListRelationsInput = z
  .strictObject({
    /** Relations with this entity on either side. */
    entityId: Id.optional(),
    predicate: oneOrMany(PredicateSchema).optional(),
    articleId: Id.optional(),
    ...pageInput,
  })
  .prefault({});
export const ListRelationsOutput = pageOutput(RelationViewSchema);

export function listRelations(store: ClaimStore, input: z.output<typeof ListRelationsInput>) {
  const matches = store
    .relations()
    .filter(
      (r) =>
        (!input.entityId || r.subjectId === input.entityId || r.objectId === input.entityId) &&
        (!input.predicate || input.predicate.includes(r.predicate)) &&
        (!input.articleId || r.articleId === input.articleId),
    );
  return paginate(matches, input, (r) => relationView(store, r));
}
