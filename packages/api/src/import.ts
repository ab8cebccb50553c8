import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  type ArticleDocument,
  type ValidationIssue,
  type ValidationResult,
  validateArticleDocument,
} from '@claimscope/schema';
import { z } from 'zod';
import type { ClaimStore, StoredDocument } from './store/claim-store.js';
import { DocumentConflictError, DocumentStoreError } from './store/conflicts.js';

export const ImportOutcomeSchema = z.object({
  /** Position of the document in the batch, from 0. */
  index: z.int().nonnegative(),
  /** Where the document came from (a file path), when the caller said. */
  source: z.string().nullable(),
  /** The article id, when the document has a readable one. */
  articleId: z.string().nullable(),
  /** `rejected`: nothing of the document was stored; `issues` says why. */
  status: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  version: z.int().positive().nullable(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const ImportReportSchema = z.object({
  outcomes: z.array(ImportOutcomeSchema),
  stored: z.int().nonnegative(),
  unchanged: z.int().nonnegative(),
  rejected: z.int().nonnegative(),
});

export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;
export type ImportReport = z.infer<typeof ImportReportSchema>;

function articleIdOf(candidate: unknown): string | null {
  const id = (candidate as { article?: { id?: unknown } } | null)?.article?.id;
  return typeof id === 'string' ? id : null;
}

/** The outcome of a candidate that was not stored, with why. */
function rejectedOutcome(
  candidate: unknown,
  index: number,
  source: string | null,
  issues: ValidationIssue[],
): ImportOutcome {
  return {
    index,
    source,
    articleId: articleIdOf(candidate),
    status: 'rejected',
    version: null,
    issues,
  };
}

/** Validates one candidate completely, then stores it whole or not at all. */
export async function importDocument(
  store: ClaimStore,
  candidate: unknown,
  index = 0,
  source: string | null = null,
): Promise<ImportOutcome> {
  const rejected = (issues: ValidationIssue[]) => rejectedOutcome(candidate, index, source, issues);
  const validation = await validateArticleDocument(candidate);
  if (!validation.ok) return rejected(validation.issues);
  const stored = await storeOne(store, validation.document);
  if (stored instanceof DocumentConflictError) return rejected(stored.issues);
  return { index, source, ...stored, issues: [] };
}

/** Logs what made the store fail a document: the outcome itself only says that it failed. */
function logStoreFailure(articleIds: string, error: unknown): void {
  console.error(
    `import of "${articleIds}" failed: ${error instanceof Error ? error.stack : String(error)}`,
  );
}

/** Stores one valid document: what it stored, or why it was refused (a conflict or a store failure). */
async function storeOne(
  store: ClaimStore,
  document: ArticleDocument,
): Promise<StoredDocument | DocumentConflictError> {
  try {
    return await store.importDocument(document);
  } catch (error) {
    if (error instanceof DocumentConflictError) return error;
    logStoreFailure(document.article.id, error);
    return new DocumentStoreError(document.article.id, error);
  }
}

/** Stores valid documents one by one: what each stored, or the conflict that rejected it. */
async function storeEach(
  store: ClaimStore,
  documents: readonly ArticleDocument[],
): Promise<(StoredDocument | DocumentConflictError)[]> {
  const results: (StoredDocument | DocumentConflictError)[] = [];
  for (const document of documents) results.push(await storeOne(store, document));
  return results;
}

/**
 * Stores a batch in the store's own way; if the store fails the batch as a whole (it lost its
 * database connection), each document is reported as not stored rather than the batch failing.
 */
async function storeBatch(
  store: ClaimStore,
  importBatch: NonNullable<ClaimStore['importDocuments']>,
  documents: readonly ArticleDocument[],
): Promise<(StoredDocument | DocumentConflictError)[]> {
  try {
    return await importBatch.call(store, documents);
  } catch (error) {
    logStoreFailure(documents.map((document) => document.article.id).join('", "'), error);
    return documents.map((document) => new DocumentStoreError(document.article.id, error));
  }
}

/** Validates candidates one by one, letting the event loop run between them (see importBatches). */
async function validateAll(candidates: readonly unknown[]) {
  const validations = [];
  for (const candidate of candidates) {
    validations.push(await validateArticleDocument(candidate));
    // A store's import in flight goes on between documents: its next statement is sent at once.
    await yieldToEventLoop();
  }
  return validations;
}

/** Stores the valid documents of a validated batch and reports on every candidate of it. */
async function storeValidated(
  store: ClaimStore,
  { candidates, sources }: ImportBatch,
  validations: readonly ValidationResult[],
  firstIndex: number,
): Promise<ImportReport> {
  const valid = validations.flatMap((v) => (v.ok ? [v.document] : []));
  const stored = store.importDocuments
    ? await storeBatch(store, store.importDocuments, valid)
    : await storeEach(store, valid);
  let next = 0;
  const outcomes = validations.map((validation, position): ImportOutcome => {
    const index = firstIndex + position;
    const source = sources?.[position] ?? null;
    const rejected = (issues: ValidationIssue[]) =>
      rejectedOutcome(candidates[position], index, source, issues);
    if (!validation.ok) return rejected(validation.issues);
    const result = stored[next++];
    if (result === undefined) throw new Error(`the store gave no outcome for document ${index}`);
    if (result instanceof DocumentConflictError) return rejected(result.issues);
    return { index, source, ...result, issues: [] };
  });
  const count = (status: ImportOutcome['status'][]) =>
    outcomes.filter((o) => status.includes(o.status)).length;
  return {
    outcomes,
    stored: count(['created', 'updated']),
    unchanged: count(['unchanged']),
    rejected: count(['rejected']),
  };
}

/**
 * Imports a batch of candidate documents in order, each all-or-nothing: an invalid document is
 * rejected with every problem listed by path and does not stop the others. The valid ones go to
 * the store together when it takes batches (one PostgreSQL transaction for all of them).
 */
export async function importDocuments(
  store: ClaimStore,
  candidates: readonly unknown[],
  sources?: readonly string[],
): Promise<ImportReport> {
  const batch = { candidates, sources };
  return storeValidated(store, batch, await validateAll(candidates), 0);
}

/** Candidate documents imported together, and where each came from when the caller knows. */
export interface ImportBatch {
  candidates: readonly unknown[];
  sources?: readonly string[] | undefined;
}

/**
 * Imports batches one after the other, each as `importDocuments` would (so each batch is one
 * transaction on PostgreSQL), and yields each one's report in order; outcome indexes count from
 * the first document of the first batch. While the store writes a batch, the next one is read and
 * validated (and, on PostgreSQL, its rows are built): the database and this process work at once.
 * A store that takes batches is handed the next one before the last is written (it writes them in
 * the order it was given them); others get the next one after the last was stored.
 */
export async function* importBatches(
  store: ClaimStore,
  batches: AsyncIterable<ImportBatch> | Iterable<ImportBatch>,
): AsyncGenerator<ImportReport> {
  let writing: Promise<ImportReport> | undefined;
  let firstIndex = 0;
  for await (const batch of batches) {
    const validations = await validateAll(batch.candidates);
    const from = firstIndex;
    const store_ = () => storeValidated(store, batch, validations, from);
    const next = store.importDocuments || !writing ? store_() : writing.then(store_);
    // Awaited below, after the batch before it: not an unhandled rejection meanwhile.
    next.catch(() => undefined);
    firstIndex += batch.candidates.length;
    if (writing) yield await writing;
    writing = next;
  }
  if (writing) yield await writing;
}

/** Groups documents into batches of `size`, as they come. */
export async function* batchesOf<T>(
  documents: AsyncIterable<T> | Iterable<T>,
  size: number,
): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const document of documents) {
    batch.push(document);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
