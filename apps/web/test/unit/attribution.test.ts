import { makeFixtureDocument } from '@claimscope/api/testing';
import type { Claim } from '@claimscope/schema';
import { paragraphNumbers } from '@claimscope/schema/display';
import { describe, expect, it } from 'vitest';
import { attributionLines } from '~/lib/attribution';

const doc = makeFixtureDocument('a');
const byId = new Map(doc.claims.map((c) => [c.id, c]));
const claim = (name: string) => byId.get(`a.${name}`) as Claim;
const paragraphs = paragraphNumbers(doc.article.blocks);

describe('attributionLines', () => {
  it('nests a quote inside the quote of the same paragraph that quotes it', () => {
    const lines = attributionLines(
      [claim('c-joscelyn'), claim('c-al-qaeda-truce')],
      byId,
      paragraphs,
    );
    expect(lines.map((l) => l.claim.id)).toEqual(['a.c-joscelyn']);
    expect(lines[0]?.cue).toBe('told the AP');
    expect(lines[0]?.nested.map((l) => l.claim.id)).toEqual(['a.c-al-qaeda-truce']);
    expect(lines[0]?.nested[0]?.quotedIn?.id).toBe('a.c-joscelyn');
  });

  it('says where a continuation’s cue was written when it was carried over from an earlier paragraph', () => {
    // "Sanderson added that …" (paragraph 4) continues what he "told VICE News" in paragraph 2.
    const added: Claim = {
      ...claim('c-sanderson-stronger'),
      continuesId: 'a.c-sanderson-merge',
      channel: { kind: 'interview', outletId: 'vice-news', cue: 'told VICE News' },
    };
    const [line] = attributionLines([added], new Map([...byId, [added.id, added]]), paragraphs);
    expect(line?.cue).toBe('added');
    expect(line?.carriedCue).toEqual({ text: 'told VICE News', blockId: 'b4', paragraph: 2 });
  });

  it('does not mark a cue written beside the words as carried over', () => {
    const [line] = attributionLines([claim('c-sanderson-merge')], byId, paragraphs);
    expect(line?.cue).toBe('told VICE News');
    expect(line?.carriedCue).toBeNull();
  });
});
