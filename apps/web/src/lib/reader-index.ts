import type { RouterOutputs } from '@claimscope/client';
import type { Claim, Entity, EntityKind, Provenance } from '@claimscope/schema';
import { paragraphNumbers } from '@claimscope/schema/display';
import type { Span } from './spans';

export type ArticleDocument = RouterOutputs['article']['export'];

export type Mark =
  | { type: 'mention'; id: string; entity: Entity; provenance: Provenance }
  | { type: 'claim'; claim: Claim; anchorEnd: number; last: boolean };

export interface EntityCounts {
  mentions: number;
  claimsBy: number;
  claimsAbout: number;
}

/** What the reader needs to know about one article, computed once on the server. */
export interface ReaderIndex {
  entities: Map<string, Entity>;
  claims: Map<string, Claim>;
  /** Paragraph numbers as a reader counts them, by block id. */
  paragraphs: Map<string, number>;
  spansByBlock: Map<string, Span<Mark>[]>;
  /** Quoted claims by the block where their words end: the attribution line goes under it. */
  attributionsByBlock: Map<string, Claim[]>;
  speakers: { entity: Entity; count: number }[];
  kindCounts: Map<EntityKind, number>;
  /** Mentions and claims nobody has reviewed yet (or disputed, or rejected): the legend explains their mark. */
  unreviewedCount: number;
}

function claimDepth(claim: Claim, byId: Map<string, Claim>): number {
  let depth = 0;
  for (
    let parent = claim.parentId;
    parent && depth < 20;
    parent = byId.get(parent)?.parentId ?? null
  )
    depth++;
  return depth;
}

/** How often each entity is mentioned, speaks and is spoken about in the article. */
function countEntities(doc: ArticleDocument): Map<string, EntityCounts> {
  const counts = new Map<string, EntityCounts>(
    doc.entities.map((e) => [e.id, { mentions: 0, claimsBy: 0, claimsAbout: 0 }]),
  );
  for (const m of doc.mentions) {
    const c = counts.get(m.entityId);
    if (c) c.mentions++;
  }
  for (const claim of doc.claims) {
    const bySpeaker = counts.get(claim.speakerId);
    if (bySpeaker) bySpeaker.claimsBy++;
    for (const id of claim.aboutIds) {
      const c = counts.get(id);
      if (c) c.claimsAbout++;
    }
  }
  return counts;
}

export function buildReaderIndex(doc: ArticleDocument): ReaderIndex {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const claimsById = new Map(doc.claims.map((c) => [c.id, c]));
  const ordered = [...doc.claims].sort(
    (a, b) => (a.content[0]?.position.start ?? 0) - (b.content[0]?.position.start ?? 0),
  );
  const spansByBlock = new Map<string, Span<Mark>[]>();
  const add = (blockId: string, span: Span<Mark>) => {
    const list = spansByBlock.get(blockId) ?? [];
    list.push(span);
    spansByBlock.set(blockId, list);
  };
  const attributionsByBlock = new Map<string, Claim[]>();
  const speakerCounts = new Map<string, number>();
  for (const claim of ordered) {
    speakerCounts.set(claim.speakerId, (speakerCounts.get(claim.speakerId) ?? 0) + 1);
    const depth = claimDepth(claim, claimsById);
    const lastEnd = Math.max(...claim.content.map((a) => a.position.end));
    for (const anchor of claim.content) {
      add(anchor.blockId, {
        start: anchor.position.start,
        end: anchor.position.end,
        layer: depth,
        value: {
          type: 'claim',
          claim,
          anchorEnd: anchor.position.end,
          last: anchor.position.end === lastEnd,
        },
      });
    }
    const lastAnchor = claim.content.find((a) => a.position.end === lastEnd);
    if (lastAnchor && claim.kind !== 'author_assertion') {
      const list = attributionsByBlock.get(lastAnchor.blockId) ?? [];
      list.push(claim);
      attributionsByBlock.set(lastAnchor.blockId, list);
    }
  }
  for (const mention of doc.mentions) {
    const entity = entities.get(mention.entityId);
    if (!entity) continue;
    add(mention.anchor.blockId, {
      start: mention.anchor.position.start,
      end: mention.anchor.position.end,
      layer: 100,
      value: { type: 'mention', id: mention.id, entity, provenance: mention.provenance },
    });
  }
  const kindCounts = new Map<EntityKind, number>();
  for (const m of doc.mentions) {
    const kind = entities.get(m.entityId)?.kind;
    if (kind) kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
  }
  const speakers = [...speakerCounts]
    .flatMap(([id, count]) => {
      const entity = entities.get(id);
      return entity ? [{ entity, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  return {
    entities,
    claims: claimsById,
    paragraphs: paragraphNumbers(doc.article.blocks),
    spansByBlock,
    attributionsByBlock,
    speakers,
    kindCounts,
    unreviewedCount: [...doc.mentions, ...doc.claims].filter(
      (record) => record.provenance.review.status !== 'reviewed',
    ).length,
  };
}

/** The small facts a hover card shows, sent to the browser instead of the whole document. */
export interface ReaderCards {
  entities: Record<
    string,
    Pick<Entity, 'id' | 'name' | 'kind' | 'description' | 'provenance'> & { counts: EntityCounts }
  >;
  claims: Record<
    string,
    Pick<Claim, 'id' | 'kind' | 'statement' | 'modality' | 'channel' | 'time' | 'provenance'> & {
      speaker: { id: string; name: string };
      outlet: { id: string; name: string } | null;
    }
  >;
}

export function readerCards(doc: ArticleDocument): ReaderCards {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const counts = countEntities(doc);
  const ref = (id: string) => ({ id, name: names.get(id) ?? id });
  const cards: ReaderCards = { entities: {}, claims: {} };
  for (const e of doc.entities) {
    cards.entities[e.id] = {
      id: e.id,
      name: e.name,
      kind: e.kind,
      description: e.description,
      provenance: e.provenance,
      counts: counts.get(e.id) ?? { mentions: 0, claimsBy: 0, claimsAbout: 0 },
    };
  }
  for (const c of doc.claims) {
    cards.claims[c.id] = {
      id: c.id,
      kind: c.kind,
      statement: c.statement,
      modality: c.modality,
      channel: c.channel,
      time: c.time,
      provenance: c.provenance,
      speaker: ref(c.speakerId),
      outlet: c.channel.outletId ? ref(c.channel.outletId) : null,
    };
  }
  return cards;
}
