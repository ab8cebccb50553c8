import { describe, expect, it } from 'vitest';
import { api, SEED_ARTICLE_ID, seedDocument } from './corpus.js';
import { allPages, failureOf, issuePaths } from './helpers.js';

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
    const mentioned = (id: string) => seedDocument.mentions.filter((m) => m.entityId === id).length;
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
    const names = (await api.entity.list({ sort: 'name', limit: 100 })).items.map((e) => e.name);
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
    for (const cursor of ['not-a-cursor', Buffer.from('{"v":1,"o":-3}').toString('base64url')]) {
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
    expect(items.every((r) => r.subjectId === 'al-qaeda' || r.objectId === 'al-qaeda')).toBe(true);
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
