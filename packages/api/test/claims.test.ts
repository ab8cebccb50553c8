import { describe, expect, it } from 'vitest';
import { api, claimId, seedDocument } from './corpus.js';
import { allPages, failureOf } from './helpers.js';

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
    expect(aboutNusra.items.every((c) => c.about.some((e) => e.id === 'nusra-front'))).toBe(true);
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
    const disagreements = await api.claim.disagreements();
    const expected = seedDocument.claimLinks.filter((l) => l.kind !== 'supports').map((l) => l.id);
    expect(disagreements.map((d) => d.id)).toEqual(expected);
    expect(disagreements).toContainEqual(
      expect.objectContaining({
        kind: 'contradicts',
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

  it('can ask for other link kinds', async () => {
    const supports = await api.claim.disagreements({ kind: 'supports' });
    expect(supports.every((d) => d.kind === 'supports')).toBe(true);
    expect(supports.length).toBe(
      seedDocument.claimLinks.filter((l) => l.kind === 'supports').length,
    );
  });
});
