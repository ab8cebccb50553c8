import type { ArticleDocument, Provenance } from '@claimscope/schema';
import { makeFixtureDocument } from './fixture-document.js';

/** What an extractor writes on every annotation: made by a rule or a model, checked by nobody. */
export const RULE_DRAFT: Provenance = {
  agent: { kind: 'rule', name: 'claimscope-extract', version: '0.1.0' },
  review: { status: 'unreviewed' },
};
export const MODEL_DRAFT: Provenance = {
  agent: { kind: 'model', name: 'attribution-tagger', version: '2' },
  review: { status: 'unreviewed' },
};
const DISPUTED: Provenance = {
  agent: { kind: 'rule', name: 'claimscope-extract', version: '0.1.0' },
  review: { status: 'disputed', by: 'reviewer', note: 'The speaker is wrong.' },
};

/** Which records of the draft are machine-made, by the last part of their id (entities by id). */
const MACHINE: Record<string, Provenance> = {
  analysts: RULE_DRAFT,
  joscelyn: MODEL_DRAFT,
  'c-analysts': RULE_DRAFT,
  'c-joscelyn': MODEL_DRAFT,
  'c-al-qaeda-truce': RULE_DRAFT,
  'c-sanderson-stronger': DISPUTED,
  m1: RULE_DRAFT,
  m7: MODEL_DRAFT,
  'r-aq-is': RULE_DRAFT,
};

/**
 * The fixture article as an extractor would leave it half reviewed: a person checked the author's
 * assertion and Sanderson's quotes, while the analysts' claim, Joscelyn's quotes, their entities
 * and mentions and the truce relation are unreviewed machine drafts, and one claim is disputed.
 * Counts: claims 3 unreviewed, 1 disputed, 3 reviewed; entities 2 unreviewed of 9; relations 1 of 2.
 */
export function makeMachineDraftDocument(articleId = 'machine-draft'): ArticleDocument {
  const document = makeFixtureDocument(articleId);
  const mark = <T extends { id: string; provenance: Provenance }>(record: T): T => {
    const key = record.id.startsWith(`${articleId}.`)
      ? record.id.slice(articleId.length + 1)
      : record.id;
    const provenance = MACHINE[key];
    return provenance ? { ...record, provenance } : record;
  };
  return {
    ...document,
    entities: document.entities.map(mark),
    mentions: document.mentions.map(mark),
    claims: document.claims.map(mark),
    relations: document.relations.map(mark),
  };
}
