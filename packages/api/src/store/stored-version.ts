import { createHash } from 'node:crypto';
import type { ArticleDocument } from '@claimscope/schema';

/** One version of an article as a store keeps it. */
export interface StoredVersion {
  articleId: string;
  version: number;
  contentSha256: string;
  /** When it was imported (ISO 8601); null for the built-in corpus. */
  importedAt: string | null;
  document: ArticleDocument;
}

/** The digest that decides "same content": sha256 of the document's JSON, as validated. */
export function contentDigest(document: ArticleDocument): string {
  return contentDigestOfJson(JSON.stringify(document));
}

/** contentDigest of a document from its JSON (`JSON.stringify(document)`), for a caller that has it. */
export function contentDigestOfJson(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}
