import { type Claim, ClaimSchema, EntityKindSchema, Id } from '@claimscope/schema';
import { z } from 'zod';
import type { InArticle } from './store/claim-store.js';
import type { CorpusIndex } from './store/corpus-index.js';

/** Enough of an entity to show and link to it. */
export const EntityRefSchema = z.object({ id: Id, name: z.string(), kind: EntityKindSchema });
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** A claim with its article, its speaker and the entities it is about resolved, and its words. */
export const ClaimViewSchema = ClaimSchema.extend({
  articleId: Id,
  /** The verbatim content, its spans joined with " … ". */
  text: z.string(),
  speaker: EntityRefSchema,
  about: z.array(EntityRefSchema),
});
export type ClaimView = z.infer<typeof ClaimViewSchema>;

/** Accepts one value or a list of them, and always gives a list. */
export function oneOrMany<T extends z.ZodType>(schema: T) {
  return z
    .union([schema, z.array(schema).min(1)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
}

export { foldText as fold } from '@claimscope/schema';

export const TextFilterSchema = z.string().trim().min(1).max(200);

export function entityRef(store: Pick<CorpusIndex, 'entity'>, id: string): EntityRef {
  const entity = store.entity(id);
  // Documents are validated, so a reference always resolves; the fallback keeps a view total.
  return entity
    ? { id, name: entity.name, kind: entity.kind }
    : { id, name: id, kind: 'unnamed_group' };
}

export function claimText(claim: Claim): string {
  return claim.content.map((a) => a.quote.exact).join(' … ');
}

export function claimView(store: Pick<CorpusIndex, 'entity'>, claim: InArticle<Claim>): ClaimView {
  return {
    ...claim,
    text: claimText(claim),
    speaker: entityRef(store, claim.speakerId),
    about: claim.aboutIds.map((id) => entityRef(store, id)),
  };
}
