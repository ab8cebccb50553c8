import {
  type ArticleDocument,
  ArticleDocumentSchema,
  ClaimLinkSchema,
  ClaimSchema,
  EntitySchema,
  formatPath,
  MentionSchema,
  type Provenance,
  RelationSchema,
} from '@claimscope/schema';
import { z } from 'zod';

/** The annotations an editor reviews one by one, in the queue's order of kinds. */
export const ANNOTATION_COLLECTIONS = [
  'claims',
  'mentions',
  'entities',
  'relations',
  'claimLinks',
] as const;
export const AnnotationCollectionSchema = z.enum(ANNOTATION_COLLECTIONS);
export type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>;

/** Each collection's record schema: an edited or added record is checked against it first. */
export const RECORD_SCHEMAS = {
  claims: ClaimSchema,
  mentions: MentionSchema,
  entities: EntitySchema,
  relations: RelationSchema,
  claimLinks: ClaimLinkSchema,
} as const;

export const DecisionSchema = z.strictObject({
  /** accepted / edited / rejected: a machine annotation; added: one the editor made. */
  action: z.enum(['accepted', 'edited', 'rejected', 'added']),
  by: z.string().min(1),
  at: z.iso.datetime(),
  /** The record as edited or added (absent for accepted and rejected). */
  record: z.record(z.string(), z.unknown()).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * One step of the editor's work, for undo: the decisions it changed, as they were before
 * (null: there was none). A merge or split changes many decisions in one step.
 */
export const HistoryStepSchema = z.strictObject({
  at: z.iso.datetime(),
  by: z.string().min(1),
  /** What the step did, for "Undone: …": `accept claims/c1`, `merge entities a ← b`. */
  label: z.string().min(1),
  previous: z.record(z.string(), DecisionSchema.nullable()),
});
export type HistoryStep = z.infer<typeof HistoryStepSchema>;

/** A key of `decisions`: `claims/<id>`. */
export const decisionKey = (collection: AnnotationCollection, id: string) => `${collection}/${id}`;

/**
 * An article under review: the machine's document as extracted (never changed), and the editor's
 * decisions on its annotations, from which the reviewed document is derived. Saved after every
 * decision; `revision` counts the saves, so two tabs cannot silently overwrite each other.
 */
export const DraftSchema = z.strictObject({
  id: z.string().regex(/^draft-[0-9a-f]{16}$/),
  owner: z.string().min(1),
  articleId: z.string().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  revision: z.int().nonnegative(),
  /** The article's current version when the draft was opened; null for an article not yet stored. */
  baseVersion: z.int().positive().nullable(),
  machine: z.custom<ArticleDocument>(),
  decisions: z.record(z.string(), DecisionSchema),
  /** Every step since the draft was created, oldest first (absent in drafts saved before undo history). */
  history: z.array(HistoryStepSchema).optional(),
  /** Set once published: the version it became. */
  published: z.strictObject({ version: z.int().positive(), at: z.iso.datetime() }).nullable(),
});
export type Draft = z.infer<typeof DraftSchema>;

type AnyRecord = { id: string; provenance: Provenance };

/** Review provenance for a decided annotation: who decided what, and when, in the note. */
function reviewed(record: AnyRecord, decision: Decision): AnyRecord {
  const { provenance } = record;
  const status = decision.action === 'rejected' ? 'rejected' : 'reviewed';
  const agent =
    decision.action === 'added' ? { kind: 'person' as const, name: decision.by } : provenance.agent;
  return {
    ...record,
    provenance: {
      ...provenance,
      agent,
      review: { status, by: decision.by, note: `${decision.action} at ${decision.at}` },
    },
  };
}

/**
 * The document with every decision applied: edits replace records, additions follow the
 * machine's records, and each decided record's provenance says accepted / edited / rejected /
 * added, by whom and when. Rejected records stay (marked rejected) unless `withoutRejected`.
 */
export function reviewedDocument(draft: Draft, withoutRejected = false): ArticleDocument {
  const document = structuredClone(draft.machine);
  const collections = document as unknown as Record<AnnotationCollection, AnyRecord[]>;
  for (const collection of ANNOTATION_COLLECTIONS) {
    const records: AnyRecord[] = [];
    for (const record of collections[collection]) {
      const decision = draft.decisions[decisionKey(collection, record.id)];
      if (!decision) records.push(record);
      else if (decision.action === 'rejected' && withoutRejected) continue;
      else records.push(reviewed((decision.record as AnyRecord | undefined) ?? record, decision));
    }
    // Additions follow in the order they were made, whatever order a store keeps keys in.
    const added = Object.entries(draft.decisions)
      .filter(([key, decision]) => decision.action === 'added' && key.startsWith(`${collection}/`))
      .sort(([a, x], [b, y]) => x.at.localeCompare(y.at) || a.localeCompare(b));
    for (const [, decision] of added)
      records.push(reviewed(decision.record as AnyRecord, decision));
    collections[collection] = records;
  }
  return document;
}

/** What the published version will hold: rejected annotations left out. */
export const publishedView = (draft: Draft) => reviewedDocument(draft, true);

export interface ReviewProgress {
  reviewed: number;
  total: number;
}

/** "34 of 70 reviewed": every annotation with a decision, of all the draft's annotations. */
export function reviewProgress(draft: Draft): ReviewProgress {
  const document = reviewedDocument(draft);
  let total = 0;
  let reviewedCount = 0;
  for (const collection of ANNOTATION_COLLECTIONS)
    for (const record of document[collection]) {
      total += 1;
      if (draft.decisions[decisionKey(collection, record.id)]) reviewedCount += 1;
    }
  return { reviewed: reviewedCount, total };
}

export interface DecisionIssue {
  path: string;
  message: string;
}

/**
 * The issues a decision would cause, or none: an edited or added record is checked against its
 * collection's schema (paths from `record`), then the published view as a whole document, as
 * imports check documents (paths into the document, e.g. `claims[2].speakerId`).
 */
export function decisionIssues(
  draft: Draft,
  collection: AnnotationCollection,
  record: unknown,
): DecisionIssue[] {
  if (record !== undefined) {
    const parsed = RECORD_SCHEMAS[collection].safeParse(record);
    if (!parsed.success)
      return parsed.error.issues.map((issue) => ({
        path: formatPath(['record', ...issue.path]),
        message: issue.message,
      }));
  }
  const whole = ArticleDocumentSchema.safeParse(publishedView(draft));
  if (whole.success) return [];
  return whole.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

export {
  type CollectionChange,
  type DocumentDiff,
  describeDiff,
  diffDocuments,
} from '@claimscope/schema';
