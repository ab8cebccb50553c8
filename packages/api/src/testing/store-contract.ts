import { createHash } from 'node:crypto';
import { loadCorpus, SEED_ARTICLE_ID } from '@claimscope/corpus';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';
import { type ArticleDocument, ArticleDocumentSchema, type ClaimLink } from '@claimscope/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_COUNT_CAP, encodeCursor } from '../contracts/pagination.js';
import { createCaller, importDocuments } from '../index.js';
import type { ClaimStore } from '../store/claim-store.js';
import { describeAccountContract } from './account-contract.js';
import { allPages, failureOf, issuePaths, type StoreFactory } from './contract-helpers.js';
import { describeDraftContract } from './draft-contract.js';
import { makeFixtureDocument } from './fixture-document.js';
import { describeImportContract } from './import-contract.js';
import { makeMachineDraftDocument } from './machine-draft-document.js';

export type { StoreFactory } from './contract-helpers.js';

type Api = ReturnType<typeof createCaller>;
type ClaimViewOf<A extends Api> = Awaited<ReturnType<A['claim']['list']>>['items'][number];

const corpus = loadCorpus();
const seed = corpus.find((doc) => doc.article.id === SEED_ARTICLE_ID);
if (!seed) throw new Error(`the corpus has no article "${SEED_ARTICLE_ID}"`);
const seedDocument = seed;
/** A claim id of the seed article from its number: `claimId(9)` → `…claim-09`. */
const claimId = (n: number) => `${SEED_ARTICLE_ID}.claim-${String(n).padStart(2, '0')}`;

interface DisagreementFilter {
  articleId?: string;
  kind?: ClaimLink['kind'][];
  speakerId?: string;
  sameSpeaker?: boolean;
}

/** The ids of the links claim.disagreements should list for `filter`, in order, from the documents. */
function expectedLinks(documents: ArticleDocument[], filter: DisagreementFilter): string[] {
  const kinds = filter.kind ?? ['contradicts', 'qualifies'];
  return documents.flatMap((doc) => {
    if (filter.articleId && doc.article.id !== filter.articleId) return [];
    const speaker = new Map(doc.claims.map((c) => [c.id, c.speakerId]));
    return doc.claimLinks
      .filter((link) => {
        const from = speaker.get(link.fromId);
        const to = speaker.get(link.toId);
        return (
          kinds.includes(link.kind) &&
          (!filter.speakerId || from === filter.speakerId || to === filter.speakerId) &&
          (filter.sameSpeaker === undefined || (from === to) === filter.sameSpeaker)
        );
      })
      .map((link) => link.id);
  });
}

/**
 * The fixture with "Wänts" for "Wants" wherever the word stands (headline, text, blocks and the
 * quotes' context): the same length, so no offset moves.
 */
function withAccentedHeadline(doc: ArticleDocument): ArticleDocument {
  const swapped = JSON.parse(JSON.stringify(doc).replaceAll('Wants', 'Wänts')) as ArticleDocument;
  swapped.article.textSha256 = createHash('sha256')
    .update(swapped.article.text, 'utf8')
    .digest('hex');
  return ArticleDocumentSchema.parse(swapped);
}

/**
 * The behaviour every ClaimStore must have, through the API's procedures: run it against each
 * implementation with a factory that makes a fresh store.
 */
