import { describe, expect, it } from 'vitest';
import { filterEntities } from '~/components/entity-browser';
import { readerViewFromParams, readerViewToParams } from '~/lib/reader-view';

describe('reader toggles in the URL', () => {
  it('defaults to entity highlights on and claim highlights off', () => {
    expect(readerViewFromParams(new URLSearchParams())).toEqual({
      mentions: true,
      hiddenKinds: [],
      claims: false,
      speaker: null,
    });
    expect(readerViewToParams(readerViewFromParams(new URLSearchParams()))).toBe('');
  });

  it('round-trips hidden kinds, claims and a speaker', () => {
    const view = {
      mentions: true,
      hiddenKinds: ['place' as const, 'outlet' as const],
      claims: true,
      speaker: 'analysts',
    };
    const search = readerViewToParams(view);
    expect(search).toBe('?hide=place%2Coutlet&claims=on&speaker=analysts');
    expect(readerViewFromParams(new URLSearchParams(search))).toEqual(view);
  });

  it('ignores unknown kinds', () => {
    expect(readerViewFromParams(new URLSearchParams('hide=person,robots')).hiddenKinds).toEqual([
      'person',
    ]);
  });
});

describe('filterEntities', () => {
  const entities = [
    {
      id: 'zarqawi',
      kind: 'person' as const,
      name: 'Abu Musab al-Zarqawi',
      aliases: [],
      description: 'Founder of al Qaeda in Iraq.',
    },
    {
      id: 'isis',
      kind: 'organization' as const,
      name: 'Islamic State',
      aliases: [{ name: 'ISIS', historical: false }],
      description: 'The jihadist group.',
    },
    { id: 'syria', kind: 'place' as const, name: 'Syria', aliases: [], description: 'A country.' },
  ];

  it('filters by kind and by name, alias or description, ignoring case and accents', () => {
    expect(filterEntities(entities, ['person', 'place'], '').map((e) => e.id)).toEqual([
      'zarqawi',
      'syria',
    ]);
    expect(filterEntities(entities, [], 'isis').map((e) => e.id)).toEqual(['isis']);
    expect(filterEntities(entities, [], 'ZÁRQAWI').map((e) => e.id)).toEqual(['zarqawi']);
    expect(filterEntities(entities, ['place'], 'qaeda')).toEqual([]);
  });
});
