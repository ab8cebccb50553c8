import {
  type ArticleDocument,
  type ValidationIssue,
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
  const validations = [];
  for (const candidate of candidates) validations.push(await validateArticleDocument(candidate));
  const valid = validations.flatMap((v) => (v.ok ? [v.document] : []));
  const stored = store.importDocuments
    ? await storeBatch(store, store.importDocuments, valid)
    : await storeEach(store, valid);
  let next = 0;
  const outcomes = validations.map((validation, index): ImportOutcome => {
    const source = sources?.[index] ?? null;
    const rejected = (issues: ValidationIssue[]) =>
      rejectedOutcome(candidates[index], index, source, issues);
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
