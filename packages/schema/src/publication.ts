import { z } from 'zod';
import { ClaimLinkSchema, ClaimSchema } from './claim.js';
import { EntitySchema, MentionSchema } from './entity.js';
import { RelationSchema } from './relation.js';

const decided = {
  /** The editor who rejected it. */
  by: z.string().min(1),
  at: z.iso.datetime(),
};

/**
 * A machine annotation an editor rejected, as the machine made it. Kept with the version for its
 * history; no view (reader, lists, search, stats, exports) shows it.
 */
export const RejectedAnnotationSchema = z
  .discriminatedUnion('collection', [
    z.object({ collection: z.literal('claims'), record: ClaimSchema, ...decided }),
    z.object({ collection: z.literal('mentions'), record: MentionSchema, ...decided }),
    z.object({ collection: z.literal('entities'), record: EntitySchema, ...decided }),
    z.object({ collection: z.literal('relations'), record: RelationSchema, ...decided }),
    z.object({ collection: z.literal('claimLinks'), record: ClaimLinkSchema, ...decided }),
  ])
  .meta({ id: 'RejectedAnnotation' });

/**
 * How a reviewed version came to be: who published it and when, the version it was reviewed
 * against, and the machine annotations rejected on the way (absent for imported documents).
 */
export const PublicationSchema = z
  .object({
    by: z.string().min(1),
    at: z.iso.datetime(),
    /** The article's version when review began; null when the article was new. */
    baseVersion: z.int().positive().nullable(),
    rejected: z.array(RejectedAnnotationSchema),
  })
  .meta({
    id: 'Publication',
    description:
      'Who published a reviewed version, when, on top of which version, and the machine annotations the editor rejected (kept for the history, shown in no view).',
  });

export type RejectedAnnotation = z.infer<typeof RejectedAnnotationSchema>;
export type Publication = z.infer<typeof PublicationSchema>;
