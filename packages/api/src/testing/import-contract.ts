import { ArticleDocumentSchema, MAX_DOCUMENT_BYTES, MAX_ID_LENGTH } from '@claimscope/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDocuments } from '../import.js';
import { createCaller } from '../index.js';
import type { ClaimStore } from '../store/claim-store.js';
import { failureOf, type StoreFactory } from './contract-helpers.js';
import { makeFixtureDocument } from './fixture-document.js';

const ADMIN_TOKEN = 'contract-admin-token';

/** A fixture document whose claim statements say something else: a changed version of it. */
function changedVersionOf(articleId: string) {
  const changed = makeFixtureDocument(articleId);
  for (const claim of changed.claims) claim.statement = `${claim.statement} (revised)`;
  return changed;
}

/** Importing into a store: validation first, whole documents only, versions kept. */
export function describeImportContract(name: string, createStore: StoreFactory): void {
  describe(`${name}: import`, () => {
    let store: ClaimStore;
    let api: ReturnType<typeof createCaller>;
    beforeAll(async () => {
      store = await createStore([]);
      api = createCaller(store, {
        adminToken: ADMIN_TOKEN,
        authorization: `Bearer ${ADMIN_TOKEN}`,
      });
    });
    afterAll(() => store.close());

    it('stores a valid document, and exports it exactly as imported', async () => {
      const document = makeFixtureDocument('round-trip');
      const report = await api.article.import({ documents: [document] });
      expect(report.outcomes).toEqual([
        expect.objectContaining({ articleId: 'round-trip', status: 'created', version: 1 }),
      ]);
      const exported = await api.article.export({ id: 'round-trip' });
      expect(exported).toEqual(ArticleDocumentSchema.parse(document));
      expect(JSON.stringify(exported)).toBe(JSON.stringify(ArticleDocumentSchema.parse(document)));
      const claims = await api.claim.list({ articleId: 'round-trip', limit: 100 });
      expect(claims.total).toBe(document.claims.length);
      const { hits } = await api.search({ q: 'Joscelyn', types: ['entity'] });
      expect(hits[0]).toMatchObject({ id: 'joscelyn' });
    });

    it('changes nothing when the same content is imported again', async () => {
      const document = makeFixtureDocument('same-twice');
      await importDocuments(store, [document]);
      const generation = store.generation();
      const again = await importDocuments(store, [makeFixtureDocument('same-twice')]);
      expect(again.outcomes[0]).toMatchObject({ status: 'unchanged', version: 1 });
      expect(again.unchanged).toBe(1);
      expect(store.generation()).toBe(generation);
      expect(await api.article.versions({ id: 'same-twice' })).toHaveLength(1);
    });

    it('keeps the earlier version retrievable when a changed version is imported', async () => {
      const first = makeFixtureDocument('versioned');
      await importDocuments(store, [first]);
      const changes = vi.fn();
      const unsubscribe = store.onChange(changes);
      const report = await importDocuments(store, [changedVersionOf('versioned')]);
      unsubscribe();
      expect(report.outcomes[0]).toMatchObject({ status: 'updated', version: 2 });
      await vi.waitFor(() => expect(changes).toHaveBeenCalled());

      const versions = await api.article.versions({ id: 'versioned' });
      expect(versions.map((v) => [v.version, v.current])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect(versions[0]?.contentSha256).not.toBe(versions[1]?.contentSha256);
      expect(versions[0]?.textSha256).toBe(versions[1]?.textSha256);

      expect(await api.article.export({ id: 'versioned', version: 1 })).toEqual(first);
      expect(await api.article.export({ id: 'versioned' })).toEqual(changedVersionOf('versioned'));
      expect((await api.article.get({ id: 'versioned', version: 1 })).headline).toBe(
        first.article.headline,
      );
      // Queries read the current version only.
      const claims = await api.claim.list({ articleId: 'versioned', limit: 100 });
      expect(claims.total).toBe(first.claims.length);
      expect(claims.items.every((c) => c.statement.endsWith('(revised)'))).toBe(true);

      const missing = await failureOf(api.article.export({ id: 'versioned', version: 3 }));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.message).toBe('no version 3 of article "versioned" (see article.versions)');
    });

    it('rejects an invalid document with every problem by path, and stores none of it', async () => {
      const broken = makeFixtureDocument('broken');
      const quoted = broken.claims[0]?.content[0];
      if (!quoted) throw new Error('the fixture has no claim content');
      quoted.quote.exact = 'not the text';
      const mention = broken.mentions[1];
      if (mention) mention.entityId = 'nobody';
      const report = await api.article.import({ documents: [broken] });
      expect(report.rejected).toBe(1);
      expect(report.outcomes[0]).toMatchObject({ articleId: 'broken', status: 'rejected' });
      expect(report.outcomes[0]?.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['claims[0].content[0].quote.exact', 'mentions[1].entityId']),
      );
      expect((await failureOf(api.article.get({ id: 'broken' }))).code).toBe('NOT_FOUND');
      expect((await failureOf(api.article.versions({ id: 'broken' }))).code).toBe('NOT_FOUND');
      expect((await api.claim.list({ articleId: 'broken' })).total).toBe(0);
    });

    it('takes a batch document by document: the valid ones are stored, the invalid one is not', async () => {
      const report = await importDocuments(store, [
        makeFixtureDocument('batch-one'),
        { schemaVersion: 1, article: { id: 'batch-bad' } },
        makeFixtureDocument('batch-two'),
      ]);
      expect(report.outcomes.map((o) => [o.articleId, o.status])).toEqual([
        ['batch-one', 'created'],
        ['batch-bad', 'rejected'],
        ['batch-two', 'created'],
      ]);
      expect(report.outcomes[1]?.issues.map((i) => i.path)).toContain('entities');
      expect((await api.article.list({ limit: 100 })).items.map((a) => a.id)).toEqual(
        expect.arrayContaining(['batch-one', 'batch-two']),
      );
    });

    it('refuses, document by document and in the same words on every store, an id too long and text no store can hold', async () => {
      const longId = makeFixtureDocument('long-id');
      longId.article.id = 'a'.repeat(MAX_ID_LENGTH + 1);
      const nul = makeFixtureDocument('nul-text');
      nul.article.source.origin = 'wire\u0000copy';
      const surrogate = makeFixtureDocument('lone-surrogate');
      const [claim] = surrogate.claims;
      if (claim) claim.statement = 'half a pair \uD800';
      const report = await importDocuments(store, [
        makeFixtureDocument('policy-one'),
        longId,
        nul,
        surrogate,
        makeFixtureDocument('policy-two'),
      ]);
      expect(report.outcomes.map((o) => [o.index, o.status, o.issues])).toEqual([
        [0, 'created', []],
        [
          1,
          'rejected',
          [{ path: 'article.id', message: `ids are at most ${MAX_ID_LENGTH} characters long` }],
        ],
        [
          2,
          'rejected',
          [
            {
              path: 'article.source.origin',
              message: 'contains U+0000 (a NUL character) at 4, which text may not hold',
            },
          ],
        ],
        [
          3,
          'rejected',
          [
            {
              path: 'claims[0].statement',
              message: 'contains a lone UTF-16 surrogate (U+D800) at 12, which is not Unicode text',
            },
          ],
        ],
        [4, 'created', []],
      ]);
      expect(report).toMatchObject({ stored: 2, rejected: 3 });
      expect((await api.article.versions({ id: 'policy-two' })).length).toBe(1);
      expect((await failureOf(api.article.get({ id: 'nul-text' }))).code).toBe('NOT_FOUND');
    });

    it('refuses query input with an id too long or text no store can hold, naming the path', async () => {
      const longId = await failureOf(api.article.get({ id: 'a'.repeat(MAX_ID_LENGTH + 1) }));
      expect(longId.code).toBe('BAD_REQUEST');
      expect(longId.message).toContain(`at most ${MAX_ID_LENGTH} characters`);
      const nul = await failureOf(api.search({ q: 'truce\u0000' }));
      expect(nul.code).toBe('BAD_REQUEST');
      expect(nul.message).toBe(
        'q: contains U+0000 (a NUL character) at 5, which text may not hold',
      );
      const lone = await failureOf(api.claim.list({ text: '\uDFFF' }));
      expect(lone.message).toMatch(/^text: contains a lone UTF-16 surrogate/);
    });

    it('refuses a document over the size limit, whichever way it comes in', async () => {
      const huge = makeFixtureDocument('huge');
      huge.article.source.origin = 'x'.repeat(MAX_DOCUMENT_BYTES);
      const report = await importDocuments(store, [huge, makeFixtureDocument('small')]);
      expect(report.outcomes.map((o) => o.status)).toEqual(['rejected', 'created']);
      expect(report.outcomes[0]?.issues[0]?.path).toBe('(document)');
    });

    it('rejects a document whose ids another article uses, or that gives an entity another kind', async () => {
      await importDocuments(store, [makeFixtureDocument('owner')]);
      const thief = makeFixtureDocument('owner');
      thief.article.id = 'thief';
      const clash = await importDocuments(store, [thief]);
      expect(clash.outcomes[0]?.status).toBe('rejected');
      expect(clash.outcomes[0]?.issues).toContainEqual({
        path: 'claims[0].id',
        message: expect.stringContaining('already used by article "owner"'),
      });
      const renamed = makeFixtureDocument('other-kind');
      const analysts = renamed.entities.findIndex((e) => e.id === 'analysts');
      const analystsEntity = renamed.entities[analysts];
      if (analystsEntity) analystsEntity.kind = 'group';
      const kindClash = await importDocuments(store, [renamed]);
      expect(kindClash.outcomes[0]?.issues).toEqual([
        {
          path: `entities[${analysts}].kind`,
          message: expect.stringContaining('entity "analysts" is a unnamed_group'),
        },
      ]);
      expect((await failureOf(api.article.get({ id: 'thief' }))).code).toBe('NOT_FOUND');
    });

    it('refuses import without the admin token: FORBIDDEN when the server has none, UNAUTHORIZED for a wrong one', async () => {
      const document = makeFixtureDocument('guarded');
      const readOnly = await failureOf(
        createCaller(store).article.import({ documents: [document] }),
      );
      expect(readOnly.code).toBe('FORBIDDEN');
      expect(readOnly.message).toContain('CLAIMSCOPE_ADMIN_TOKEN');
      const wrong = createCaller(store, { adminToken: ADMIN_TOKEN, authorization: 'Bearer nope' });
      expect((await failureOf(wrong.article.import({ documents: [document] }))).code).toBe(
        'UNAUTHORIZED',
      );
      const none = createCaller(store, { adminToken: ADMIN_TOKEN });
      expect((await failureOf(none.article.import({ documents: [document] }))).code).toBe(
        'UNAUTHORIZED',
      );
      expect((await failureOf(api.article.get({ id: 'guarded' }))).code).toBe('NOT_FOUND');
    });
  });
}
