import { describe, expect, it } from 'vitest';
import {
  type Disagreement,
  disagreementsHref,
  disagreementsInput,
  parseDisagreementFilters,
  sectionPageLinks,
  speakerName,
  withoutFilter,
} from '~/lib/disagreements';

const speaker = (id: string) => ({ id, name: id.toUpperCase(), kind: 'person' as const });
const link = (id: string, from: string, to: string) =>
  ({
    id,
    kind: 'qualifies',
    note: '',
    from: { id: `${id}-from`, speaker: speaker(from) },
    to: { id: `${id}-to`, speaker: speaker(to) },
  }) as unknown as Disagreement;

describe('parseDisagreementFilters', () => {
  it('reads the filters and each section’s place from the URL, ignoring unknown kinds', () => {
    expect(
      parseDisagreementFilters({
        article: 'vice',
        kind: 'qualifies',
        speaker: ['levitt', 'other'],
        between: 'abc',
        betweenBack: ',x',
      }),
    ).toEqual({
      article: 'vice',
      kind: 'qualifies',
      speaker: 'levitt',
      positions: { between: { cursor: 'abc', back: ['', 'x'] }, own: { cursor: null, back: [] } },
    });
    expect(parseDisagreementFilters({ kind: 'supports', speaker: '' })).toEqual({
      article: null,
      kind: null,
      speaker: null,
      positions: { between: { cursor: null, back: [] }, own: { cursor: null, back: [] } },
    });
  });
});

describe('disagreementsInput', () => {
  const filters = parseDisagreementFilters({
    article: 'vice',
    speaker: 'levitt',
    between: 'b1',
    own: 'o1',
  });

  it('asks for one section’s page: its speakers’ relation and its own cursor', () => {
    expect(disagreementsInput(filters, 'between')).toEqual({
      limit: 20,
      kind: ['contradicts', 'qualifies'],
      sameSpeaker: false,
      articleId: 'vice',
      speakerId: 'levitt',
      cursor: 'b1',
    });
    expect(disagreementsInput(filters, 'own')).toMatchObject({ sameSpeaker: true, cursor: 'o1' });
  });

  it('counts a kind over both sections from their first page', () => {
    expect(disagreementsInput(filters, null, { kind: 'contradicts', limit: 1 })).toEqual({
      limit: 1,
      kind: ['contradicts'],
      articleId: 'vice',
      speakerId: 'levitt',
    });
  });

  it('asks for the chosen kind only', () => {
    const input = disagreementsInput(parseDisagreementFilters({ kind: 'contradicts' }), 'own');
    expect(input).toEqual({ limit: 20, kind: ['contradicts'], sameSpeaker: true });
  });
});

describe('page links', () => {
  const filters = parseDisagreementFilters({ kind: 'qualifies', speaker: 'levitt', own: 'o1' });

  it('moves one section to its next page, keeping the filters and the other section’s place', () => {
    const links = sectionPageLinks(filters, 'between', 'b2', 30);
    expect(links.next).toEqual({
      href: '/disagreements?kind=qualifies&speaker=levitt&between=b2&betweenBack=&own=o1#between-sources',
      label: 'Next 20 →',
    });
    // The section is at its first page: no way back.
    expect(links.previous).toBeNull();
    const own = sectionPageLinks(filters, 'own', null, 0);
    expect(own.next).toBeNull();
    expect(own.previous).toEqual({
      href: '/disagreements?kind=qualifies&speaker=levitt#own-words',
      label: '← Previous 20',
    });
    expect(own.first).toBe('/disagreements?kind=qualifies&speaker=levitt#own-words');
  });

  it('steps back one page at a time from a later page, and says how many the last page holds', () => {
    const third = parseDisagreementFilters({ between: 'b3', betweenBack: ',b2' });
    const links = sectionPageLinks(third, 'between', 'b4', 7);
    expect(links.previous?.href).toBe('/disagreements?between=b2&betweenBack=#between-sources');
    expect(links.next).toEqual({
      href: '/disagreements?between=b4&betweenBack=%2Cb2%2Cb3#between-sources',
      label: 'Next 7 →',
    });
  });

  it('removes one filter, sending both sections back to their first page', () => {
    expect(withoutFilter(filters, 'speaker')).toBe('/disagreements?kind=qualifies');
    expect(withoutFilter(parseDisagreementFilters({ article: 'a b' }), 'article')).toBe(
      '/disagreements',
    );
    expect(disagreementsHref(parseDisagreementFilters({ article: 'a b' }))).toBe(
      '/disagreements?article=a+b',
    );
  });
});

describe('speakerName', () => {
  it('finds the chosen speaker’s name on either side of a link', () => {
    const links = [link('l1', 'sanderson', 'analysts'), link('l2', 'levitt', 'levitt')];
    expect(speakerName(links, 'analysts')).toBe('ANALYSTS');
    expect(speakerName(links, 'levitt')).toBe('LEVITT');
    expect(speakerName(links, 'nobody')).toBeNull();
  });
});
