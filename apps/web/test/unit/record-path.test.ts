import { describe, expect, it } from 'vitest';
import { canonicalRecordPath } from '~/lib/record-path';

describe('canonicalRecordPath', () => {
  it('leads a mis-cased, spaced or accented id to the id it stands for', () => {
    expect(canonicalRecordPath('/entities/MATTHEW-LEVITT')).toBe('/entities/matthew-levitt');
    expect(canonicalRecordPath('/entities/Matthew%20Levitt')).toBe('/entities/matthew-levitt');
    expect(canonicalRecordPath('/claims/vice-aq-is-reconciliation.CLAIM-11')).toBe(
      '/claims/vice-aq-is-reconciliation.claim-11',
    );
    expect(canonicalRecordPath('/articles/VICE')).toBe('/articles/vice');
    expect(canonicalRecordPath('/entities/Zarq%C4%81w%C4%AB')).toBe('/entities/zarqawi');
    expect(canonicalRecordPath('/articles/VICE/cards')).toBe('/articles/vice/cards');
  });

  it('leaves canonical paths, other pages and ids that cannot be made valid alone', () => {
    expect(canonicalRecordPath('/entities/matthew-levitt')).toBeNull();
    expect(canonicalRecordPath('/graph')).toBeNull();
    expect(canonicalRecordPath('/entities/%E0%A4%A')).toBeNull();
    expect(canonicalRecordPath('/entities/%3F%3F')).toBeNull();
  });
});
