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
        {
          collection: 'claims',
          added: [],
          removed: removed ? [removed] : [],
          changed: [first.id],
          rejected: [],
        },
      ],
    });
    expect(describeDiff(diff)).toBe(
      `headline changed; claims: ${removed ? '1 removed, ' : ''}1 changed`,
    );
  });

  it("lists the machine annotations the later version's review rejected apart from removals", () => {
    const before = validDocument();
    const after = structuredClone(before);
    const [kept, rejected, removed] = after.mentions;
    if (!kept || !rejected || !removed) throw new Error('the fixture needs three mentions');
    after.mentions = [kept, ...after.mentions.slice(3)];
    const at = '2026-11-30T12:00:00.000Z';
    after.publication = {
      by: 'ada',
      at,
      baseVersion: 1,
      rejected: [{ collection: 'mentions', record: rejected, by: 'ada', at }],
    };
    const diff = diffDocuments(before, after);
    expect(diff.collections).toEqual([
      {
        collection: 'mentions',
        added: [],
        removed: [removed.id],
        changed: [],
        rejected: [rejected.id],
      },
    ]);
    expect(describeDiff(diff)).toBe('mentions: 1 removed, 1 rejected');
    // A later version keeps its own review's rejections only.
    const next = structuredClone(after);
    next.publication = { ...next.publication, rejected: [] } as typeof next.publication;
    expect(diffDocuments(after, next).collections).toEqual([]);
  });

  it('says when nothing changed', () => {
    expect(describeDiff(diffDocuments(validDocument(), validDocument()))).toBe('nothing changed');
  });
});
