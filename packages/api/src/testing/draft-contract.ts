import { type ArticleDocument, type Claim, makeAnchor } from '@claimscope/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenDigest } from '../accounts/sessions.js';
import { createAccount, createCaller } from '../index.js';
import type { ClaimStore } from '../store/claim-store.js';
import { failureOf, type StoreFactory } from './contract-helpers.js';

/** An article written for these tests: a quote, two reported claims, and an organisation the extractor misses. */
export const REVIEW_TEST_ARTICLE = `Harbour council delays ferry vote

The Millbrook harbour council postponed its vote on the new ferry route on Tuesday.

"We need another month to read the safety report," said Dana Whitlock, the council's chair.

Local fisherman Tom Reyes said the delay would cost the town its summer season.

The council's engineer, Priya Nair, told reporters that the report was "clear and complete".
`;

/** An anchor on the first occurrence of `words` in the document's text. */
export function anchorOn(document: ArticleDocument, words: string) {
  const { text, blocks } = document.article;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  const block = blocks.find((b) => b.start <= start && start < b.end);
  if (!block) throw new Error(`"${words}" is in no block`);
  return makeAnchor(text, block.id, start, start + words.length);
}

const PASSWORD = 'a review passphrase';

/** Drafts under review, the same on every store: run from `describeStoreContract`. */
export function describeDraftContract(name: string, createStore: StoreFactory): void {
  describe(`${name}: drafts under review`, () => {
    let store: ClaimStore;
    let clock = new Date('2026-11-30T10:00:00Z');
    /** A caller signed in as `username` (a session made in the store, as signing in would). */
    const as = async (username: string) => {
      const token = `token-of-${username}-${Math.random()}`;
      await store.accounts.createSession({
        tokenSha256: tokenDigest(token),
        username,
        createdAt: clock.toISOString(),
        expiresAt: new Date(clock.getTime() + 3_600_000).toISOString(),
      });
      return createCaller(store, { sessionToken: token }, { now: () => clock });
    };
    beforeAll(async () => {
      store = await createStore([]);
      for (const username of ['ada', 'bo', 'cy'])
        await createAccount(store.accounts, { username, role: 'editor', password: PASSWORD });
    });
    afterAll(() => store.close());
    const create = async (username: string) =>
      (await as(username)).draft.create({
        format: 'text',
        content: REVIEW_TEST_ARTICLE,
        metadata: { published: '2026-11-24', sourceUrl: 'https://millbrook.example/ferry' },
      });

    it('creates a draft from pasted text with the metadata corrected, listed in "My drafts" only', async () => {
      const draft = await create('ada');
      expect(draft.document.article.published).toEqual({ status: 'known', date: '2026-11-24' });
      expect(draft.document.article.source.url).toBe('https://millbrook.example/ferry');
      expect(draft.progress).toEqual({ reviewed: 0, total: 9 });
      expect(draft.baseVersion).toBeNull();
      const ada = await as('ada');
      expect((await ada.draft.list()).map((d) => d.id)).toEqual([draft.id]);
      const bo = await as('bo');
      expect(await bo.draft.list()).toEqual([]);
      expect((await failureOf(bo.draft.get({ draftId: draft.id }))).code).toBe('FORBIDDEN');
    });

    it('keeps every decision on the server; edits are validated and errors name the field', async () => {
      const ada = await as('ada');
      const [{ id: draftId }] = (await ada.draft.list()) as unknown as [{ id: string }];
      let draft = await ada.draft.get({ draftId });
      const [quote, reported, told] = draft.document.claims as [
        ArticleDocument['claims'][number],
        ArticleDocument['claims'][number],
        ArticleDocument['claims'][number],
      ];
      await ada.draft.decide({ draftId, collection: 'claims', id: quote.id, action: 'accept' });
      const badSpeaker = await failureOf(
        ada.draft.decide({
          draftId,
          collection: 'claims',
          id: reported.id,
          action: 'edit',
          record: { ...reported, speakerId: 'nobody-known' },
        }),
      );
      expect(badSpeaker.code).toBe('BAD_REQUEST');
      expect(badSpeaker.message).toMatch(/^claims\[1\]\.speakerId: /);
      const badKind = await failureOf(
        ada.draft.decide({
          draftId,
          collection: 'claims',
          id: reported.id,
          action: 'edit',
          record: { ...reported, kind: 'rumour' },
        }),
      );
      expect(badKind.message).toMatch(/^record\.kind: /);
      await ada.draft.decide({
        draftId,
        collection: 'claims',
        id: reported.id,
        action: 'edit',
        record: { ...reported, modality: 'prediction' },
      });
      // An entity a claim still names cannot be rejected: the claim's field says why.
      const stillNamed = await failureOf(
        ada.draft.decide({
          draftId,
          collection: 'entities',
          id: 'dana-whitlock',
          action: 'reject',
        }),
      );
      expect(stillNamed.message).toContain(
        'claims[0].speakerId: no entity with id "dana-whitlock"',
      );
      await ada.draft.decide({ draftId, collection: 'claims', id: told.id, action: 'reject' });
      // A missed organisation and its mention, added by selecting the words.
      await ada.draft.decide({
        draftId,
        collection: 'entities',
        id: 'millbrook-harbour-council',
        action: 'add',
        record: {
          id: 'millbrook-harbour-council',
          kind: 'organization',
          name: 'Millbrook harbour council',
          aliases: [],
          description: 'The council that runs Millbrook harbour.',
        },
      });
      draft = await ada.draft.decide({
        draftId,
        collection: 'mentions',
        id: 'm-council',
        action: 'add',
        record: {
          id: 'm-council',
          entityId: 'millbrook-harbour-council',
          anchor: anchorOn(draft.document, 'Millbrook harbour council'),
          form: 'name',
        },
      });
      expect(draft.progress).toEqual({ reviewed: 5, total: 11 });
      // Read back from the store, as after a reload.
      const reloaded = await (await as('ada')).draft.get({ draftId });
      expect(reloaded.decisions).toEqual(draft.decisions);
      expect(Object.values(reloaded.decisions).map((d) => [d.action, d.by])).toEqual([
        ['accepted', 'ada'],
        ['edited', 'ada'],
        ['rejected', 'ada'],
        ['added', 'ada'],
        ['added', 'ada'],
      ]);
      // Undo takes a decision back.
      const undone = await ada.draft.decide({
        draftId,
        collection: 'claims',
        id: quote.id,
        action: 'undo',
      });
      expect(undone.progress.reviewed).toBe(4);
      await ada.draft.decide({ draftId, collection: 'claims', id: quote.id, action: 'accept' });
    });

    it('publishes a version with provenance per annotation and its publisher; rejected ones are kept apart, in no view', async () => {
      const bo = await as('bo');
      const stale = await create('bo'); // opened before ada publishes
      const ada = await as('ada');
      const [{ id: draftId }] = (await ada.draft.list()) as unknown as [{ id: string }];
      clock = new Date('2026-11-30T10:30:00Z');
      const published = await ada.draft.publish({ draftId });
      expect(published.version).toBe(1);
      const stored = await ada.article.export({ id: published.articleId });
      const claims = stored.claims.map((c) => [c.speakerId, c.modality, c.provenance.review]);
      expect(claims).toEqual([
        [
          'dana-whitlock',
          expect.any(String),
          {
            status: 'reviewed',
            by: 'ada',
            note: expect.stringMatching(/^accepted at 2026-11-30T10:/),
          },
        ],
        [
          'tom-reyes',
          'prediction',
          { status: 'reviewed', by: 'ada', note: expect.stringMatching(/^edited at /) },
        ],
      ]);
      expect(stored.mentions.find((m) => m.id === 'm-council')?.provenance).toMatchObject({
        agent: { kind: 'person', name: 'ada' },
        review: { status: 'reviewed', by: 'ada', note: expect.stringMatching(/^added at /) },
      });
      // Unreviewed machine annotations are published as unreviewed.
      expect(
        stored.mentions.find((m) => m.entityId === 'tom-reyes')?.provenance.review.status,
      ).toBe('unreviewed');
      const kept = await ada.draft.get({ draftId });
      expect(kept.published?.version).toBe(1);
      expect(kept.document.claims).toHaveLength(3); // the rejected claim, marked rejected

      // The version records who published it, and keeps the rejected claim apart, as the machine made it.
      const rejected = kept.document.claims.find((c) => c.provenance.review.status === 'rejected');
      expect(stored.publication).toEqual({
        by: 'ada',
        at: '2026-11-30T10:30:00.000Z',
        baseVersion: null,
        rejected: [
          {
            collection: 'claims',
            record: {
              ...rejected,
              provenance: expect.objectContaining({
                agent: expect.objectContaining({ kind: 'rule' }),
              }),
            },
            by: 'ada',
            at: expect.stringMatching(/^2026-11-30T10:/),
          },
        ],
      });
      expect(stored.publication?.rejected[0]?.record.provenance.review.status).toBe('unreviewed');
      expect(await ada.article.versions({ id: published.articleId })).toEqual([
        expect.objectContaining({
          version: 1,
          published: { by: 'ada', at: '2026-11-30T10:30:00.000Z' },
        }),
      ]);
      // No view shows it: the reader's article, claim lists, search.
      const rejectedId = rejected?.id ?? 'none';
      const reader = await ada.article.get({ id: published.articleId });
      expect(JSON.stringify(reader)).not.toContain(rejectedId);
      const claimsOfArticle = await ada.claim.list({ articleId: published.articleId });
      expect(claimsOfArticle.items.map((c) => c.id)).not.toContain(rejectedId);
      expect((await ada.claim.get({ id: rejectedId }).catch((e) => e)).code).toBe('NOT_FOUND');
      expect((await failureOf(ada.draft.publish({ draftId }))).code).toBe('CONFLICT');

      // bo's draft was opened before the article existed: publishing it would overwrite ada's.
      const refused = await failureOf(bo.draft.publish({ draftId: stale.id }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('was published as version 1 since this draft was opened');
      expect((await ada.article.versions({ id: published.articleId })).length).toBe(1);
    });

    it('a draft opened at one version is refused once another is published, with what changed', async () => {
      const ada = await as('ada');
      const bo = await as('bo');
      const first = await create('ada');
      const second = await create('bo');
      expect(first.baseVersion).toBe(1);
      const claim = first.document.claims[0];
      if (!claim) throw new Error('the draft has no claim');
      await ada.draft.decide({
        draftId: first.id,
        collection: 'claims',
        id: claim.id,
        action: 'edit',
        record: { ...claim, statement: 'The council needs a month to read the safety report.' },
      });
      expect((await ada.draft.publish({ draftId: first.id })).version).toBe(2);
      const refused = await failureOf(bo.draft.publish({ draftId: second.id }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toMatch(
        /version 2 since this draft was opened at version 1: .*claims: .*changed/,
      );
    });

    it('of two publishes from one version at once, one is stored and the other refused', async () => {
      const content = REVIEW_TEST_ARTICLE.replace('delays ferry vote', 'delays bridge vote');
      const [ada, bo] = [await as('ada'), await as('bo')];
      const first = await ada.draft.create({ format: 'text', content });
      const second = await bo.draft.create({ format: 'text', content });
      const results = await Promise.allSettled([
        ada.draft.publish({ draftId: first.id }),
        bo.draft.publish({ draftId: second.id }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((await ada.article.versions({ id: first.articleId })).length).toBe(1);
    });

    it('creates an entity for a claim, adds and edits relations and claim links, each validated', async () => {
      const cy = await as('cy');
      const draft = await create('cy');
      const draftId = draft.id;
      const [quote, reported] = draft.document.claims as [Claim, Claim];
      type Collection = Parameters<typeof cy.draft.decide>[0]['collection'];
      /** Adds or edits a whole record (its id names the annotation). */
      const save = (
        collection: Collection,
        action: 'add' | 'edit',
        record: { id: string } & Record<string, unknown>,
      ) => cy.draft.decide({ draftId, collection, id: record.id, action, record });
      /** What the API says when it refuses such a save. */
      const refusal = async (...args: Parameters<typeof save>) =>
        (await failureOf(save(...args))).message;
      const council = {
        id: 'millbrook-harbour-council',
        kind: 'organization',
        name: 'Millbrook harbour council',
        aliases: [],
        description: 'The council that runs Millbrook harbour.',
      };
      expect(await refusal('entities', 'add', { ...council, name: '' })).toMatch(/^record\.name: /);
      await save('entities', 'add', council);
      let view = await save('claims', 'edit', { ...quote, speakerId: council.id });
      expect(view.document.claims[0]?.speakerId).toBe(council.id);

      const relation = {
        id: 'r-whitlock-chair',
        subjectId: 'dana-whitlock',
        predicate: 'leader_of',
        objectId: council.id,
        evidence: [anchorOn(view.document, "Dana Whitlock, the council's chair")],
        assertedBy: { kind: 'author' },
        role: 'chair',
        certainty: 'stated',
        past: false,
        time: null,
      };
      expect(await refusal('relations', 'add', { ...relation, predicate: 'chairs' })).toMatch(
        /^record\.predicate: /,
      );
      expect(
        await refusal('relations', 'add', { ...relation, objectId: 'no-such-council' }),
      ).toMatch(/^relations\[0\]\.objectId: /);
      await save('relations', 'add', relation);
      view = await save('relations', 'edit', {
        ...relation,
        certainty: 'implied',
        subjectId: 'priya-nair',
      });
      expect(view.document.relations.map((r) => [r.subjectId, r.certainty])).toEqual([
        ['priya-nair', 'implied'],
      ]);
      expect(view.decisions[`relations/${relation.id}`]?.action).toBe('added');

      const link = {
        id: 'l-1',
        kind: 'contradicts',
        fromId: reported.id,
        toId: quote.id,
        note: 'A month’s delay against a lost season.',
      };
      await save('claimLinks', 'add', link);
      view = await save('claimLinks', 'edit', { ...link, kind: 'qualifies' });
      expect(view.document.claimLinks.map((l) => l.kind)).toEqual(['qualifies']);
      expect(await refusal('claimLinks', 'edit', { ...link, toId: 'no-such-claim' })).toMatch(
        /^claimLinks\[0\]\.toId: /,
      );
      view = await cy.draft.decide({
        draftId,
        collection: 'claimLinks',
        id: link.id,
        action: 'reject',
      });
      expect(view.document.claimLinks).toEqual([]);
    });

    it('merges and splits entities in one step each; undo goes back step by step to the start, across reloads', async () => {
      const cy = await as('cy');
      const [{ id: draftId }] = (await cy.draft.list()) as unknown as [{ id: string }];
      const before = await cy.draft.get({ draftId });
      expect(before.undo.steps).toBe(7);
      const merged = await cy.draft.mergeEntities({
        draftId,
        keepId: 'dana-whitlock',
        mergeId: 'priya-nair',
      });
      const dana = merged.document.entities.find((e) => e.id === 'dana-whitlock');
      expect(dana?.aliases.map((a) => a.name)).toEqual(['Whitlock', 'Priya Nair', 'Nair']);
      expect(merged.decisions['entities/priya-nair']?.action).toBe('rejected');
      expect(merged.document.mentions.map((m) => m.entityId)).toEqual([
        'dana-whitlock',
        'tom-reyes',
        'dana-whitlock',
      ]);
      expect(merged.document.claims.map((c) => c.speakerId)).toEqual([
        'millbrook-harbour-council',
        'tom-reyes',
        'dana-whitlock',
      ]);
      expect(merged.document.relations[0]?.subjectId).toBe('dana-whitlock');
      expect(merged.undo).toEqual({ steps: 8, last: 'merge priya-nair into dana-whitlock' });
      const itself = await failureOf(
        cy.draft.mergeEntities({ draftId, keepId: 'tom-reyes', mergeId: 'tom-reyes' }),
      );
      expect(itself.message).toMatch(/^mergeId: /);

      const priya = merged.document.mentions[2];
      if (!priya) throw new Error('no third mention');
      const unnamed = await failureOf(
        cy.draft.splitEntity({
          draftId,
          entityId: 'dana-whitlock',
          mentionIds: [priya.id],
          entity: {
            id: 'priya-nair-2',
            kind: 'person',
            name: '',
            aliases: [],
            description: 'The council’s engineer.',
          },
        }),
      );
      expect(unnamed.message).toMatch(/^entities\/priya-nair-2\.name: /);
      const split = await cy.draft.splitEntity({
        draftId,
        entityId: 'dana-whitlock',
        mentionIds: [priya.id],
        entity: {
          id: 'priya-nair-2',
          kind: 'person',
          name: 'Priya Nair',
          aliases: [],
          description: 'The council’s engineer.',
        },
      });
      expect(split.document.mentions.map((m) => m.entityId)).toEqual([
        'dana-whitlock',
        'tom-reyes',
        'priya-nair-2',
      ]);

      // Undo, read back as after a reload: the split, then the merge, then every decision.
      expect((await cy.draft.undo({ draftId })).undone).toMatch(/^split 1 mentions of dana/);
      let view = await (await as('cy')).draft.get({ draftId });
      expect(view.document.mentions[2]?.entityId).toBe('dana-whitlock');
      view = await cy.draft.undo({ draftId });
      expect(view.document.entities.map((e) => [e.id, e.aliases.length])).toContainEqual([
        'dana-whitlock',
        1,
      ]);
      expect(view.decisions).toEqual(before.decisions);
      while (view.undo.steps > 0) view = await cy.draft.undo({ draftId });
      expect(view.decisions).toEqual({});
      expect(view.progress.reviewed).toBe(0);
      expect((await failureOf(cy.draft.undo({ draftId }))).message).toMatch(/^nothing to undo/);

      // Merged again and published: the repointed annotations say edited, by cy.
      await cy.draft.mergeEntities({ draftId, keepId: 'dana-whitlock', mergeId: 'priya-nair' });
      const { articleId, version } = await cy.draft.publish({ draftId });
      const stored = await cy.article.export({ id: articleId, version });
      expect(stored.entities.map((e) => e.id)).toEqual(['dana-whitlock', 'tom-reyes']);
      expect(stored.claims[2]?.provenance.review).toMatchObject({
        by: 'cy',
        note: expect.stringMatching(/^edited at /),
      });
    });

    it('an import expecting another version than the current one is refused and stores nothing', async () => {
      const [draft] = await store.drafts.listDrafts('ada');
      const document = draft && (await store.exportArticle(draft.articleId));
      const current = draft && (await store.versions(draft.articleId))?.at(-1)?.version;
      if (!document || !current) throw new Error('ada has published nothing');
      const changed = { ...document, mentions: document.mentions.slice(1) };
      for (const expectedVersion of [current - 1, null])
        await expect(store.importDocument(changed, { expectedVersion })).rejects.toMatchObject({
          name: 'StaleVersionError',
          current,
          expected: expectedVersion,
        });
      expect((await store.versions(document.article.id))?.length).toBe(current);
      expect(await store.importDocument(changed, { expectedVersion: current })).toMatchObject({
        status: 'updated',
        version: current + 1,
      });
    });

    it('a save from a stale revision stores nothing', async () => {
      const [draft] = await store.drafts.listDrafts('ada');
      if (!draft) throw new Error('ada has no draft');
      expect(await store.drafts.saveDraft({ ...draft, revision: draft.revision })).toBe(false);
      expect(await store.drafts.saveDraft({ ...draft, revision: draft.revision + 1 })).toBe(true);
    });
  });
}
