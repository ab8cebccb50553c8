import type { ArticleDocument, EntityKind, ValidationIssue } from '@claimscope/schema';

/** The collections whose ids must be unique across the corpus (entity ids are shared on purpose). */
export const UNIQUE_COLLECTIONS = ['mentions', 'claims', 'claimLinks', 'relations'] as const;
export type UniqueCollection = (typeof UNIQUE_COLLECTIONS)[number];

/** What the corpus already holds, as far as a new document's ids are concerned. */
export interface CorpusOwners {
  /** The article whose current version uses `id` in `collection`, if any. */
  ownerOf(collection: UniqueCollection, id: string): string | undefined;
  /** The kind that articles other than `exceptArticleId` give an entity id, with one of them. */
  kindOf(
    entityId: string,
    exceptArticleId: string,
  ): { kind: EntityKind; articleId: string } | undefined;
}

/** Refused because the document clashes with other articles of the corpus; nothing was stored. */
export class DocumentConflictError extends Error {
  constructor(
    readonly articleId: string,
    readonly issues: ValidationIssue[],
  ) {
    super(
      `article "${articleId}" conflicts with the corpus: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
    this.name = 'DocumentConflictError';
  }
}

/** Refused because the article's current version is no longer the one the import expected. */
export class StaleVersionError extends DocumentConflictError {
  constructor(
    articleId: string,
    readonly expected: number | null,
    readonly current: number | null,
  ) {
    super(articleId, [
      {
        path: '(document)',
        message: `the article is ${current === null ? 'not stored' : `at version ${current}`}, not ${expected === null ? 'new' : `at version ${expected}`} as expected; nothing was stored`,
      },
    ]);
    this.name = 'StaleVersionError';
  }
}

/**
 * Refused because the store failed to write the document (a database error, a full disk); nothing
 * of it was stored. Its issue says so without the store's internals, which go to the log.
 */
export class DocumentStoreError extends DocumentConflictError {
  constructor(articleId: string, cause: unknown) {
    super(articleId, [
      {
        path: '(document)',
        message:
          'the store could not save this document and kept nothing of it; the other documents of the batch are not affected (the server log says why)',
      },
    ]);
    this.name = 'DocumentStoreError';
    this.cause = cause;
  }
}

/**
 * The problems, by path, that stop a valid document from joining a corpus: an id that another
 * article already uses, or an entity id that another article gives another kind. A new version of
 * an article may reuse its own ids: `owners` must not count the article itself.
 */
export function findConflicts(doc: ArticleDocument, owners: CorpusOwners): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const articleId = doc.article.id;
  for (const collection of UNIQUE_COLLECTIONS) {
    doc[collection].forEach((record, i) => {
      const owner = owners.ownerOf(collection, record.id);
      if (owner !== undefined && owner !== articleId)
        issues.push({
          path: `${collection}[${i}].id`,
          message: `"${record.id}" is already used by article "${owner}"; ids other than entity ids must be unique across the corpus`,
        });
    });
  }
  doc.entities.forEach((entity, i) => {
    const known = owners.kindOf(entity.id, articleId);
    if (known && known.kind !== entity.kind)
      issues.push({
        path: `entities[${i}].kind`,
        message: `entity "${entity.id}" is a ${known.kind} in article "${known.articleId}"; one id names one entity, of one kind`,
      });
  });
  return issues;
}
