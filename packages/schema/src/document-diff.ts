// What differs between two versions of an article, without zod: the API's stale-publish answer
// and the web site's history page both read it (`@claimscope/schema/display`). Extensionless
// specifiers, as in display.ts, for Turbopack.
import type { ArticleDocument } from './document';

/** The annotation collections of a document, in the order a diff lists them. */
export const DIFF_COLLECTIONS = [
  'claims',
  'mentions',
  'entities',
  'relations',
  'claimLinks',
] as const;
export type DiffCollection = (typeof DIFF_COLLECTIONS)[number];

type Identified = { id: string };

export interface CollectionChange {
  collection: DiffCollection;
  added: string[];
  /** Gone from the annotations, and not rejected in the later version's review. */
  removed: string[];
  changed: string[];
  /** Machine annotations the later version's review rejected (kept in its `publication`). */
  rejected: string[];
}

export interface DocumentDiff {
  textChanged: boolean;
  metadataChanged: string[];
  collections: CollectionChange[];
}

/** What differs between two versions of an article: annotations added, removed, changed; text. */
export function diffDocuments(before: ArticleDocument, after: ArticleDocument): DocumentDiff {
  const metadataChanged = (
    ['headline', 'dek', 'published', 'source', 'authorIds', 'publisherId'] as const
  ).filter(
    (field) => JSON.stringify(before.article[field]) !== JSON.stringify(after.article[field]),
  );
  const collections = DIFF_COLLECTIONS.map((collection) => {
    const old = new Map<string, string>(
      (before[collection] as Identified[]).map((r) => [r.id, JSON.stringify(r)]),
    );
    const now = new Map<string, string>(
      (after[collection] as Identified[]).map((r) => [r.id, JSON.stringify(r)]),
    );
    const rejectedOf = (document: ArticleDocument) =>
      new Set(
        (document.publication?.rejected ?? [])
          .filter((r) => r.collection === collection)
          .map((r) => r.record.id),
      );
    const wasRejected = rejectedOf(before);
    const rejected = [...rejectedOf(after)].filter((id) => !wasRejected.has(id));
    return {
      collection,
      added: [...now.keys()].filter((id) => !old.has(id)),
      removed: [...old.keys()].filter((id) => !now.has(id) && !rejected.includes(id)),
      changed: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
      rejected,
    };
  }).filter((c) => c.added.length + c.removed.length + c.changed.length + c.rejected.length > 0);
  return { textChanged: before.article.text !== after.article.text, metadataChanged, collections };
}

/** The diff in a sentence: "text changed; claims: 2 added, 1 changed". */
export function describeDiff(diff: DocumentDiff): string {
  const parts = [
    ...(diff.textChanged ? ['text changed'] : []),
    ...(diff.metadataChanged.length ? [`${diff.metadataChanged.join(', ')} changed`] : []),
    ...diff.collections.map((c) => {
      const counts = [
        c.added.length ? `${c.added.length} added` : '',
        c.removed.length ? `${c.removed.length} removed` : '',
        c.changed.length ? `${c.changed.length} changed` : '',
        c.rejected.length ? `${c.rejected.length} rejected` : '',
      ].filter(Boolean);
      return `${c.collection}: ${counts.join(', ')}`;
    }),
  ];
  return parts.length ? parts.join('; ') : 'nothing changed';
}
