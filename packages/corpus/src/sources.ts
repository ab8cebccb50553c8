// Reads the authoring sources from disk and resolves them. Node-only: used by the build script
// and the tests, never by `index.ts`, which serves the built documents.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotations as viceAqIsReconciliation } from '../articles/vice-al-qaeda-islamic-state-reconciliation/annotations.js';
import type { ArticleAnnotations } from './authoring.js';
import { type ResolveResult, resolveArticle } from './resolve.js';

export interface ArticleSource {
  /** Folder under `articles/` holding `article.txt` and `annotations.ts`. */
  dir: string;
  annotations: ArticleAnnotations;
}

export const ARTICLE_SOURCES: ArticleSource[] = [
  { dir: 'vice-al-qaeda-islamic-state-reconciliation', annotations: viceAqIsReconciliation },
];

export const ARTICLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'articles');

export function readArticleText(source: ArticleSource): string {
  return readFileSync(join(ARTICLES_DIR, source.dir, 'article.txt'), 'utf8');
}

export function sha256OfText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function resolveSource(source: ArticleSource): ResolveResult {
  const text = readArticleText(source);
  return resolveArticle(text, sha256OfText(text), source.annotations);
}
