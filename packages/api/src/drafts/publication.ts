import type { ArticleDocument, RejectedAnnotation } from '@claimscope/schema';
import { ANNOTATION_COLLECTIONS, type Draft, decisionKey, publishedView } from './draft.js';

/**
 * The machine annotations the editor rejected, as the machine made them, with who rejected each
 * and when: the version keeps them for its history, apart from the published annotations.
 */
export function rejectedAnnotations(draft: Draft): RejectedAnnotation[] {
  return ANNOTATION_COLLECTIONS.flatMap((collection) =>
    (draft.machine[collection] as { id: string }[]).flatMap((record) => {
      const decision = draft.decisions[decisionKey(collection, record.id)];
      if (decision?.action !== 'rejected') return [];
      return [{ collection, record, by: decision.by, at: decision.at } as RejectedAnnotation];
    }),
  );
}

/** The document a publish stores: the published view, and who published it when, on top of what. */
export function publishedDocument(draft: Draft, by: string, now: Date): ArticleDocument {
  return {
    ...publishedView(draft),
    publication: {
      by,
      at: now.toISOString(),
      baseVersion: draft.baseVersion,
      rejected: rejectedAnnotations(draft),
    },
  };
}
