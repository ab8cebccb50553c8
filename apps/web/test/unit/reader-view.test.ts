import { describe, expect, it } from 'vitest';
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
