import type { Anchor, ArticleDocument, Claim, Mention } from '@claimscope/schema';
import {
  ATTRIBUTION,
  ATTRIBUTION_NO_SOURCE,
  BRAT_ENTITY_TYPE,
  ENTITY_REFERENCE_DB,
} from './brat-types.js';
import { OffsetConverter } from './text-layout.js';

/** A brat standoff pair: the text file and its annotation file. */
export interface BratFiles {
  txt: string;
  ann: string;
}

interface Span {
  start: number;
  end: number;
}

/** brat's text field is one line: line breaks inside a span become spaces. */
const oneLine = (text: string) => text.replace(/[\r\n\t]/g, ' ');

const distance = (a: Span, b: Span) => Math.max(0, a.start - b.end, b.start - a.end);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const spanOf = (anchor: Anchor): Span => anchor.position;

/**
 * The mention that stands for a claim's source: the speaker's mention nearest the cue (or the
 * content when there is no cue), outside the content when there is one such mention. The model
 * does not record which mention a source was, so this rule picks it, the same way every time.
 */
export function sourceMention(claim: Claim, mentionsOf: Map<string, Mention[]>): Mention | null {
  const candidates = mentionsOf.get(claim.speakerId) ?? [];
  if (candidates.length === 0) return null;
  const anchor = spanOf(claim.cue ?? (claim.content[0] as Anchor));
  const outside = candidates.filter(
    (m) => !claim.content.some((c) => overlaps(spanOf(c), spanOf(m.anchor))),
  );
  const pool = outside.length > 0 ? outside : candidates;
  let best = pool[0] as Mention;
  for (const m of pool)
    if (distance(spanOf(m.anchor), anchor) < distance(spanOf(best.anchor), anchor)) best = m;
  return best;
}

/**
 * brat standoff for one document: every mention as a span typed by its entity's kind and tied to
 * the entity by a `Reference` normalisation (`claimscope:<entity id>`); every claim as PolNeAR
 * writes attributions: `Source`, `Cue` and `Content` spans (content discontinuous when it has
 * several spans) and an `Attribution` trigger on the cue, tied by an `E` event. Offsets are in
 * Unicode code points, as brat counts them.
 */
export function writeBrat(doc: ArticleDocument): BratFiles {
  const { text } = doc.article;
  const offsets = new OffsetConverter(text);
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const lines: string[] = [];
  let t = 0;
  let n = 0;
  let e = 0;
  const span = (type: string, anchors: readonly Anchor[]): string => {
    const sorted = [...anchors].sort((a, b) => a.position.start - b.position.start);
    const fragments = sorted
      .map(
        (a) => `${offsets.toCodePoints(a.position.start)} ${offsets.toCodePoints(a.position.end)}`,
      )
      .join(';');
    const id = `T${++t}`;
    lines.push(
      `${id}\t${type} ${fragments}\t${oneLine(sorted.map((a) => a.quote.exact).join(' '))}`,
    );
    return id;
  };

  const mentions = [...doc.mentions].sort(
    (a, b) =>
      a.anchor.position.start - b.anchor.position.start ||
      a.anchor.position.end - b.anchor.position.end,
  );
  const mentionsOf = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const entity = entities.get(mention.entityId);
    if (!entity) continue;
    const id = span(BRAT_ENTITY_TYPE[entity.kind], [mention.anchor]);
    lines.push(
      `N${++n}\tReference ${id} ${ENTITY_REFERENCE_DB}:${entity.id}\t${oneLine(entity.name)}`,
    );
    mentionsOf.set(entity.id, [...(mentionsOf.get(entity.id) ?? []), mention]);
  }

  for (const claim of doc.claims) {
    // The words the claim records as its source; older documents without them fall back to a mention.
    const source = claim.source ?? sourceMention(claim, mentionsOf)?.anchor ?? null;
    const roles: string[] = [];
    const sourceId = source ? span('Source', [source]) : null;
    // Source words are not always a name ("he", "officials"): say whom they stand for.
    if (sourceId)
      lines.push(
        `N${++n}\tReference ${sourceId} ${ENTITY_REFERENCE_DB}:${claim.speakerId}\t${oneLine(entities.get(claim.speakerId)?.name ?? claim.speakerId)}`,
      );
    const cueId = claim.cue ? span('Cue', [claim.cue]) : null;
    const contentId = span('Content', claim.content);
    const trigger = span(source ? ATTRIBUTION : ATTRIBUTION_NO_SOURCE, [
      claim.cue ?? (claim.content[0] as Anchor),
    ]);
    roles.push(`${source ? ATTRIBUTION : ATTRIBUTION_NO_SOURCE}:${trigger}`);
    roles.push(`Content:${contentId}`);
    if (cueId) roles.push(`Cue:${cueId}`);
    if (sourceId) roles.push(`Source:${sourceId}`);
    lines.push(`E${++e}\t${roles.join(' ')}`);
  }
  return { txt: text, ann: lines.length === 0 ? '' : `${lines.join('\n')}\n` };
}
