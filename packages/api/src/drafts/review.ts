import { randomBytes } from 'node:crypto';
import type { ArticleDocument } from '@claimscope/schema';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ExtractArticleInput, extractArticle } from '../extract.js';
import { importDocuments } from '../import.js';
import type { ClaimStore } from '../store/claim-store.js';
import {
  AnnotationCollectionSchema,
  type Decision,
  type Draft,
  decisionIssues,
  decisionKey,
  describeDiff,
  diffDocuments,
  publishedView,
} from './draft.js';
import { withStep } from './draft-edits.js';

/*
 * Reviewing an article: plain functions over a ClaimStore, called by the draft procedures. Each
 * change is saved as the draft's next revision before it returns.
 */

/** Corrections to what the extractor found, applied before review starts. */
export const DraftMetadataInput = z.strictObject({
  headline: z.string().trim().min(1).max(500).optional(),
  /** The publication date, YYYY-MM-DD. */
  published: z.iso.date().optional(),
  sourceUrl: z.url().optional(),
});

export const CreateDraftInput = ExtractArticleInput.extend({
  metadata: DraftMetadataInput.optional(),
});
export type CreateDraftInput = z.infer<typeof CreateDraftInput>;

export const DecideInput = z.strictObject({
  draftId: z.string().min(1),
  collection: AnnotationCollectionSchema,
  /** The annotation's id (for `add`, the new record's id). */
  id: z.string().min(1),
  action: z.enum(['accept', 'reject', 'edit', 'add', 'undo']),
  /** The whole record as edited or added (`edit`, `add`); its provenance may be left out. */
  record: z.record(z.string(), z.unknown()).optional(),
});
export type DecideInput = z.infer<typeof DecideInput>;

const fail = (code: TRPCError['code'], message: string): never => {
  throw new TRPCError({ code, message });
};

function applyMetadata(document: ArticleDocument, metadata: CreateDraftInput['metadata']) {
  if (!metadata) return document;
  const article = { ...document.article };
  if (metadata.headline) article.headline = metadata.headline;
  if (metadata.published) article.published = { status: 'known', date: metadata.published };
  if (metadata.sourceUrl) article.source = { origin: metadata.sourceUrl, url: metadata.sourceUrl };
  return { ...document, article };
}

/** Extracts a draft annotation and saves it as a new draft of `owner`. */
export async function createDraft(
  store: ClaimStore,
  owner: string,
  input: CreateDraftInput,
  now: Date,
): Promise<Draft> {
  const { metadata, ...extractInput } = input;
  const machine = applyMetadata(await extractArticle(extractInput), metadata);
  const versions = await store.versions(machine.article.id);
  const draft: Draft = {
    id: `draft-${randomBytes(8).toString('hex')}`,
    owner,
    articleId: machine.article.id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    revision: 0,
    baseVersion: versions?.at(-1)?.version ?? null,
    machine,
    decisions: {},
    published: null,
  };
  if (!(await store.drafts.saveDraft(draft))) fail('CONFLICT', 'a draft with this id exists');
  return draft;
}

/** The draft, if it is `username`'s (an admin may read any). */
export async function draftOf(
  store: ClaimStore,
  draftId: string,
  username: string,
  isAdmin: boolean,
): Promise<Draft> {
  const draft = await store.drafts.getDraft(draftId);
  if (!draft) return fail('NOT_FOUND', `no draft "${draftId}"`);
  if (draft.owner !== username && !isAdmin)
    fail('FORBIDDEN', `draft "${draftId}" belongs to ${draft.owner}`);
  return draft;
}

type AnyRecord = { id: string; provenance?: unknown };

