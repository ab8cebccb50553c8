import { describe, expect, it, vi } from 'vitest';
import {
  type ClaimStore,
  createMemoryStore,
  importDocument,
  importDocuments,
} from '../src/index.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';

/** A memory store whose disk (say) fails for one article. */
function storeFailingFor(articleId: string, batch: boolean): ClaimStore {
  const store = createMemoryStore([]);
  const importOne = store.importDocument.bind(store);
  const failing: ClaimStore = {
    ...store,
    importDocument: async (document) => {
      if (document.article.id === articleId) throw new Error('ENOSPC: no space left on device');
      return importOne(document);
    },
  };
  if (batch)
    failing.importDocuments = async () => {
      throw new Error('Connection terminated unexpectedly');
    };
  return failing;
}

describe('a store failure during import', () => {
  it('rejects that document alone, and the batch still reports every document', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = storeFailingFor('unlucky', false);
    const report = await importDocuments(store, [
      makeFixtureDocument('before'),
      makeFixtureDocument('unlucky'),
      makeFixtureDocument('after'),
    ]);
    expect(report.outcomes.map((o) => [o.articleId, o.status])).toEqual([
      ['before', 'created'],
      ['unlucky', 'rejected'],
      ['after', 'created'],
    ]);
    expect(report.outcomes[1]?.issues).toEqual([
      { path: '(document)', message: expect.stringContaining('could not save this document') },
    ]);
    expect(JSON.stringify(report)).not.toContain('ENOSPC');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('ENOSPC'));
    expect((await importDocument(store, makeFixtureDocument('unlucky'))).status).toBe('rejected');
    error.mockRestore();
  });

  it('reports each document of a batch the store failed as a whole as not stored', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const report = await importDocuments(storeFailingFor('none', true), [
      makeFixtureDocument('one'),
      { not: 'a document' },
    ]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(report.outcomes[0]?.issues[0]?.message).toContain('could not save this document');
    error.mockRestore();
  });
});
