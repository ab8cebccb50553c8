import {
  CERTAINTY_LABEL,
  CHANNEL_LABEL,
  CLAIM_KIND_LABEL,
  ENTITY_KIND_LABEL,
  LINK_KIND_LABEL,
  MODALITY_LABEL,
  predicateLabel,
} from '@claimscope/schema/display';
import type { DraftView } from './review-api';

export type ReviewDocument = DraftView['document'];
export type Collection = 'claims' | 'mentions' | 'entities' | 'relations' | 'claimLinks';

/** One annotation in the review queue: where it is in the text and how to name it. */
export interface QueueItem {
  collection: Collection;
  id: string;
  key: string;
  label: string;
  detail: string;
  /** Where it starts in the text: the queue's reading order. */
  position: number;
  spans: [number, number][];
}

const ORDER: Collection[] = ['claims', 'mentions', 'relations', 'entities', 'claimLinks'];
const span = (a: { position: { start: number; end: number } }): [number, number] => [
  a.position.start,
  a.position.end,
];

/** Every annotation of the draft in reading order (entities at their first mention). */
export function reviewQueue(document: ReviewDocument): QueueItem[] {
  const nameOf = new Map(document.entities.map((e) => [e.id, e.name]));
  const end = document.article.text.length;
  const items: QueueItem[] = [];
  const add = (item: Omit<QueueItem, 'key'>) =>
    items.push({ ...item, key: `${item.collection}/${item.id}` });
  for (const claim of document.claims) {
    const spans = claim.content.map(span);
    add({
      collection: 'claims',
      id: claim.id,
      label: `${nameOf.get(claim.speakerId) ?? claim.speakerId}: “${claim.content.map((a) => a.quote.exact).join(' … ')}”`,
      detail: `${CLAIM_KIND_LABEL[claim.kind]} · ${CHANNEL_LABEL[claim.channel.kind]}${claim.channel.cue ? ` (${claim.channel.cue})` : ''} · ${MODALITY_LABEL[claim.modality]}`,
      position: spans[0]?.[0] ?? end,
      spans,
    });
  }
  const firstMention = new Map<string, number>();
  for (const mention of document.mentions) {
    const [start] = span(mention.anchor);
    if (!firstMention.has(mention.entityId) || (firstMention.get(mention.entityId) ?? end) > start)
      firstMention.set(mention.entityId, start);
    add({
      collection: 'mentions',
      id: mention.id,
      label: `Mention “${mention.anchor.quote.exact}”`,
      detail: `of ${nameOf.get(mention.entityId) ?? mention.entityId} (${mention.form.replaceAll('_', ' ')})`,
      position: start,
      spans: [span(mention.anchor)],
    });
  }
  for (const relation of document.relations) {
    const spans = relation.evidence.map(span);
    add({
      collection: 'relations',
      id: relation.id,
      label: `${nameOf.get(relation.subjectId) ?? relation.subjectId} ${predicateLabel(relation.predicate)} ${nameOf.get(relation.objectId) ?? relation.objectId}`,
      detail: `Relation · ${CERTAINTY_LABEL[relation.certainty]}`,
      position: spans[0]?.[0] ?? end,
      spans,
    });
  }
  for (const entity of document.entities)
    add({
      collection: 'entities',
      id: entity.id,
      label: `Entity ${entity.name}`,
      detail: ENTITY_KIND_LABEL[entity.kind],
      position: firstMention.get(entity.id) ?? end,
      spans: [],
    });
  for (const link of document.claimLinks)
    add({
      collection: 'claimLinks',
      id: link.id,
      label: `Claim link: ${LINK_KIND_LABEL[link.kind]}`,
      detail: link.note,
      position: end,
      spans: [],
    });
  return items.sort(
    (a, b) => a.position - b.position || ORDER.indexOf(a.collection) - ORDER.indexOf(b.collection),
  );
}

export interface TextSegment {
  start: number;
  end: number;
  text: string;
  keys: string[];
}

/** A block's text cut where annotations begin and end, each piece with the annotations covering it. */
export function segmentsOf(
  text: string,
  blockStart: number,
  blockEnd: number,
  items: readonly QueueItem[],
): TextSegment[] {
  const cuts = new Set([blockStart, blockEnd]);
  for (const item of items)
    for (const [start, end] of item.spans) {
      if (start > blockStart && start < blockEnd) cuts.add(start);
      if (end > blockStart && end < blockEnd) cuts.add(end);
    }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    const keys = items
      .filter((item) => item.spans.some(([s, e]) => s <= start && end <= e))
      .map((item) => item.key);
    segments.push({ start, end, text: text.slice(start, end), keys });
  }
  return segments;
}
