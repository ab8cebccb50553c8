import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { ClaimStore } from '../store/claim-store.js';
import {
  type AnnotationCollection,
  type Decision,
  type DecisionIssue,
  type Draft,
  decisionIssues,
  decisionKey,
  type HistoryStep,
  RECORD_SCHEMAS,
} from './draft.js';

/*
 * Editing operations that change several annotations in one step (merge and split entities),
 * and the undo history that takes steps back one by one, kept in the draft on the server.
 */

/** The draft's history with `step` appended. */
export const withStep = (draft: Draft, step: HistoryStep): HistoryStep[] => [
  ...(draft.history ?? []),
  step,
];

type AnyRecord = Record<string, unknown> & { id: string };

/** A change to one decision: the new decision, or null to remove it. */
type Changes = Record<string, Decision | null>;

const refuse = (issues: DecisionIssue[]): never => {
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    cause: { issues: issues.map((i) => ({ path: i.path ? [i.path] : [], message: i.message })) },
  });
};

const ensureOpen = (draft: Draft) => {
  if (draft.published)
    throw new TRPCError({
      code: 'CONFLICT',
      message: `draft "${draft.id}" was published as version ${draft.published.version}`,
    });
};

async function save(store: ClaimStore, next: Draft): Promise<Draft> {
  if (!(await store.drafts.saveDraft(next)))
    throw new TRPCError({
      code: 'CONFLICT',
      message: `draft "${next.id}" changed meanwhile (in another tab?): reload it`,
    });
  return next;
}

/**
 * The draft's annotations of one collection as they stand (edits applied, rejected ones left
 * out), each with whether the machine made it. Records are the editor's (no review provenance).
 */
function standing(draft: Draft, collection: AnnotationCollection) {
  const records: { record: AnyRecord; machine: boolean }[] = [];
  for (const record of draft.machine[collection] as unknown as AnyRecord[]) {
    const decision = draft.decisions[decisionKey(collection, record.id)];
    if (decision?.action === 'rejected') continue;
    records.push({ record: (decision?.record as AnyRecord | undefined) ?? record, machine: true });
  }
  for (const [key, decision] of Object.entries(draft.decisions))
    if (decision.action === 'added' && key.startsWith(`${collection}/`))
      records.push({ record: decision.record as AnyRecord, machine: false });
  return records;
}

/**
 * Applies several decisions as one step: each changed record is checked against its schema,
 * then the published view as a whole document; saved before it returns.
 */
async function applyStep(
  store: ClaimStore,
  draft: Draft,
  changes: Changes,
  step: { by: string; label: string; at: string },
): Promise<Draft> {
  ensureOpen(draft);
  const decisions = { ...draft.decisions };
  const previous: HistoryStep['previous'] = {};
  for (const [key, decision] of Object.entries(changes)) {
    previous[key] = draft.decisions[key] ?? null;
    if (decision) decisions[key] = decision;
    else delete decisions[key];
  }
  const next: Draft = {
    ...draft,
    decisions,
    history: withStep(draft, { ...step, previous }),
    revision: draft.revision + 1,
    updatedAt: step.at,
  };
  for (const [key, decision] of Object.entries(changes)) {
    const collection = key.slice(0, key.indexOf('/')) as AnnotationCollection;
    if (!decision?.record) continue;
    const parsed = RECORD_SCHEMAS[collection].safeParse(decision.record);
    if (!parsed.success)
      refuse(
        parsed.error.issues.map((issue) => ({
          path: `${key}.${issue.path.join('.')}`,
          message: issue.message,
        })),
      );
  }
  const issues = decisionIssues(next, 'entities', undefined);
  if (issues.length > 0) refuse(issues);
  return save(store, next);
}

/** The decision that makes `record` the annotation's new state: edited, or still added. */
const changed = (record: AnyRecord, machine: boolean, by: string, at: string): Decision => ({
  action: machine ? 'edited' : 'added',
  by,
  at,
  record,
});

/** Replaces one entity id by another wherever an annotation names an entity. */
function repoint(collection: AnnotationCollection, record: AnyRecord, from: string, to: string) {
  const swap = (id: unknown) => (id === from ? to : id);
  switch (collection) {
    case 'mentions':
      return { ...record, entityId: swap(record.entityId) };
    case 'claims': {
      const channel = record.channel as { outletId: string | null };
      const aboutIds = [...new Set((record.aboutIds as string[]).map(swap))];
      return {
        ...record,
        speakerId: swap(record.speakerId),
        aboutIds,
        channel: { ...channel, outletId: swap(channel.outletId) },
      };
    }
    case 'relations':
      return { ...record, subjectId: swap(record.subjectId), objectId: swap(record.objectId) };
    default:
      return record;
  }
}

export const MergeEntitiesInput = z.strictObject({
  draftId: z.string().min(1),
  /** The entity that stays. */
  keepId: z.string().min(1),
  /** The entity merged into it: its mentions, claims and relations move; its names become aliases. */
  mergeId: z.string().min(1),
});
export type MergeEntitiesInput = z.infer<typeof MergeEntitiesInput>;

