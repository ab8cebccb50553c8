import { describe, expect, it } from 'vitest';
import { blockPlace, claimTitle } from '~/lib/labels';

describe('labels', () => {
  it('places a block by its paragraph number as a reader counts, not its block index', () => {
    expect(blockPlace({ kind: 'paragraph', paragraph: 4 })).toBe('Paragraph 4');
    expect(blockPlace({ kind: 'headline', paragraph: null })).toBe('Headline');
  });

  it('titles a claim by the number its id ends with', () => {
    expect(claimTitle('vice.claim-07')).toBe('Claim 7');
    expect(claimTitle('c-truce')).toBe('Claim c-truce');
  });
});
