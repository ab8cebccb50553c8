import { describe, expect, it } from 'vitest';
import { describeDiff, diffDocuments } from '../src/display.js';
import { validDocument } from './fixture.js';

describe('the difference between two versions of an article', () => {
  it('lists annotations added, removed and changed, by collection, and says when the text changed', () => {
    const before = validDocument();
    const after = structuredClone(before);
    const [first, ...rest] = after.claims;
    if (!first) throw new Error('the fixture has no claim');
    after.claims = [{ ...first, statement: 'A corrected statement.' }, ...rest.slice(1)];
    after.article.headline = 'A corrected headline';
    const removed = before.claims[1]?.id;
    const diff = diffDocuments(before, after);
    expect(diff).toEqual({
      textChanged: false,
      metadataChanged: ['headline'],
      collections: [
        { collection: 'claims', added: [], removed: removed ? [removed] : [], changed: [first.id] },
      ],
    });
    expect(describeDiff(diff)).toBe(
      `headline changed; claims: ${removed ? '1 removed, ' : ''}1 changed`,
    );
  });

  it('says when nothing changed', () => {
    expect(describeDiff(diffDocuments(validDocument(), validDocument()))).toBe('nothing changed');
  });
});