export function describeStoreContract(name: string, createStore: StoreFactory): void {
  describe(`${name}: the seed corpus`, () => {
    let api: Api;
    let store: ClaimStore;
    beforeAll(async () => {
      store = await createStore(corpus);
      api = createCaller(store);
    });
    afterAll(() => store.close());

    describe('article.list', () => {
      it('summarises every article with its byline and counts', async () => {
        const page = await api.article.list();
        expect(page.total).toBe(corpus.length);
        const seed = page.items.find((a) => a.id === SEED_ARTICLE_ID);
        expect(seed).toMatchObject({
          headline: seedDocument.article.headline,
          dek: seedDocument.article.dek,
          authors: [{ id: 'alice-speri', name: 'Alice Speri', kind: 'person' }],
          publisher: { id: 'vice-news', name: 'VICE News', kind: 'outlet' },
          counts: {
            entities: seedDocument.entities.length,
            mentions: seedDocument.mentions.length,
            claims: seedDocument.claims.length,
            claimLinks: seedDocument.claimLinks.length,
            relations: seedDocument.relations.length,
          },
        });
      });
    });

    describe('article.get', () => {
      it('returns the metadata and blocks, leaving the full text to the blocks', async () => {
        const article = await api.article.get({ id: SEED_ARTICLE_ID });
        expect(article.blocks).toEqual(seedDocument.article.blocks);
        expect(article.published).toEqual(seedDocument.article.published);
        expect(article).not.toHaveProperty('text');
      });
    });

    describe('article.export', () => {
      it('returns the whole document, valid against the schema', async () => {
        const exported = await api.article.export({ id: SEED_ARTICLE_ID });
        expect(ArticleDocumentSchema.parse(exported)).toEqual(seedDocument);
      });
    });

    describe('unknown and malformed article ids', () => {
      it('answers NOT_FOUND naming the id', async () => {
        // One call at a time: a second rejected promise made up front would go unhandled meanwhile.
        for (const call of [
          () => api.article.get({ id: 'no-such-article' }),
          () => api.article.export({ id: 'no-such-article' }),
        ]) {
          const error = await failureOf(call());
          expect(error.code).toBe('NOT_FOUND');
          expect(error.message).toBe('no article with id "no-such-article"');
        }
      });

      it('answers BAD_REQUEST at path id for an id that cannot exist', async () => {
        const error = await failureOf(api.article.get({ id: 'Has Spaces' }));
        expect(error.code).toBe('BAD_REQUEST');
        expect(issuePaths(error)).toEqual(['id']);
      });
    });

    describe('claim.list', () => {
      it('lists claims in reading order with their speaker and words', async () => {
        const { items, total } = await api.claim.list({ limit: 100 });
        expect(total).toBe(seedDocument.claims.length);
        const starts = items.map((c) => Math.min(...c.content.map((a) => a.position.start)));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        const first = items[0];
        expect(first?.speaker).toEqual({ id: 'alice-speri', name: 'Alice Speri', kind: 'person' });
        expect(first?.text).toBe(first?.content.map((a) => a.quote.exact).join(' … '));
      });

      it('filters by channel and by outlet ("everything told to the AP")', async () => {
        const toAp = await api.claim.list({ outletId: 'associated-press', limit: 100 });
        const expected = seedDocument.claims.filter(
          (c) => c.channel.outletId === 'associated-press',
        );
        expect(expected.length).toBeGreaterThan(0);
        expect(toAp.total).toBe(expected.length);
        expect(toAp.items.map((c) => c.id)).toEqual(expected.map((c) => c.id));
        const interviews = await api.claim.list({ channel: 'interview', limit: 100 });
        expect(interviews.total).toBe(
          seedDocument.claims.filter((c) => c.channel.kind === 'interview').length,
        );
        const both = await api.claim.list({
          channel: ['interview', 'letter'],
          outletId: 'vice-news',
          kind: 'direct_quote',
          limit: 100,
        });
        expect(both.total).toBe(
          seedDocument.claims.filter(
            (c) =>
              ['interview', 'letter'].includes(c.channel.kind) &&
              c.channel.outletId === 'vice-news' &&
              c.kind === 'direct_quote',
          ).length,
        );
        expect(
          issuePaths(await failureOf(api.claim.list({ channel: 'telepathy' as never }))),
        ).toEqual(['channel']);
      });

      it('filters by speaker, subject, kind and modality together', async () => {
        const levittQuotes = await api.claim.list({
          speakerId: 'matthew-levitt',
          kind: 'direct_quote',
          limit: 100,
        });
        expect(levittQuotes.total).toBeGreaterThan(0);
        expect(
          levittQuotes.items.every(
            (c) => c.speakerId === 'matthew-levitt' && c.kind === 'direct_quote',
          ),
        ).toBe(true);
        const hedgedOrSpeculative = await api.claim.list({
          modality: ['hedged', 'speculative'],
          limit: 100,
        });
        expect(hedgedOrSpeculative.total).toBe(
          seedDocument.claims.filter((c) => c.modality === 'hedged' || c.modality === 'speculative')
            .length,
        );
        const aboutNusra = await api.claim.list({ aboutId: 'nusra-front', limit: 100 });
        expect(aboutNusra.items.every((c) => c.about.some((e) => e.id === 'nusra-front'))).toBe(
          true,
        );
      });

      it('matches text in the words or the statement, ignoring case', async () => {
        const { items } = await api.claim.list({ text: 'TRUCE IN SYRIA' });
        expect(items.map((c) => c.id)).toEqual(expect.arrayContaining([claimId(9), claimId(10)]));
      });

      it('pages with no duplicates and no gaps', async () => {
        const everything = (await api.claim.list({ limit: 100 })).items.map((c) => c.id);
        const { items, pages } = await allPages((cursor) => api.claim.list({ limit: 9, cursor }));
        expect(pages).toBe(Math.ceil(everything.length / 9));
        expect(items.map((c) => c.id)).toEqual(everything);
      });

      it('pages a filter on several kinds and modalities in reading order, each match once', async () => {
        const kind = ['direct_quote', 'author_assertion', 'direct_quote'] as const;
        const modality = ['asserted', 'hedged'] as const;
        const everything = (await api.claim.list({ limit: 100 })).items.filter(
          (c) =>
            (kind as readonly string[]).includes(c.kind) &&
            (modality as readonly string[]).includes(c.modality),
        );
        expect(everything.length).toBeGreaterThan(4);
        const { items, totals } = await allPages((cursor) =>
          api.claim.list({ kind: [...kind], modality: [...modality], limit: 4, cursor }),
        );
        expect(items.map((c) => c.id)).toEqual(everything.map((c) => c.id));
        expect(new Set(totals)).toEqual(new Set([everything.length]));
      });
    });

    describe('claim.get', () => {
      it('returns the speaker, the outlet and the blocks the content lies in', async () => {
        const detail = await api.claim.get({ id: claimId(9) });
        expect(detail.claim.speaker.name).toBe('Tom Joscelyn');
        expect(detail.outlet).toEqual({
          id: 'associated-press',
          name: 'Associated Press',
          kind: 'outlet',
        });
        const blockIds = new Set(detail.claim.content.map((a) => a.blockId));
        expect(detail.blocks.map((b) => b.id)).toEqual([...blockIds]);
        for (const block of detail.blocks)
          expect(block.text).toContain(detail.claim.content[0]?.quote.exact.slice(0, 10));
      });

      it('links a quotation inside a quotation to its parent, and back', async () => {
        const inner = await api.claim.get({ id: claimId(10) });
        expect(inner.claim.speaker.id).toBe('al-qaeda');
        expect(inner.parent?.id).toBe(claimId(9));
        const outer = await api.claim.get({ id: claimId(9) });
        expect(outer.children.map((c) => c.id)).toContain(claimId(10));
      });

      it('gives the whole continuation chain, first to last, from any claim in it', async () => {
        const middle = await api.claim.get({ id: claimId(22) });
        expect(middle.continues?.id).toBe(claimId(21));
        const chain = middle.chain.map((c) => c.id);
        expect(chain.slice(0, 4)).toEqual([claimId(21), claimId(22), claimId(23), claimId(28)]);
        expect((await api.claim.get({ id: claimId(21) })).chain.map((c) => c.id)).toEqual(chain);
      });

      it('shows claim links in both directions with the other claim and its speaker', async () => {
        const sanderson = await api.claim.get({ id: claimId(23) });
        expect(sanderson.links).toContainEqual(
          expect.objectContaining({
            kind: 'contradicts',
            direction: 'incoming',
            other: expect.objectContaining({
              id: claimId(59),
              speaker: expect.objectContaining({ name: 'Aymenn Jawad al-Tamimi' }),
            }),
          }),
        );
        const tamimi = await api.claim.get({ id: claimId(59) });
        expect(tamimi.links).toContainEqual(
          expect.objectContaining({
            kind: 'contradicts',
            direction: 'outgoing',
            other: expect.objectContaining({ id: claimId(23) }),
          }),
        );
      });

      it('answers NOT_FOUND for an unknown claim', async () => {
        expect((await failureOf(api.claim.get({ id: claimId(999) }))).code).toBe('NOT_FOUND');
      });
    });

    describe('claim.disagreements', () => {
      it('pairs each contradicting or qualifying claim with the claim it disputes', async () => {
        const page = await api.claim.disagreements();
        const expected = expectedLinks([seedDocument], {});
        expect(expected.length).toBeGreaterThan(4);
        expect(page.items.map((d) => d.id)).toEqual(expected);
        expect(page.total).toBe(expected.length);
        expect(page.nextCursor).toBeNull();
        expect(page.items).toContainEqual(
          expect.objectContaining({
            kind: 'contradicts',
            articleId: SEED_ARTICLE_ID,
            from: expect.objectContaining({
              id: claimId(59),
              speaker: expect.objectContaining({ name: 'Aymenn Jawad al-Tamimi' }),
            }),
            to: expect.objectContaining({
              id: claimId(23),
              speaker: expect.objectContaining({ name: 'Tom Sanderson' }),
            }),
          }),
        );
      });

      it('can ask for other link kinds, a page at a time', async () => {
        const expected = expectedLinks([seedDocument], { kind: ['supports'] });
        expect(expected.length).toBeGreaterThan(20);
        const first = await api.claim.disagreements({ kind: 'supports' });
        expect(first.items).toHaveLength(20);
        expect(first.total).toBe(expected.length);
        const { items, totals } = await allPages((cursor) =>
          api.claim.disagreements({ kind: 'supports', cursor }),
        );
        expect(items.every((d) => d.kind === 'supports')).toBe(true);
        expect(items.map((d) => d.id)).toEqual(expected);
        expect(new Set(totals)).toEqual(new Set([expected.length]));
      });

      it('walks every link once, in order, under each filter and their combinations', async () => {
        const filters: DisagreementFilter[] = [
          {},
          { kind: ['contradicts', 'qualifies', 'supports'] },
          { sameSpeaker: true },
          { sameSpeaker: false },
          { speakerId: 'alice-speri' },
          { speakerId: 'alice-speri', sameSpeaker: false },
          { speakerId: 'alice-speri', sameSpeaker: true, kind: ['qualifies'] },
          { speakerId: 'tom-sanderson', kind: ['contradicts'] },
          { articleId: SEED_ARTICLE_ID, sameSpeaker: false, kind: ['contradicts', 'supports'] },
        ];
        for (const filter of filters) {
          const expected = expectedLinks([seedDocument], filter);
          const { items, pages, totals } = await allPages((cursor) =>
            api.claim.disagreements({ ...filter, limit: 3, cursor }),
          );
          expect(
            items.map((d) => d.id),
            JSON.stringify(filter),
          ).toEqual(expected);
          expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 3)));
          expect(new Set(totals), JSON.stringify(filter)).toEqual(new Set([expected.length]));
        }
        // The filters mean what they say, not only what the expectation computes.
        const own = await api.claim.disagreements({ sameSpeaker: true, limit: 100 });
        expect(own.total).toBeGreaterThan(0);
        expect(own.items.every((d) => d.from.speaker.id === d.to.speaker.id)).toBe(true);
        const others = await api.claim.disagreements({ sameSpeaker: false, limit: 100 });
        expect(others.total).toBeGreaterThan(0);
        expect(others.items.every((d) => d.from.speaker.id !== d.to.speaker.id)).toBe(true);
        expect(own.total + others.total).toBe((await api.claim.disagreements()).total);
        const alice = await api.claim.disagreements({ speakerId: 'alice-speri', limit: 100 });
        expect(alice.total).toBeGreaterThan(0);
        expect(
          alice.items.every((d) => [d.from.speaker.id, d.to.speaker.id].includes('alice-speri')),
        ).toBe(true);
      });

      it('returns an empty page for an article or speaker that is not there, like claim.list', async () => {
        for (const input of [{ articleId: 'no-such-article' }, { speakerId: 'no-such-speaker' }]) {
          expect(await api.claim.disagreements(input)).toEqual({
            items: [],
            nextCursor: null,
            total: 0,
          });
          expect((await api.claim.list(input)).total).toBe(0);
        }
      });

      it('rejects a page larger than 100 and a cursor it did not issue, naming the field', async () => {
        const tooBig = await failureOf(api.claim.disagreements({ limit: 101 }));
        expect(tooBig.code).toBe('BAD_REQUEST');
        expect(issuePaths(tooBig)).toEqual(['limit']);
        const forged = await failureOf(api.claim.disagreements({ cursor: 'not-a-cursor' }));
        expect(forged.code).toBe('BAD_REQUEST');
        expect(issuePaths(forged)).toEqual(['cursor']);
        const past = await api.claim.disagreements({ cursor: encodeCursor(1000) });
        expect(past.items).toEqual([]);
        expect(past.nextCursor).toBeNull();
      });
    });

    describe('entity.list', () => {
      it('filters by one kind or several', async () => {
        const places = await api.entity.list({ kind: 'place', limit: 100 });
        expect(places.items.every((e) => e.kind === 'place')).toBe(true);
        expect(places.items.map((e) => e.id)).toContain('syria');
        const both = await api.entity.list({ kind: ['place', 'outlet'], limit: 100 });
        expect(both.total).toBe(
          seedDocument.entities.filter((e) => e.kind === 'place' || e.kind === 'outlet').length,
        );
      });

      it('matches text in the name, an alias or the description, ignoring case', async () => {
        const byAlias = await api.entity.list({ text: 'jabhat AL-nusra' });
        expect(byAlias.items.map((e) => e.id)).toEqual(['nusra-front']);
        const byName = await api.entity.list({ text: 'sanderson', kind: 'person' });
        expect(byName.items.map((e) => e.id)).toEqual(['tom-sanderson']);
      });

      it('filters by article, and returns nothing for an article that is not there', async () => {
        expect((await api.entity.list({ articleId: SEED_ARTICLE_ID })).total).toBe(
          seedDocument.entities.length,
        );
        expect((await api.entity.list({ articleId: 'elsewhere' })).total).toBe(0);
      });

      it('carries mention and claim counts, most mentioned first', async () => {
        const { items } = await api.entity.list({ limit: 100 });
        const mentioned = (id: string) =>
          seedDocument.mentions.filter((m) => m.entityId === id).length;
        for (const item of items) expect(item.mentionCount).toBe(mentioned(item.id));
        const counts = items.map((e) => e.mentionCount);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
        expect(items[0]?.id).toBe('islamic-state');
        const levitt = items.find((e) => e.id === 'matthew-levitt');
        expect(levitt?.claimCount).toBe(
          seedDocument.claims.filter((c) => c.speakerId === 'matthew-levitt').length,
        );
      });

      it('sorts by name on request', async () => {
        const names = (await api.entity.list({ sort: 'name', limit: 100 })).items.map(
          (e) => e.name,
        );
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
      });

      it('pages through every entity exactly once, whatever the page size', async () => {
        for (const limit of [1, 7, 25]) {
          const { items, pages, totals } = await allPages((cursor) =>
            api.entity.list({ limit, cursor }),
          );
          expect(pages).toBe(Math.ceil(seedDocument.entities.length / limit));
          expect(new Set(totals)).toEqual(new Set([seedDocument.entities.length]));
          const ids = items.map((e) => e.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.sort()).toEqual(seedDocument.entities.map((e) => e.id).sort());
        }
      });

      it('rejects a page larger than 100 and a cursor it did not issue, naming the field', async () => {
        const tooBig = await failureOf(api.entity.list({ limit: 101 }));
        expect(tooBig.code).toBe('BAD_REQUEST');
        expect(issuePaths(tooBig)).toEqual(['limit']);
        for (const cursor of [
          'not-a-cursor',
          Buffer.from('{"v":1,"o":-3}').toString('base64url'),
        ]) {
          const forged = await failureOf(api.entity.list({ cursor }));
          expect(forged.code).toBe('BAD_REQUEST');
          expect(issuePaths(forged)).toEqual(['cursor']);
        }
      });

      it('rejects an unknown kind at path kind', async () => {
        const error = await failureOf(api.entity.list({ kind: 'planet' as 'place' }));
        expect(error.code).toBe('BAD_REQUEST');
        expect(issuePaths(error)[0]).toMatch(/^kind/);
      });
    });

    describe('paragraph numbers', () => {
      /** The seed's paragraphs as a reader counts them: paragraph blocks only, from 1. */
      const expected = new Map(
        seedDocument.article.blocks
          .filter((b) => b.kind === 'paragraph')
          .map((b, i) => [b.id, i + 1] as const),
      );
      const numberOf = (blockId: string) => expected.get(blockId) ?? null;

      it('numbers the blocks of claim.get as a reader counts paragraphs', async () => {
        const detail = await api.claim.get({ id: claimId(11) });
        expect(detail.blocks.length).toBeGreaterThan(0);
        for (const block of detail.blocks) expect(block.paragraph).toBe(numberOf(block.id));
        // Headlines, credits and promos before the text are not paragraphs a reader counts.
        expect(detail.blocks.some((b) => b.paragraph !== b.index + 1)).toBe(true);
      });

      it('numbers the block of every mention in entity.get, null for blocks that are not paragraphs', async () => {
        const { mentions } = await api.entity.get({ id: 'matthew-levitt' });
        expect(mentions.length).toBeGreaterThan(0);
        for (const mention of mentions)
          expect(mention.block.paragraph).toBe(numberOf(mention.block.id));
        const last = Math.max(...mentions.map((m) => m.block.paragraph ?? 0));
        expect(last).toBeLessThanOrEqual(expected.size);
        const { mentions: all } = await api.entity.get({ id: 'associated-press' });
        expect(all.some((m) => m.block.kind !== 'paragraph' && m.block.paragraph === null)).toBe(
          true,
        );
      });

      it('numbers paragraph search hits', async () => {
        for (const q of ['truce Syria', 'truce Zawahiri Baghdadi']) {
          const { hits } = await api.search({ q, types: ['paragraph'] });
          expect(hits.length).toBeGreaterThan(0);
          for (const hit of hits)
            if (hit.type === 'paragraph') expect(hit.paragraph).toBe(numberOf(hit.id));
        }
      });
    });

    describe('entity.get', () => {
      it('shows every mention in its block, with the mention highlighted in the context', async () => {
        const { entity, mentions } = await api.entity.get({ id: 'islamic-state' });
        expect(entity.aliases.map((a) => a.name)).toContain('ISIS');
        expect(mentions).toHaveLength(
          seedDocument.mentions.filter((m) => m.entityId === 'islamic-state').length,
        );
        for (const mention of mentions) {
          const [highlight] = mention.context.highlights;
          if (!highlight) throw new Error(`mention ${mention.id} has no highlight`);
          expect(mention.context.text.slice(highlight.start, highlight.end)).toBe(
            mention.anchor.quote.exact,
          );
          expect(seedDocument.article.blocks[mention.block.index]?.id).toBe(mention.block.id);
        }
        const starts = mentions.map((m) => m.anchor.position.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      });

      it('lists the claims an entity makes, the claims about it, and its relations with names', async () => {
        const sanderson = await api.entity.get({ id: 'tom-sanderson' });
        expect(sanderson.entity.name).toBe('Tom Sanderson');
        expect(sanderson.claimsBySpeaker.length).toBeGreaterThan(0);
        expect(sanderson.claimsBySpeaker.every((c) => c.speaker.id === 'tom-sanderson')).toBe(true);
        expect(sanderson.relations.map((r) => `${r.predicate} ${r.object.name}`)).toContain(
          'works_for Center for Strategic and International Studies',
        );
        const aq = await api.entity.get({ id: 'al-qaeda' });
        expect(aq.claimsAbout.length).toBe(
          seedDocument.claims.filter((c) => c.aboutIds.includes('al-qaeda')).length,
        );
      });

      it('holds 40 mentions, 40 claims and 20 relations by default; the rest on request', async () => {
        // The seed's 56 claims about the Islamic State are more than one default page.
        const about = seedDocument.claims.filter((c) => c.aboutIds.includes('islamic-state'));
        expect(about).toHaveLength(56);
        const firstPage = await api.entity.get({ id: 'islamic-state' });
        expect(firstPage.claimsAbout).toHaveLength(40);
        expect(firstPage.totals.claimsAbout).toBe(56);
        const whole = await api.entity.get({ id: 'islamic-state', claimsLimit: 80 });
        expect(new Set(whole.claimsAbout.map((c) => c.id))).toEqual(
          new Set(about.map((c) => c.id)),
        );
        expect(whole.claimsAbout.slice(0, 40).map((c) => c.id)).toEqual(
          firstPage.claimsAbout.map((c) => c.id),
        );
        expect(firstPage.mentions).toHaveLength(Math.min(40, firstPage.totals.mentions));
        expect(firstPage.relations).toHaveLength(Math.min(20, firstPage.totals.relations));
      });

      it('cuts each list at its limit and gives the totals, keeping the first records', async () => {
        const whole = await api.entity.get({ id: 'islamic-state', claimsLimit: 100 });
        expect(whole.totals.mentions).toBe(whole.mentions.length);
        expect(whole.totals.claimsAbout).toBe(whole.claimsAbout.length);
        expect(whole.totals.relations).toBe(whole.relations.length);
        const cut = await api.entity.get({
          id: 'islamic-state',
          mentionsLimit: 2,
          claimsLimit: 1,
          relationsLimit: 1,
        });
        expect(cut.mentions.map((m) => m.id)).toEqual(whole.mentions.slice(0, 2).map((m) => m.id));
        expect(cut.claimsAbout.map((c) => c.id)).toEqual(
          whole.claimsAbout.slice(0, 1).map((c) => c.id),
        );
        expect(cut.relations).toHaveLength(Math.min(1, whole.relations.length));
        expect(cut.totals).toEqual(whole.totals);
        const error = await failureOf(api.entity.get({ id: 'islamic-state', mentionsLimit: 0 }));
        expect(error.code).toBe('BAD_REQUEST');
        expect(issuePaths(error)).toEqual(['mentionsLimit']);
      });

      it('answers NOT_FOUND for an unknown entity', async () => {
        const error = await failureOf(api.entity.get({ id: 'nobody' }));
        expect(error.code).toBe('NOT_FOUND');
        expect(error.message).toBe('no entity with id "nobody"');
      });
    });

    describe('relation.list', () => {
      it('finds relations with the entity on either side, with both names', async () => {
        const { items } = await api.relation.list({ entityId: 'al-qaeda', limit: 100 });
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((r) => r.subjectId === 'al-qaeda' || r.objectId === 'al-qaeda')).toBe(
          true,
        );
        expect(items.map((r) => `${r.subject.name} ${r.predicate} ${r.object.name}`)).toEqual(
          expect.arrayContaining([
            'Ayman al-Zawahiri leader_of al Qaeda',
            'al Qaeda backs Nusra Front',
          ]),
        );
      });

      it('filters by predicate and article, and pages', async () => {
        const truces = await api.relation.list({ predicate: 'truce_with' });
        expect(truces.items.every((r) => r.predicate === 'truce_with')).toBe(true);
        const several = await api.relation.list({
          predicate: ['leader_of', 'mentor_of'],
          articleId: SEED_ARTICLE_ID,
        });
        expect(new Set(several.items.map((r) => r.predicate))).toEqual(
          new Set(['leader_of', 'mentor_of']),
        );
        const { items } = await allPages((cursor) => api.relation.list({ limit: 10, cursor }));
        expect(items.map((r) => r.id)).toEqual(seedDocument.relations.map((r) => r.id));
      });
    });

    const highlighted = (
      hit: { snippet: { text: string; highlights: { start: number; end: number }[] } } | undefined,
    ) => (hit ? hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end)) : []);

    describe('search', () => {
      it('ranks the person first for a surname', async () => {
        const { hits } = await api.search({ q: 'Sanderson' });
        expect(hits[0]).toMatchObject({
          type: 'entity',
          id: 'tom-sanderson',
          name: 'Tom Sanderson',
          kind: 'person',
        });
        expect(highlighted(hits[0])).toEqual(['Sanderson']);
      });

      it('finds claims from a word prefix and highlights the whole words that matched', async () => {
        const { hits } = await api.search({ q: 'reconcil', types: ['claim'] });
        expect(hits.length).toBeGreaterThan(3);
        for (const hit of hits) {
          expect(hit.type).toBe('claim');
          const words = highlighted(hit);
          expect(words.length).toBeGreaterThan(0);
          for (const word of words) expect(word.toLowerCase()).toMatch(/^reconcil/);
        }
      });

      it('tolerates a misspelling', async () => {
        const { hits } = await api.search({ q: 'Zawahri' });
        expect(hits[0]).toMatchObject({ type: 'entity', id: 'ayman-al-zawahiri' });
      });

      it('finds an entity by its alias', async () => {
        const { hits } = await api.search({ q: 'ISIS', types: ['entity'] });
        expect(hits[0]).toMatchObject({ id: 'islamic-state' });
        expect(highlighted(hits[0])).toEqual(['ISIS']);
      });

      it('finds paragraphs, with every query word highlighted in the snippet', async () => {
        const { hits } = await api.search({ q: 'truce Syria', types: ['paragraph'] });
        expect(hits.length).toBeGreaterThan(0);
        const first = hits[0];
        expect(first).toMatchObject({
          type: 'paragraph',
          headline: expect.any(String),
          index: expect.any(Number),
        });
        expect(highlighted(first).map((w) => w.toLowerCase())).toEqual(
          expect.arrayContaining(['truce', 'syria']),
        );
      });

      it('gives claim hits their speaker', async () => {
        const { hits } = await api.search({ q: 'caliph', types: ['claim'], limit: 50 });
        const speakers = hits.flatMap((h) => (h.type === 'claim' ? [h.speaker.name] : []));
        expect(speakers).toContain('Matthew Levitt');
      });

      it('returns plain text snippets with highlights inside them, and respects the limit', async () => {
        const { hits } = await api.search({ q: 'al Qaeda', limit: 5 });
        expect(hits).toHaveLength(5);
        for (const hit of hits) {
          expect(hit.snippet.text).not.toMatch(/<\/?(mark|em|b)>/);
          for (const h of hit.snippet.highlights) {
            expect(h.start).toBeLessThan(h.end);
            expect(h.end).toBeLessThanOrEqual(hit.snippet.text.length);
          }
        }
      });

      it('answers no hits, not an error, for words that are nowhere', async () => {
        expect((await api.search({ q: 'zzyzx qwxv' })).hits).toEqual([]);
      });

      it('rejects an empty query at path q and an oversized limit at path limit', async () => {
        const empty = await failureOf(api.search({ q: '   ' }));
        expect(empty.code).toBe('BAD_REQUEST');
        expect(issuePaths(empty)).toEqual(['q']);
        expect(issuePaths(await failureOf(api.search({ q: 'x', limit: 500 })))).toEqual(['limit']);
      });
    });

    describe('stats', () => {
      it('counts every record by kind, with every kind present', async () => {
        const stats = await api.stats();
        expect(stats.articles).toBe(corpus.length);
        expect(stats.mentions).toBe(seedDocument.mentions.length);
        expect(stats.entities.total).toBe(seedDocument.entities.length);
        expect(stats.entities.byKind.person).toBe(
          seedDocument.entities.filter((e) => e.kind === 'person').length,
        );
        expect(Object.values(stats.claims.byKind).reduce((a, b) => a + b, 0)).toBe(
          seedDocument.claims.length,
        );
        expect(Object.values(stats.claims.byModality).reduce((a, b) => a + b, 0)).toBe(
          seedDocument.claims.length,
        );
        expect(stats.claims.byModality.denial).toBe(
          seedDocument.claims.filter((c) => c.modality === 'denial').length,
        );
        expect(Object.values(stats.relations.byPredicate).reduce((a, b) => a + b, 0)).toBe(
          seedDocument.relations.length,
        );
        expect(stats.claimLinks.byKind.contradicts).toBe(
          seedDocument.claimLinks.filter((l) => l.kind === 'contradicts').length,
        );
      });

      it('ranks the top speakers by claim count', async () => {
        const { topSpeakers } = await api.stats({ topSpeakers: 3 });
        expect(topSpeakers).toHaveLength(3);
        expect(topSpeakers[0]?.speaker).toEqual({
          id: 'alice-speri',
          name: 'Alice Speri',
          kind: 'person',
        });
        const counts = topSpeakers.map((s) => s.claimCount);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      });

      it('counts one article on request', async () => {
        expect((await api.stats({ articleId: SEED_ARTICLE_ID })).claims.total).toBe(
          seedDocument.claims.length,
        );
        expect((await api.stats({ articleId: 'elsewhere' })).claims.total).toBe(0);
      });
    });
  });

  describe(`${name}: article.list past the count cap`, () => {
    // More articles than CLAIM_COUNT_CAP: a text filter counts its matches only up to the cap, as
    // claim.list's does, pages through every match once and ends with the exact total.
    const size = CLAIM_COUNT_CAP + 30;
    const ids = (items: readonly { id: string }[]) => items.map((a) => a.id);
    let api: Api;
    let store: ClaimStore;
    beforeAll(async () => {
      // Every seventh article without a known date, for the orders by publication date.
      store = await createStore(
        [...syntheticCorpus(size)].map((document, i) =>
          i % 7 === 3
            ? {
                ...document,
                article: {
                  ...document.article,
                  published: { status: 'unknown' as const, note: 'The page gives no date.' },
                },
              }
            : document,
        ),
      );
      api = createCaller(store);
    }, 300_000);
    afterAll(() => store.close());

    it('lists every article once in each order, ties in the order they were added', async () => {
      type Summary = Awaited<ReturnType<Api['article']['list']>>['items'][number];
      const added = (await allPages((cursor) => api.article.list({ limit: 100, cursor }))).items;
      expect(added).toHaveLength(size);
      // Stable sorts of the list in the order added, a null key last in either direction.
      const by = (key: (a: Summary) => string | number | null, descending = false) =>
        [...added].sort((a, b) => {
          const x = key(a);
          const y = key(b);
          if (x === y) return 0;
          if (x === null) return 1;
          if (y === null) return -1;
          return (x < y ? -1 : 1) * (descending ? -1 : 1);
        });
      const date = (a: Summary) => (a.published.status === 'known' ? a.published.date : null);
      const expected = {
        added,
        recent: [...added].reverse(),
        newest: by(date, true),
        oldest: by(date),
        headline: by((a) => a.headline.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()),
        claims: by((a) => a.counts.claims, true),
      } as const;
      // The orders differ from one another, and ties are common (dates repeat every 90 articles).
      expect(new Set(Object.values(expected).map((list) => ids(list).join())).size).toBe(6);
      expect(expected.newest.at(-1)?.published.status).toBe('unknown');
      expect(expected.oldest.at(-1)?.published.status).toBe('unknown');
      for (const [sort, list] of Object.entries(expected) as [keyof typeof expected, Summary[]][]) {
        const paged = await allPages((cursor) => api.article.list({ sort, limit: 100, cursor }));
        expect(ids(paged.items), sort).toEqual(ids(list));
        expect(new Set(paged.totals), sort).toEqual(new Set([size]));
        // Filtered by text, the same order among the matches.
        const filtered = await api.article.list({ sort, text: 'syn-00001', limit: 50 });
        expect(ids(filtered.items), `${sort}, filtered`).toEqual(
          ids(list.filter((a) => a.id.startsWith('syn-00001')).slice(0, 50)),
        );
      }
      const unknown = await failureOf(api.article.list({ sort: 'latest' as never }));
      expect(unknown.code).toBe('BAD_REQUEST');
      expect(issuePaths(unknown)).toEqual(['sort']);
    });

    it('counts a text filter up to the cap, then says the total is a lower bound', async () => {
      // Every synthetic id holds "syn-".
      const first = await api.article.list({ text: 'SYN-' });
      expect(first).toMatchObject({ total: CLAIM_COUNT_CAP, totalIsLowerBound: true });
      expect(first.nextCursor).not.toBeNull();
      const { items, totals } = await allPages((cursor) =>
        api.article.list({ text: 'syn-', limit: 100, cursor }),
      );
      const unfiltered = await allPages((cursor) => api.article.list({ limit: 100, cursor }));
      expect(items.map((a) => a.id)).toEqual(unfiltered.items.map((a) => a.id));
      expect(totals.at(-1)).toBe(size);
      expect(totals.every((t) => t >= CLAIM_COUNT_CAP && t <= size)).toBe(true);
      // Unfiltered, and filtered with fewer matches than the cap, the count is exact.
      expect(unfiltered.totals.every((t) => t === size)).toBe(true);
      const one = await api.article.list({ text: 'syn-000007' });
      expect(one).toMatchObject({ total: 1, nextCursor: null });
      expect(one.totalIsLowerBound).toBeUndefined();
      expect(one.items.map((a) => a.id)).toEqual(['syn-000007']);
    });
  });

  describe(`${name}: claim.list past the count cap`, () => {
    // Synthetic articles with more claims than CLAIM_COUNT_CAP: lists that count only up to the
    // cap say so, page through every match once, in reading order, and end with the exact total.
    let api: Api;
    let store: ClaimStore;
    let everything: ClaimViewOf<Api>[] = [];
    beforeAll(async () => {
      store = await createStore([...syntheticCorpus(160)]);
      api = createCaller(store);
      everything = (await allPages((cursor) => api.claim.list({ limit: 100, cursor }))).items;
      expect(everything.length).toBeGreaterThan(CLAIM_COUNT_CAP);
    }, 120_000);
    afterAll(() => store.close());

    const ids = (items: readonly { id: string }[]) => items.map((c) => c.id);
    const holds = (needle: string) => (c: ClaimViewOf<Api>) =>
      `${c.text}\n${c.statement}`.toLowerCase().includes(needle);

    it('counts a text filter up to the cap, then says the total is a lower bound', async () => {
      const expected = everything.filter(holds('said'));
      expect(expected.length).toBeGreaterThan(CLAIM_COUNT_CAP);
      const first = await api.claim.list({ text: 'said' });
      expect(first).toMatchObject({ total: CLAIM_COUNT_CAP, totalIsLowerBound: true });
      expect(first.nextCursor).not.toBeNull();
      expect(ids(first.items)).toEqual(ids(expected.slice(0, 20)));
      const { items, totals } = await allPages((cursor) =>
        api.claim.list({ text: 'said', limit: 100, cursor }),
      );
      expect(ids(items)).toEqual(ids(expected));
      expect(totals.at(-1)).toBe(expected.length);
      expect(totals.every((t) => t >= CLAIM_COUNT_CAP && t <= expected.length)).toBe(true);
    });

    it('counts a text filter with fewer matches than the cap exactly', async () => {
      const needle = everything[0]?.text.toLowerCase().slice(0, 12) ?? '';
      const expected = everything.filter(holds(needle));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(CLAIM_COUNT_CAP);
      const page = await api.claim.list({ text: needle, limit: 100 });
      expect(page.total).toBe(expected.length);
      expect(page.totalIsLowerBound).toBeUndefined();
      expect(ids(page.items)).toEqual(ids(expected.slice(0, 100)));
      const short = await api.claim.list({ text: 'zzqx' });
      expect(short).toMatchObject({ items: [], total: 0, nextCursor: null });
      // Pattern characters are text like any other.
      expect((await api.claim.list({ text: 'a%_\\b' })).total).toBe(0);
    });

    it('counts channel, outlet and review filters exactly, and pages them in reading order', async () => {
      const interviews = everything.filter((c) => c.channel.kind === 'interview');
      expect(interviews.length).toBeGreaterThan(CLAIM_COUNT_CAP);
      const paged = await allPages((cursor) =>
        api.claim.list({ channel: 'interview', limit: 100, cursor }),
      );
      expect(ids(paged.items)).toEqual(ids(interviews));
      expect(new Set(paged.totals)).toEqual(new Set([interviews.length]));
      const outletId = everything.find((c) => c.channel.outletId)?.channel.outletId ?? '';
      const toOutlet = everything.filter((c) => c.channel.outletId === outletId);
      const byOutlet = await api.claim.list({ outletId, limit: 100 });
      expect(byOutlet.total).toBe(toOutlet.length);
      expect(ids(byOutlet.items)).toEqual(ids(toOutlet.slice(0, 100)));
      const reviewed = everything.filter((c) => c.provenance.review.status === 'unreviewed');
      const byReview = await api.claim.list({ review: ['unreviewed', 'rejected'], limit: 7 });
      expect(byReview.total).toBe(reviewed.length);
      expect(byReview.totalIsLowerBound).toBeUndefined();
      expect(ids(byReview.items)).toEqual(ids(reviewed.slice(0, 7)));
      const speakerId = interviews[0]?.speakerId ?? '';
      const bySpeaker = await api.claim.list({ speakerId, channel: 'interview', limit: 100 });
      expect(bySpeaker.total).toBe(interviews.filter((c) => c.speakerId === speakerId).length);
    });

    it('counts combined channel, kind and review filters up to the cap, paging every match once', async () => {
      const expected = everything.filter((c) => c.channel.kind !== 'interview');
      expect(expected.length).toBeGreaterThan(CLAIM_COUNT_CAP);
      const channel = [
        'letter',
        'report',
        'statement',
        'social_media',
        'authorial',
        'unspecified',
      ] as const;
      const first = await api.claim.list({ channel: [...channel], review: 'unreviewed' });
      expect(first).toMatchObject({ total: CLAIM_COUNT_CAP, totalIsLowerBound: true });
      expect(ids(first.items)).toEqual(ids(expected.slice(0, 20)));
      const quotes = expected.filter((c) => c.kind === 'direct_quote');
      const fewer = await api.claim.list({ channel: [...channel], kind: 'direct_quote', limit: 5 });
      expect(fewer.total).toBe(Math.min(quotes.length, CLAIM_COUNT_CAP));
      expect(ids(fewer.items)).toEqual(ids(quotes.slice(0, 5)));
      const { items, totals } = await allPages((cursor) =>
        api.claim.list({ channel: [...channel], review: 'unreviewed', limit: 100, cursor }),
      );
      expect(ids(items)).toEqual(ids(expected));
      expect(totals.at(-1)).toBe(expected.length);
    });

    it('keeps channel, outlet and review totals through a new version of an article', async () => {
      // An article past the built-in ones, imported, then replaced by a version whose
      // interviews became letters.
      const added = [...syntheticCorpus(161)].at(-1);
      if (!added) throw new Error('no synthetic article');
      const revised = structuredClone(added);
      for (const claim of revised.claims)
        if (claim.channel.kind === 'interview')
          claim.channel = { ...claim.channel, kind: 'letter' };
      const created = await importDocuments(store, [added]);
      const updated = await importDocuments(store, [revised]);
      expect([...created.outcomes, ...updated.outcomes]).toMatchObject([
        { status: 'created' },
        { status: 'updated' },
      ]);
      const now = (await allPages((cursor) => api.claim.list({ limit: 100, cursor }))).items;
      for (const kind of ['letter', 'interview'] as const) {
        const page = await api.claim.list({ channel: kind, limit: 1 });
        expect(page.total).toBe(now.filter((c) => c.channel.kind === kind).length);
      }
      const page = await api.claim.list({ review: 'unreviewed', limit: 1 });
      expect(page.total).toBe(now.length);
    });
  });

  describe(`${name}: several articles`, () => {
    describe('a store of several articles', () => {
      let api: Api;
      let store: ClaimStore;
      beforeAll(async () => {
        store = await createStore([makeFixtureDocument('first'), makeFixtureDocument('second')]);
        api = createCaller(store);
      });
      afterAll(() => store.close());

      it('pages claim.disagreements in article order, then link order', async () => {
        const documents = [makeFixtureDocument('first'), makeFixtureDocument('second')];
        for (const filter of [{}, { sameSpeaker: false }, { speakerId: 'sanderson' }] as const) {
          const expected = expectedLinks(documents, filter);
          expect(expected.some((id) => id.startsWith('second.'))).toBe(true);
          const { items } = await allPages((cursor) =>
            api.claim.disagreements({ ...filter, limit: 1, cursor }),
          );
          expect(items.map((d) => d.id)).toEqual(expected);
          expect(items.map((d) => d.articleId)).toEqual(expected.map((id) => id.split('.')[0]));
        }
        const second = await api.claim.disagreements({ articleId: 'second' });
        expect(second.items.map((d) => d.id)).toEqual(
          expectedLinks(documents, { articleId: 'second' }),
        );
      });

      it('treats one entity id in two articles as one entity', async () => {
        const { items, total } = await api.entity.list({ text: 'sanderson' });
        expect(total).toBe(1);
        expect(items[0]).toMatchObject({
          id: 'sanderson',
          articleIds: ['first', 'second'],
          mentionCount: 4,
          claimCount: 6,
        });
        const detail = await api.entity.get({ id: 'sanderson' });
        expect(detail.mentions.map((m) => m.articleId)).toEqual([
          'first',
          'first',
          'second',
          'second',
        ]);
      });

      it('counts within one article when the list is filtered by it', async () => {
        const { items } = await api.entity.list({ text: 'sanderson', articleId: 'second' });
        expect(items[0]).toMatchObject({ mentionCount: 2, claimCount: 3 });
      });

      it('filters claims, relations and stats by article', async () => {
        const { items } = await api.claim.list({ articleId: 'second', limit: 100 });
        expect(items.length).toBe(7);
        expect(items.every((c) => c.articleId === 'second' && c.id.startsWith('second.'))).toBe(
          true,
        );
        expect((await api.relation.list({ articleId: 'first' })).total).toBe(2);
        expect((await api.stats()).claims.total).toBe(14);
        expect((await api.stats({ articleId: 'second' })).claims.total).toBe(7);
      });

      it('searches each entity once', async () => {
        const { hits } = await api.search({ q: 'Joscelyn', types: ['entity'] });
        const ids = hits.map((h) => h.id);
        expect(ids[0]).toBe('joscelyn');
        expect(new Set(ids).size).toBe(ids.length);
      });
    });

    describe('article.list filtered by text', () => {
      let api: Api;
      let store: ClaimStore;
      beforeAll(async () => {
        store = await createStore([
          makeFixtureDocument('first'),
          makeFixtureDocument('second'),
          withAccentedHeadline(makeFixtureDocument('accented')),
        ]);
        api = createCaller(store);
      });
      afterAll(() => store.close());

      it('filters the article list by words of the headline, dek or id, ignoring case and accents', async () => {
        const ids = async (text: string, limit = 100) =>
          (await allPages((cursor) => api.article.list({ text, limit, cursor }))).items.map(
            (a) => a.id,
          );
        // "Wänts" in the accented copy's headline; the first copy keeps "Wants".
        expect(await ids('WANTS A')).toEqual(['first', 'second', 'accented']);
        expect(await ids('wänts')).toEqual(['first', 'second', 'accented']);
        expect(await ids('mounting in islamist', 1)).toEqual(['first', 'second', 'accented']);
        expect(await ids('SECOND')).toEqual(['second']);
        const none = await api.article.list({ text: 'no such words anywhere' });
        expect(none).toEqual({ items: [], nextCursor: null, total: 0 });
        const page = await api.article.list({ text: 'reconciliation', limit: 2 });
        expect(page.total).toBe(3);
        expect(page.items.map((a) => a.id)).toEqual(['first', 'second']);
        expect(page.nextCursor).not.toBeNull();
      });
    });
  });

  describe(`${name}: machine-made drafts and review status`, () => {
    let api: Api;
    let store: ClaimStore;
    const draft = makeMachineDraftDocument('draft');
    const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
    beforeAll(async () => {
      store = await createStore([draft]);
      api = createCaller(store);
    });
    afterAll(() => store.close());

    it('lists claims by review status, in reading order, with their provenance', async () => {
      const unreviewed = await api.claim.list({ review: 'unreviewed' });
      expect(ids(unreviewed.items)).toEqual([
        'draft.c-analysts',
        'draft.c-joscelyn',
        'draft.c-al-qaeda-truce',
      ]);
      expect(unreviewed.total).toBe(3);
      expect(unreviewed.items.map((c) => c.provenance.agent.kind)).toEqual([
        'rule',
        'model',
        'rule',
      ]);
      const reviewed = await api.claim.list({ review: ['reviewed'] });
      expect(ids(reviewed.items)).toEqual([
        'draft.c-author',
        'draft.c-sanderson-merge',
        'draft.c-sanderson-years',
      ]);
      expect((await api.claim.list({ review: ['disputed', 'unreviewed'] })).total).toBe(4);
      expect((await api.claim.list({ review: 'rejected' })).total).toBe(0);
    });

    it('combines the review filter with the others and pages through it', async () => {
      const quotes = await api.claim.list({ review: 'unreviewed', kind: 'direct_quote' });
      expect(ids(quotes.items)).toEqual(['draft.c-joscelyn', 'draft.c-al-qaeda-truce']);
      const bySpeaker = await api.claim.list({ review: 'reviewed', speakerId: 'sanderson' });
      expect(bySpeaker.total).toBe(2);
      const pages = await allPages((cursor) =>
        api.claim.list({ review: ['unreviewed', 'disputed'], limit: 1, cursor }),
      );
      expect(pages.items.map((c) => c.id)).toEqual([
        'draft.c-analysts',
        'draft.c-joscelyn',
        'draft.c-al-qaeda-truce',
        'draft.c-sanderson-stronger',
      ]);
    });

    it('lists entities and relations by review status', async () => {
      const entities = await api.entity.list({ review: 'unreviewed', sort: 'name' });
      expect(ids(entities.items)).toEqual(['analysts', 'joscelyn']);
      expect((await api.entity.list({ review: 'reviewed' })).total).toBe(draft.entities.length - 2);
      const relations = await api.relation.list({ review: 'unreviewed' });
      expect(ids(relations.items)).toEqual(['draft.r-aq-is']);
      expect(relations.items[0]?.provenance.agent).toMatchObject({ kind: 'rule' });
      expect((await api.relation.list({ review: 'reviewed' })).total).toBe(1);
    });

    it('rejects an unknown review status at path review', async () => {
      const error = await failureOf(api.claim.list({ review: 'maybe' as never }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(issuePaths(error)).toContain('review');
    });
  });

  describeImportContract(name, createStore);
  describeAccountContract(name, createStore);
  describeDraftContract(name, createStore);
}
