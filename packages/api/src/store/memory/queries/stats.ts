import {
  ClaimKindSchema,
  ClaimLinkKindSchema,
  EntityKindSchema,
  ModalitySchema,
  PredicateSchema,
} from '@claimscope/schema';
import type { Stats, StatsQuery } from '../../../contracts/stats.js';
import { tally } from '../../../views/records.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';

export function getStats(store: CorpusIndex, input: StatsQuery): Stats {
  const inScope = <T extends { articleId: string }>(items: readonly T[]) =>
    input.articleId ? items.filter((i) => i.articleId === input.articleId) : [...items];
  const entities = store
    .entities()
    .filter((e) => !input.articleId || e.articleIds.includes(input.articleId));
  const claims = inScope(store.claims());
  const relations = inScope(store.relations());
  const links = inScope(store.claimLinks());

  const ref = entityRefs(store);
  const bySpeaker = new Map<string, number>();
  for (const c of claims) bySpeaker.set(c.speakerId, (bySpeaker.get(c.speakerId) ?? 0) + 1);
  const topSpeakers = [...bySpeaker]
    .map(([id, claimCount]) => ({ speaker: ref(id), claimCount }))
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
