import type { ListRelationsQuery } from '../../../contracts/relations.js';
import { paginate } from '../../../views/pagination.js';
import { relationView } from '../../../views/records.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';

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
  const ref = entityRefs(store);
  return paginate(matches, input, (r) => relationView(ref, r));
}
