import { makeAnchor } from '@claimscope/schema/display';
import { describe, expect, it } from 'vitest';
import { type ReviewDocument, reviewQueue, segmentsOf } from '~/components/review/review-queue';

const text =
  'Ferry vote delayed\n\n"Not yet," said Dana Whitlock. Tom Reyes said it costs the season.';
const at = (words: string) => {
  const start = text.indexOf(words);
  return makeAnchor(text, 'p1', start, start + words.length);
};
const provenance = { agent: { kind: 'rule', name: 'x' }, review: { status: 'unreviewed' } };
const document = {
  article: { id: 'a', text, blocks: [] },
  entities: [
    { id: 'dana', name: 'Dana Whitlock', kind: 'person', provenance },
    { id: 'tom', name: 'Tom Reyes', kind: 'person', provenance },
  ],
  mentions: [
    { id: 'm-tom', entityId: 'tom', anchor: at('Tom Reyes'), form: 'name', provenance },
    { id: 'm-dana', entityId: 'dana', anchor: at('Dana Whitlock'), form: 'name', provenance },
  ],
  claims: [
    {
      id: 'c-tom',
      kind: 'indirect',
      speakerId: 'tom',
      channel: { kind: 'unspecified', outletId: null, cue: 'said' },
      content: [at('it costs the season')],
      modality: 'asserted',
      provenance,
    },
    {
      id: 'c-dana',
      kind: 'direct_quote',
      speakerId: 'dana',
      channel: { kind: 'unspecified', outletId: null, cue: 'said' },
      content: [at('Not yet,')],
      modality: 'asserted',
      provenance,
    },
  ],
  relations: [],
  claimLinks: [],
} as unknown as ReviewDocument;

describe('the review queue', () => {
  it('lists every annotation in reading order, entities at their first mention', () => {
    expect(reviewQueue(document).map((item) => item.key)).toEqual([
      'claims/c-dana',
      'mentions/m-dana',
      'entities/dana',
      'mentions/m-tom',
      'entities/tom',
      'claims/c-tom',
    ]);
  });

  it('names a claim by its speaker and words, with kind, channel and modality', () => {
    const [first] = reviewQueue(document);
    expect(first?.label).toBe('Dana Whitlock: “Not yet,”');
    expect(first?.detail).toBe('Direct quote · Channel not stated (said) · Asserted');
  });

  it('cuts the text where annotations begin and end, each piece knowing what covers it', () => {
    const start = text.indexOf('"Not');
    const segments = segmentsOf(text, start, text.length, reviewQueue(document));
    expect(segments.map((s) => s.text).join('')).toBe(text.slice(start));
    expect(segments.find((s) => s.text === 'Not yet,')?.keys).toEqual(['claims/c-dana']);
    expect(segments.find((s) => s.text === 'Tom Reyes')?.keys).toEqual(['mentions/m-tom']);
    expect(segments.find((s) => s.text === ' said ')?.keys).toEqual([]);
  });
});
