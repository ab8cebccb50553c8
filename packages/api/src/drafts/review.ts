import { randomBytes } from 'node:crypto';
import { type ArticleDocument, validateArticleDocument } from '@claimscope/schema';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ExtractArticleInput, extractArticle } from '../extract.js';
import type { ClaimStore } from '../store/claim-store.js';
import { DocumentConflictError, StaleVersionError } from '../store/conflicts.js';
import {
  AnnotationCollectionSchema,
  type Decision,
  type Draft,
  decisionIssues,
  decisionKey,
  describeDiff,
  diffDocuments,
} from './draft.js';
import { withStep } from './draft-edits.js';
import { publishedDocument } from './publication.js';

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

/** The conflict a stale publish answers: the version published meanwhile, and what changed. */
async function staleConflict(store: ClaimStore, draft: Draft, current: number | null) {
  const after = await store.exportArticle(draft.articleId);
  const before =
    draft.baseVersion === null
      ? null
      : await store.exportArticle(draft.articleId, draft.baseVersion);
  const changes =
    before && after ? describeDiff(diffDocuments(before, after)) : 'the article was created';
  return fail(
    'CONFLICT',
    `article "${draft.articleId}" was published as version ${current} since this draft was opened ${draft.baseVersion === null ? '(it did not exist then)' : `at version ${draft.baseVersion}`}: ${changes}. Nothing was overwritten; open a new draft of the current version.`,
  );
}

/**
 * Publishes the reviewed draft as the article's next version, through the same atomic import,
 * recording who published it and the rejected annotations. The store stores it only on top of
 * the version the draft was opened at, checked inside its write transaction or lock, so of two
 * publishes on one version (in any processes sharing the store) one is refused, with what changed.
 */
export async function publishDraft(
  store: ClaimStore,
  draft: Draft,
  by: string,
  now: Date,
): Promise<{ articleId: string; version: number }> {
  if (draft.published)
    fail('CONFLICT', `draft "${draft.id}" was published as version ${draft.published.version}`);
  const validation = await validateArticleDocument(publishedDocument(draft, by, now));
  if (!validation.ok)
    return fail(
      'BAD_REQUEST',
      `the reviewed document was not stored: ${validation.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  let version: number;
  try {
    ({ version } = await store.importDocument(validation.document, {
      expectedVersion: draft.baseVersion,
    }));
  } catch (error) {
    if (error instanceof StaleVersionError) return staleConflict(store, draft, error.current);
    if (error instanceof DocumentConflictError)
      return fail('BAD_REQUEST', `the reviewed document was not stored: ${error.message}`);
    throw error;
  }
  const published: Draft = {
    ...draft,
    revision: draft.revision + 1,
    updatedAt: now.toISOString(),
    published: { version, at: now.toISOString() },
  };
  // The version is stored; the draft records it (a lost race here leaves the draft unpublished).
  await store.drafts.saveDraft(published);
  return { articleId: draft.articleId, version };
}
