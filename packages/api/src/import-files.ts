import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extractArticleFile, isArticleFile } from './extract.js';
import { batchesOf, type ImportBatch, type ImportOutcome, importBatches } from './import.js';
import type { ClaimStore } from './store/claim-store.js';

/** The .json, .txt and .html files under `path`, in name order; `path` itself when it is a file. */
async function jsonFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new Error(`${path}: no such file or directory`);
  if (!info.isDirectory()) return [path];
  const files: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await jsonFiles(child)));
    else if (entry.name.endsWith('.json') || isArticleFile(entry.name)) files.push(child);
  }
  return files;
}

/** One line per document (and one per problem of a rejected one), for command-line output. */
function describeOutcome(outcome: ImportOutcome): string {
  const where = outcome.source ?? `document ${outcome.index}`;
  if (outcome.status === 'rejected')
    return [
      `rejected   ${where}${outcome.articleId ? ` (${outcome.articleId})` : ''}`,
      ...outcome.issues.map((issue) => `  ${issue.path}: ${issue.message}`),
    ].join('\n');
  return `${outcome.status.padEnd(10)} ${outcome.articleId} v${outcome.version}  ${where}`;
}

export type DocumentCandidate =
  | { source: string; candidate: unknown }
  | { source: string; unreadable: string };

/**
 * Every document in the files under `paths` (a file holds one document or an array of them), one
 * at a time so a large batch never sits in memory whole.
 */
export async function* readDocumentCandidates(
  paths: readonly string[],
): AsyncGenerator<DocumentCandidate> {
  for (const path of paths)
    for (const file of await jsonFiles(path)) {
      if (isArticleFile(file)) {
        // An article's text or HTML page: extracted first, stored as unreviewed machine annotation.
        try {
          yield {
            source: file,
            candidate: await extractArticleFile(file, await readFile(file, 'utf8')),
          };
        } catch (error) {
          yield { source: file, unreadable: `cannot extract: ${(error as Error).message}` };
        }
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        yield { source: file, unreadable: `not JSON: ${(error as Error).message}` };
        continue;
      }
      if (!Array.isArray(parsed)) yield { source: file, candidate: parsed };
      else
        for (const [i, candidate] of parsed.entries()) yield { source: `${file}[${i}]`, candidate };
    }
}

export interface ImportTotals {
  stored: number;
  unchanged: number;
  rejected: number;
}

/** Adds one outcome to the running totals. */
function countOutcome(totals: ImportTotals, outcome: ImportOutcome): void {
  if (outcome.status === 'rejected') totals.rejected += 1;
  else if (outcome.status === 'unchanged') totals.unchanged += 1;
  else totals.stored += 1;
}

/** Imports one document: into a store, or through a server's `article.import`. */
export type ImportOne = (
  candidate: unknown,
  index: number,
  source: string,
) => Promise<ImportOutcome>;

/** Imports every document of every file, one document at a time, printing a line per document. */
export function importFiles(
  paths: readonly string[],
  importOne: ImportOne,
  print: (line: string) => void,
): Promise<ImportTotals> {
  return importCandidates(readDocumentCandidates(paths), importOne, print);
}

/** Imports documents as they come (from JSON files, or read from another format), one at a time. */
export async function importCandidates(
  candidates: AsyncIterable<DocumentCandidate>,
  importOne: ImportOne,
  print: (line: string) => void,
): Promise<ImportTotals> {
  const totals: ImportTotals = { stored: 0, unchanged: 0, rejected: 0 };
  let index = 0;
  for await (const entry of candidates) {
    if ('unreadable' in entry) {
      totals.rejected += 1;
      print(`rejected   ${entry.source}\n  (file): ${entry.unreadable}`);
      continue;
    }
    const outcome = await importOne(entry.candidate, index++, entry.source);
    print(describeOutcome(outcome));
    countOutcome(totals, outcome);
  }
  return totals;
}

/**
 * How many documents `importPaths` stores in one transaction: enough to share the costs of one,
 * few enough that a crash or a lost connection costs little and memory stays small.
 */
export const IMPORT_BATCH_SIZE = 100;

/**
 * `importFiles` into a store, in batches of IMPORT_BATCH_SIZE documents (one transaction each on
 * PostgreSQL): the next files are read, parsed and validated while a batch is written.
 */
export async function importPaths(
  store: ClaimStore,
  paths: readonly string[],
  print: (line: string) => void,
): Promise<ImportTotals> {
  const totals: ImportTotals = { stored: 0, unchanged: 0, rejected: 0 };
  // The files' entries of each batch handed to the store, to report in order with unreadable ones.
  const handedOver: DocumentCandidate[][] = [];
  async function* batches(): AsyncGenerator<ImportBatch> {
    for await (const entries of batchesOf(readDocumentCandidates(paths), IMPORT_BATCH_SIZE)) {
      handedOver.push(entries);
      const readable = entries.flatMap((entry) => ('candidate' in entry ? [entry] : []));
      yield {
        candidates: readable.map((entry) => entry.candidate),
        sources: readable.map((entry) => entry.source),
      };
    }
  }
  for await (const report of importBatches(store, batches())) {
    let next = 0;
    for (const entry of handedOver.shift() ?? []) {
      if ('unreadable' in entry) {
        totals.rejected += 1;
        print(`rejected   ${entry.source}\n  (file): ${entry.unreadable}`);
        continue;
      }
      const outcome = report.outcomes[next++];
      if (!outcome) throw new Error(`no outcome for ${entry.source}`);
      print(describeOutcome(outcome));
      countOutcome(totals, outcome);
    }
  }
  return totals;
}
