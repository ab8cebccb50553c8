// Entity and mention rules, each on a few sentences written for these tests.
import { type ArticleDocument, validateArticleDocument } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

async function read(body: string): Promise<ArticleDocument> {
  const doc = await extract({ text: `A test headline\n\n${body}` }, { id: 'entities' });
  expect((await validateArticleDocument(doc)).ok).toBe(true);
  return doc;
}

/** Every mention as `surface → entity name (kind)`, in text order. */
function mentions(doc: ArticleDocument): string[] {
  return doc.mentions.map((m) => {
    const e = doc.entities.find((x) => x.id === m.entityId);
    return `${m.anchor.quote.exact} → ${e?.name} (${e?.kind})`;
  });
}

describe('names the rules used to split or run together', () => {
  it('splits a hyphenated modifier from the name it modifies', async () => {
    const doc = await read(
      'The Kenya-based Harbor Trust and the Hamas-backed Tide Front met on Monday.',
    );
    expect(mentions(doc)).toEqual([
      'Kenya → Kenya (place)',
      'Harbor Trust → Harbor Trust (organization)',
      'Hamas → Hamas (organization)',
      'Tide Front → Tide Front (organization)',
    ]);
  });

  it('keeps "in <place>" inside a name only when the text ties an acronym to the whole', async () => {
    const doc = await read(
      'Fighters of the Shield in Mali (SIM) crossed the border. Hamas in Gaza said nothing. ' +
        'By May the Shield in Mali had gone home.',
    );
    const all = mentions(doc);
    expect(all).toContain('Shield in Mali → Shield in Mali (organization)');
    expect(all).toContain('SIM → Shield in Mali (organization)');
    expect(all.filter((m) => m.startsWith('Shield in Mali'))).toHaveLength(2);
    expect(all).toContain('Hamas → Hamas (organization)');
    expect(all).toContain('Gaza → Gaza (place)');
  });

  it('keeps "of", "on" and "and" inside an institution\'s name, and its capital "The" mid-sentence', async () => {
    const doc = await read(
      'Jane Roe, director of The Carver Institute’s Program on Energy and Security, spoke. ' +
        'Envoys from the Bank of Trinidad and Tobago listened. Republicans on the House Energy ' +
        'Committee objected.',
    );
    const all = mentions(doc);
    expect(all).toContain('The Carver Institute → The Carver Institute (organization)');
    expect(all).toContain(
      'Program on Energy and Security → Program on Energy and Security (organization)',
    );
    expect(all).toContain(
      'Bank of Trinidad and Tobago → Bank of Trinidad and Tobago (organization)',
    );
    // "on" joins only after a body named for what it works on.
    expect(all).toContain('House Energy Committee → House Energy Committee (organization)');
  });

  it('does not take the English "as" for a name particle', async () => {
    const doc = await read('Donors as far away as Harbor Trust gave money.');
    expect(mentions(doc)).toContain('Harbor Trust → Harbor Trust (organization)');
  });

  it('links "al-Haddad" to the "Haddad" the text quotes', async () => {
    const doc = await read('"We will hold the bridge," Haddad said. By night al-Haddad had left.');
    expect(mentions(doc)).toContain('al-Haddad → Haddad (person)');
  });

  it('links a Twitter handle in the sign-off to the person it follows', async () => {
    const doc = await read('The council met.\n\nFollow Jane Roe on Twitter: @janeroe');
    expect(mentions(doc)).toContain('@janeroe → Jane Roe (person)');
  });
});

describe('groups, peoples and places named by adjectives', () => {
  it('makes the officials and leaders of a place or organisation an unnamed group', async () => {
    const doc = await read('US officials and Hamas leaders met in Cairo.');
    expect(mentions(doc)).toEqual([
      'US officials → US officials (unnamed_group)',
      'Hamas leaders → Hamas leaders (unnamed_group)',
      'Cairo → Cairo (place)',
    ]);
  });

  it('reads a nationality before a noun as the place, and the plural as the people', async () => {
    const doc = await read(
      'Syrian and Iraqi militias fought Iraqi Kurds aided by Western weapons. Syrians fled to the West.',
    );
    expect(mentions(doc)).toEqual([
      'Syrian → Syria (place)',
      'Iraqi → Iraq (place)',
      'Iraqi → Iraq (place)',
      'Kurds → Kurds (group)',
      'Western → the West (place)',
      'Syrians → Syrians (group)',
      'West → the West (place)',
    ]);
  });

  it('finds unnamed groups with modifiers: communities, circles, figures, groups, forces', async () => {
    const doc = await read(
      'The international community, religious figures in Islamist circles, rebel groups and ' +
        'security forces all objected, as did rebels in the north.',
    );
    const names = doc.mentions.map((m) => m.anchor.quote.exact);
    expect(names).toEqual([
      'international community',
      'religious figures',
      'Islamist circles',
      'rebel groups',
      'security forces',
      'rebels',
    ]);
  });

  it('gives an unnamed source a mention without its determiner', async () => {
    const doc = await read('Its leadership said that the talks would resume.');
    expect(mentions(doc)).toContain('leadership → leadership (unnamed_group)');
  });
});
