import {
  ClaimKindSchema,
  ClaimLinkKindSchema,
  EntityKindSchema,
  Id,
  ModalitySchema,
  PredicateSchema,
} from '@claimscope/schema';
import { z } from 'zod';
import type { CorpusIndex } from '../store/corpus-index.js';
import { EntityRefSchema, entityRef } from '../views.js';

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

/** Counts of each value of `key`, with every value of the vocabulary present (zero if unused). */
export function tally<K extends string>(vocabulary: readonly K[], keys: K[]): Record<K, number> {
  const counts = Object.fromEntries(vocabulary.map((k) => [k, 0])) as Record<K, number>;
  for (const key of keys) counts[key] += 1;
  return counts;
}

export function getStats(store: CorpusIndex, input: StatsQuery): Stats {
  const inScope = <T extends { articleId: string }>(items: readonly T[]) =>
    input.articleId ? items.filter((i) => i.articleId === input.articleId) : [...items];
  const entities = store
    .entities()
    .filter((e) => !input.articleId || e.articleIds.includes(input.articleId));
  const claims = inScope(store.claims());
  const relations = inScope(store.relations());
  const links = inScope(store.claimLinks());

  const bySpeaker = new Map<string, number>();
  for (const c of claims) bySpeaker.set(c.speakerId, (bySpeaker.get(c.speakerId) ?? 0) + 1);
  const topSpeakers = [...bySpeaker]
    .map(([id, claimCount]) => ({ speaker: entityRef(store, id), claimCount }))
    .sort(
      (a, b) => b.claimCount - a.claimCount || a.speaker.name.localeCompare(b.speaker.name, 'en'),
    )
    .slice(0, input.topSpeakers);

  return {
    articles: input.articleId
      ? store.document(input.articleId)
        ? 1
        : 0
      : store.documents().length,
    entities: {
      total: entities.length,
      byKind: tally(
        EntityKindSchema.options,
        entities.map((e) => e.kind),
      ),
    },
    mentions: inScope(store.mentions()).length,
    claims: {
      total: claims.length,
      byKind: tally(
        ClaimKindSchema.options,
        claims.map((c) => c.kind),
      ),
      byModality: tally(
        ModalitySchema.options,
        claims.map((c) => c.modality),
      ),
    },
    relations: {
      total: relations.length,
      byPredicate: tally(
        PredicateSchema.options,
        relations.map((r) => r.predicate),
      ),
    },
    claimLinks: {
      total: links.length,
      byKind: tally(
        ClaimLinkKindSchema.options,
        links.map((l) => l.kind),
      ),
    },
    topSpeakers,
  };
}