const notFound = (message: string): never => {
  throw new TRPCError({ code: 'NOT_FOUND', message });
};
const badRequest = (message: string): never => {
  throw new TRPCError({ code: 'BAD_REQUEST', message });
};

/**
 * Merges `mergeId` into `keepId` in one step: every mention, claim (speaker, about, outlet) and
 * relation naming it names the kept entity; its name and aliases become the kept one's aliases;
 * it is rejected (or, if the editor added it, taken back).
 */
export function mergeEntities(
  store: ClaimStore,
  draft: Draft,
  by: string,
  input: MergeEntitiesInput,
  now: Date,
): Promise<Draft> {
  const { keepId, mergeId } = input;
  if (keepId === mergeId) badRequest('mergeId: choose another entity than the one kept');
  const entities = standing(draft, 'entities');
  const keep =
    entities.find((e) => e.record.id === keepId) ?? notFound(`the draft has no entity "${keepId}"`);
  const merged =
    entities.find((e) => e.record.id === mergeId) ??
    notFound(`the draft has no entity "${mergeId}"`);
  const at = now.toISOString();
  const changes: Changes = {};
  for (const collection of ['mentions', 'claims', 'relations'] as const)
    for (const { record, machine } of standing(draft, collection)) {
      const moved = repoint(collection, record, mergeId, keepId);
      if (JSON.stringify(moved) !== JSON.stringify(record))
        changes[decisionKey(collection, record.id)] = changed(moved, machine, by, at);
    }
  type Alias = { name: string; historical: boolean; note?: string };
  const aliases = [...(keep.record.aliases as Alias[])];
  for (const alias of [
    { name: merged.record.name as string, historical: false },
    ...(merged.record.aliases as Alias[]),
  ])
    if (alias.name !== keep.record.name && !aliases.some((a) => a.name === alias.name))
      aliases.push(alias);
  changes[decisionKey('entities', keepId)] = changed(
    { ...keep.record, aliases },
    keep.machine,
    by,
    at,
  );
  changes[decisionKey('entities', mergeId)] = merged.machine
    ? { action: 'rejected', by, at }
    : null;
  return applyStep(store, draft, changes, { by, at, label: `merge ${mergeId} into ${keepId}` });
}

export const SplitEntityInput = z.strictObject({
  draftId: z.string().min(1),
  /** The entity some of whose mentions name another. */
  entityId: z.string().min(1),
  mentionIds: z.array(z.string().min(1)).min(1),
  /** The new entity the chosen mentions move to (its provenance may be left out). */
  entity: z.record(z.string(), z.unknown()),
});
export type SplitEntityInput = z.infer<typeof SplitEntityInput>;

/** Moves the chosen mentions of an entity to a new entity, in one step. */
export function splitEntity(
  store: ClaimStore,
  draft: Draft,
  by: string,
  input: SplitEntityInput,
  now: Date,
): Promise<Draft> {
  const at = now.toISOString();
  const entity = {
    ...input.entity,
    provenance: input.entity.provenance ?? {
      agent: { kind: 'person', name: by },
      review: { status: 'reviewed', by },
    },
  } as unknown as AnyRecord;
  const newKey = decisionKey('entities', String(entity.id));
  if (
    draft.decisions[newKey] ||
    (draft.machine.entities as { id: string }[]).some((e) => e.id === entity.id)
  )
    badRequest(`entity.id: "${String(entity.id)}" exists: choose another id`);
  const mentions = standing(draft, 'mentions');
  const changes: Changes = { [newKey]: { action: 'added', by, at, record: entity } };
  for (const mentionId of input.mentionIds) {
    const mention = mentions.find((m) => m.record.id === mentionId);
    if (!mention || mention.record.entityId !== input.entityId)
      badRequest(`mentionIds: "${mentionId}" is not a mention of "${input.entityId}"`);
    else
      changes[decisionKey('mentions', mentionId)] = changed(
        { ...mention.record, entityId: entity.id },
        mention.machine,
        by,
        at,
      );
  }
  return applyStep(store, draft, changes, {
    by,
    at,
    label: `split ${input.mentionIds.length} mentions of ${input.entityId} into ${String(entity.id)}`,
  });
}

/**
 * Takes the draft's last step back (any decision, merge or split), restoring the decisions it
 * changed; repeated, back to the draft's start. The undo is itself saved, not recorded.
 */
export function undoLastStep(store: ClaimStore, draft: Draft, now: Date): Promise<Draft> {
  ensureOpen(draft);
  const history = [...(draft.history ?? [])];
  const step = history.pop() ?? badRequest('nothing to undo: the draft is as extracted');
  const decisions = { ...draft.decisions };
  for (const [key, decision] of Object.entries(step.previous)) {
    if (decision) decisions[key] = decision;
    else delete decisions[key];
  }
  return save(store, {
    ...draft,
    decisions,
    history,
    revision: draft.revision + 1,
    updatedAt: now.toISOString(),
  });
}
