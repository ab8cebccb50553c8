import type { ArticleDocument, Provenance } from '@claimscope/schema';

/** Something in the input that the document model cannot hold, named where it was found. */
export interface Unrepresented {
  /** Where in the input: a brat line id (`T25`, `E21`), an annotation id, a line number. */
  where: string;
  /** What was left out and why, in words a user can act on. */
  reason: string;
}

/** A document read from another format, with everything that could not be carried over listed. */
export interface FormatImport {
  document: ArticleDocument;
  unrepresented: Unrepresented[];
}

/** The formats claimscope reads and writes. */
export type FormatName = 'brat' | 'w3c' | 'schemaorg' | 'csv' | 'jsonl';

/** Provenance of what an import made up itself: the rule that read the format, unreviewed. */
export function importProvenance(format: string, note?: string): Provenance {
  return {
    agent: { kind: 'rule', name: `claimscope import from ${format}`, version: '1' },
    review: { status: 'unreviewed', ...(note ? { note } : {}) },
  };
}
