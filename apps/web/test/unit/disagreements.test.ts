import { describe, expect, it } from 'vitest';
import {
  type Disagreement,
  groupDisagreements,
  parseDisagreementFilters,
} from '~/lib/disagreements';

const speaker = (id: string) => ({ id, name: id.toUpperCase(), kind: 'person' as const });
const link = (id: string, kind: Disagreement['kind'], from: string, to: string) =>
  ({
    id,
    kind,
    note: '',
    from: { id: `${id}-from`, speaker: speaker(from) },
    to: { id: `${id}-to`, speaker: speaker(to) },
  }) as unknown as Disagreement;

const links = [
  link('l1', 'contradicts', 'sanderson', 'analysts'),
  link('l2', 'qualifies', 'levitt', 'levitt'),
  link('l3', 'qualifies', 'tamimi', 'alice-speri'),
  link('l4', 'supports', 'levitt', 'alice-speri'),
];

describe('groupDisagreements', () => {
  it('separates sources disputing each other from speakers qualifying their own words', () => {
    const groups = groupDisagreements(links, { kind: null, speaker: null });
    expect(groups.betweenSources.map((l) => l.id)).toEqual(['l1', 'l3']);
    expect(groups.ownWords.map((l) => l.id)).toEqual(['l2']);
    expect(groups.kindCounts).toEqual({ contradicts: 1, qualifies: 2 });
  });

  it('filters by kind and by a speaker on either side, with counts for the other filter', () => {
    const byKind = groupDisagreements(links, { kind: 'contradicts', speaker: null });
    expect([...byKind.betweenSources, ...byKind.ownWords].map((l) => l.id)).toEqual(['l1']);
    expect(byKind.speakers.map((s) => [s.id, s.count])).toEqual([
      ['analysts', 1],
      ['sanderson', 1],
    ]);
    const bySpeaker = groupDisagreements(links, { kind: null, speaker: 'alice-speri' });
    expect(bySpeaker.betweenSources.map((l) => l.id)).toEqual(['l3']);
    expect(bySpeaker.kindCounts).toEqual({ contradicts: 0, qualifies: 1 });
  });

  it('reads its filters from the URL, ignoring unknown kinds', () => {
    expect(parseDisagreementFilters({ kind: 'qualifies', speaker: 'levitt' })).toEqual({
      kind: 'qualifies',
      speaker: 'levitt',
    });
    expect(parseDisagreementFilters({ kind: 'supports' })).toEqual({ kind: null, speaker: null });
  });
});
