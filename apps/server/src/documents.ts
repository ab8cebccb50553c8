import { readFileSync } from 'node:fs';
import { type ArticleDocument, validateArticleDocument } from '@claimscope/schema';

/**
 * Reads annotated documents from a JSON file holding one document or an array of them, and
 * validates each (digest included), so a bad file fails at startup with every problem listed.
 */
export async function readDocumentsFile(path: string): Promise<ArticleDocument[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read documents from ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const candidates = Array.isArray(parsed) ? parsed : [parsed];
  const documents: ArticleDocument[] = [];
  const problems: string[] = [];
  for (const [i, candidate] of candidates.entries()) {
    const result = await validateArticleDocument(candidate);
    if (result.ok) documents.push(result.document);
    else problems.push(...result.issues.map((issue) => `  [${i}] ${issue.path}: ${issue.message}`));
  }
  if (problems.length > 0) throw new Error(`invalid documents in ${path}:\n${problems.join('\n')}`);
  return documents;
}
