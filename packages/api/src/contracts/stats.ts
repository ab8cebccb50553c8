import {
  ClaimKindSchema,
  ClaimLinkKindSchema,
  EntityKindSchema,
  Id,
  ModalitySchema,
  PredicateSchema,
} from '@claimscope/schema';
import { z } from 'zod';
import { EntityRefSchema } from './shared.js';

export const StatsInput = z
  .strictObject({
    /** Count one article only. */
    articleId: Id.optional(),
    topSpeakers: z.int().min(1).max(100).default(10),
  })
  .prefault({});

export const StatsOutput = z.object({
  articles: z.int(),
  entities: z.object({ total: z.int(), byKind: z.record(EntityKindSchema, z.int()) }),
  mentions: z.int(),
  claims: z.object({
    total: z.int(),
    byKind: z.record(ClaimKindSchema, z.int()),
    byModality: z.record(ModalitySchema, z.int()),
  }),
  relations: z.object({ total: z.int(), byPredicate: z.record(PredicateSchema, z.int()) }),
  claimLinks: z.object({ total: z.int(), byKind: z.record(ClaimLinkKindSchema, z.int()) }),
  /** The entities with the most claims, most first. */
  topSpeakers: z.array(z.object({ speaker: EntityRefSchema, claimCount: z.int() })),
});

export type Stats = z.infer<typeof StatsOutput>;
export type StatsQuery = z.output<typeof StatsInput>;
