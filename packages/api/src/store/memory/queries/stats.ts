import type { Stats, StatsQuery } from '../../../contracts/stats.js';
import { type KeyCount, statsView } from '../../../views/records.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';

/** How many of `keys` have each value, as a GROUP BY would count them. */
function keyCounts(keys: readonly string[]): KeyCount[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, n]) => ({ key, n }));
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

  const ref = entityRefs(store);
  const bySpeaker = new Map<string, number>();
  for (const c of claims) bySpeaker.set(c.speakerId, (bySpeaker.get(c.speakerId) ?? 0) + 1);
  const topSpeakers = [...bySpeaker]
    .map(([id, claimCount]) => ({ speaker: ref(id), claimCount }))
    .sort(
      (a, b) => b.claimCount - a.claimCount || a.speaker.name.localeCompare(b.speaker.name, 'en'),
    )
    .slice(0, input.topSpeakers);

  const counts = {
    articles: input.articleId
      ? store.document(input.articleId)
        ? 1
        : 0
      : store.documents().length,
    mentions: inScope(store.mentions()).length,
    entityKinds: keyCounts(entities.map((e) => e.kind)),
    claimKinds: keyCounts(claims.map((c) => c.kind)),
    modalities: keyCounts(claims.map((c) => c.modality)),
    predicates: keyCounts(relations.map((r) => r.predicate)),
    linkKinds: keyCounts(links.map((l) => l.kind)),
  };
  return statsView(counts, topSpeakers);
}
