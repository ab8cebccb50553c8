import type { Draft } from './draft.js';

/** Where drafts live, beside the articles and accounts. */
export interface DraftStore {
  /**
   * Stores `draft` if the stored one has revision `draft.revision - 1` (or there is none and
   * `draft.revision` is 0); false, storing nothing, when someone saved it in between.
   */
  saveDraft(draft: Draft): Promise<boolean>;
  getDraft(id: string): Promise<Draft | null>;
  /** The drafts of one editor, the most recently changed first. */
  listDrafts(owner: string): Promise<Draft[]>;
}

/** Whether `draft` may replace `stored`: the next revision of it, or the first of a new draft. */
export const isNextRevision = (stored: Draft | null, draft: Draft) =>
  stored === null ? draft.revision === 0 : draft.revision === stored.revision + 1;

export const newestFirst = (a: Draft, b: Draft) =>
  b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);

/** Drafts in memory only: for the memory store. */
export function createMemoryDraftStore(): DraftStore {
  const drafts = new Map<string, Draft>();
  return {
    saveDraft: async (draft) => {
      if (!isNextRevision(drafts.get(draft.id) ?? null, draft)) return false;
      drafts.set(draft.id, structuredClone(draft));
      return true;
    },
    getDraft: async (id) => structuredClone(drafts.get(id) ?? null),
    listDrafts: async (owner) =>
      [...drafts.values()]
        .filter((d) => d.owner === owner)
        .sort(newestFirst)
        .map((d) => structuredClone(d)),
  };
}