/** Applies one decision and saves the draft; refuses, naming the field, what would not validate. */
export async function decide(
  store: ClaimStore,
  draft: Draft,
  by: string,
  input: DecideInput,
  now: Date,
): Promise<Draft> {
  if (draft.published)
    fail('CONFLICT', `draft "${draft.id}" was published as version ${draft.published.version}`);
  const { collection, id, action } = input;
  const key = decisionKey(collection, id);
  const machineRecord = (draft.machine[collection] as AnyRecord[]).find((r) => r.id === id);
  const previous = draft.decisions[key];
  const at = now.toISOString();
  const decisions = { ...draft.decisions };
  const withProvenance = (record: Record<string, unknown>) => {
    if (record.id !== id)
      fail('BAD_REQUEST', `record.id: expected "${id}", the annotation decided on`);
    return {
      ...record,
      provenance: record.provenance ??
        machineRecord?.provenance ?? {
          agent: { kind: 'person', name: by },
          review: { status: 'reviewed', by },
        },
    };
  };
  if (action === 'undo') {
    if (!previous) fail('BAD_REQUEST', `${key} has no decision to undo`);
    delete decisions[key];
  } else if (action === 'add') {
    if (!input.record) return fail('BAD_REQUEST', 'record: an added annotation needs its record');
    if (machineRecord || previous) fail('CONFLICT', `${key} already exists: choose another id`);
    decisions[key] = { action: 'added', by, at, record: withProvenance(input.record) };
  } else if (!machineRecord && previous?.action !== 'added') {
    fail('NOT_FOUND', `the draft has no ${key}`);
  } else if (action === 'edit') {
    if (!input.record) return fail('BAD_REQUEST', 'record: an edit needs the edited record');
    const decided: Decision['action'] = machineRecord ? 'edited' : 'added';
    decisions[key] = { action: decided, by, at, record: withProvenance(input.record) };
  } else if (!machineRecord) {
    // An added annotation is accepted by adding it; rejecting it takes it back.
    if (action === 'reject') delete decisions[key];
  } else {
    decisions[key] = { action: action === 'accept' ? 'accepted' : 'rejected', by, at };
  }
  const next: Draft = {
    ...draft,
    decisions,
    history: withStep(draft, {
      at,
      by,
      label: `${action} ${key}`,
      previous: { [key]: previous ?? null },
    }),
    revision: draft.revision + 1,
    updatedAt: at,
  };
  const issues = decisionIssues(next, collection, decisions[key]?.record);
  if (issues.length > 0)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      cause: { issues: issues.map((i) => ({ path: i.path ? [i.path] : [], message: i.message })) },
    });
  if (!(await store.drafts.saveDraft(next)))
    fail('CONFLICT', `draft "${draft.id}" changed meanwhile (in another tab?): reload it`);
  return next;
}

/** The publish in progress per article in this process: the next one waits for it. */
const publishing = new Map<string, Promise<unknown>>();

/**
 * Publishes the reviewed draft as the article's next version, through the same atomic import.
 * Refused, with what changed, when the article was published since the draft was opened. Two
 * publishes of one article through this process run one after the other, so the second sees
 * the first's version and is refused; servers sharing a store do not coordinate theirs.
 */
export function publishDraft(
  store: ClaimStore,
  draft: Draft,
  now: Date,
): Promise<{ articleId: string; version: number }> {
  const previous = publishing.get(draft.articleId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => publishNow(store, draft, now));
  publishing.set(draft.articleId, next);
  void next
    .finally(() => {
      if (publishing.get(draft.articleId) === next) publishing.delete(draft.articleId);
    })
    .catch(() => undefined);
  return next;
}

async function publishNow(
  store: ClaimStore,
  draft: Draft,
  now: Date,
): Promise<{ articleId: string; version: number }> {
  if (draft.published)
    fail('CONFLICT', `draft "${draft.id}" was published as version ${draft.published.version}`);
  const versions = await store.versions(draft.articleId);
  const current = versions?.at(-1)?.version ?? null;
  if (current !== draft.baseVersion) {
    const after = await store.exportArticle(draft.articleId);
    const before =
      draft.baseVersion === null
        ? null
        : await store.exportArticle(draft.articleId, draft.baseVersion);
    const changes =
      before && after ? describeDiff(diffDocuments(before, after)) : 'the article was created';
    fail(
      'CONFLICT',
      `article "${draft.articleId}" was published as version ${current} since this draft was opened ${draft.baseVersion === null ? '(it did not exist then)' : `at version ${draft.baseVersion}`}: ${changes}. Nothing was overwritten; open a new draft of the current version.`,
    );
  }
  const report = await importDocuments(store, [publishedView(draft)]);
  const outcome = report.outcomes[0];
  if (!outcome || outcome.status === 'rejected' || outcome.version === null)
    return fail(
      'BAD_REQUEST',
      `the reviewed document was not stored: ${(outcome?.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  const published: Draft = {
    ...draft,
    revision: draft.revision + 1,
    updatedAt: now.toISOString(),
    published: { version: outcome.version, at: now.toISOString() },
  };
  // The version is stored; the draft records it (a lost race here leaves the draft unpublished).
  await store.drafts.saveDraft(published);
  return { articleId: draft.articleId, version: outcome.version };
}
