import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type ImportOutcome, importDocument } from './import.js';
import type { ClaimStore } from './store/claim-store.js';

/** The .json files under `path`, in name order; `path` itself when it is a file. */
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
    else if (entry.name.endsWith('.json')) files.push(child);
  }
  return files;
}

/** One line per document (and one per problem of a rejected one), for command-line output. */
export function describeOutcome(outcome: ImportOutcome): string {
  const where = outcome.source ?? `document ${outcome.index}`;
  if (outcome.status === 'rejected')
    return [
      `rejected   ${where}${outcome.articleId ? ` (${outcome.articleId})` : ''}`,
      ...outcome.issues.map((issue) => `  ${issue.path}: ${issue.message}`),
    ].join('\n');
  return `${outcome.status.padEnd(10)} ${outcome.articleId} v${outcome.version}  ${where}`;
}

/** Imports every document of every file, one document at a time, printing a line per document. */
export async function importPaths(
  store: ClaimStore,
  paths: readonly string[],
  print: (line: string) => void,
): Promise<{ stored: number; unchanged: number; rejected: number }> {
  const totals = { stored: 0, unchanged: 0, rejected: 0 };
  let index = 0;
  for (const path of paths)
    for (const file of await jsonFiles(path)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        totals.rejected += 1;
        print(`rejected   ${file}\n  (file): not JSON: ${(error as Error).message}`);
        continue;
      }
      const candidates = Array.isArray(parsed) ? parsed : [parsed];
      for (const [i, candidate] of candidates.entries()) {
        const source = Array.isArray(parsed) ? `${file}[${i}]` : file;
        const outcome = await importDocument(store, candidate, index++, source);
        print(describeOutcome(outcome));
        if (outcome.status === 'rejected') totals.rejected += 1;
        else if (outcome.status === 'unchanged') totals.unchanged += 1;
        else totals.stored += 1;
      }
    }
  return totals;
}
