import { type ArticleDocument, makeAnchor, type Provenance } from '@claimscope/schema';
import { textDigest } from '../src/text-layout.js';

// Written for these tests: a made-up story with every kind of annotation the formats carry,
// quotation marks of several kinds, a comma and line breaks for CSV, and a character outside the
// Basic Multilingual Plane (🌊) so brat's code-point offsets differ from UTF-16 ones.
const text = [
  'River treaty talks stall again',
  '',
  'Negotiators will meet next week, officials said.',
  '',
  'Ann Lee told the Harbour Gazette that the talks "will fail within a week," she said. 🌊 "Nobody wants to move first," Lee added.',
  '',
  'A ministry spokesman insisted: "We expect a deal. Even Lee called it \'hopeless\' last year, and she was wrong."',
  '',
  'Lee, who advises the Delta Council, has followed the talks since January.',
].join('\n');

const reviewed: Provenance = {
  agent: { kind: 'person', name: 'formats tests', version: '1' },
  createdAt: '2026-11-30',
  review: { status: 'reviewed', by: 'a second reader', note: 'checked, "twice"' },
};
const model: Provenance = {
  agent: { kind: 'model', name: 'attribution tagger' },
  review: { status: 'unreviewed' },
};

function span(needle: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`fixture: ${needle} not found`);
  const end = start + needle.length;
  const block = blocks.find((b) => b.start <= start && end <= b.end);
  if (!block) throw new Error(`fixture: ${needle} is not inside one block`);
  return makeAnchor(text, block.id, start, end);
}

const lines = text.split('\n');
const blocks = lines
  .map((line, i) => ({ line, at: lines.slice(0, i).join('\n').length + (i === 0 ? 0 : 1) }))
  .filter(({ line }) => line !== '')
  .map(({ line, at }, index) => ({
    id: `b${index}`,
    kind:
      index === 0 ? ('headline' as const) : index === 1 ? ('dek' as const) : ('paragraph' as const),
    index,
    start: at,
    end: at + line.length,
    text: line,
  }));

const entity = (
  id: string,
  kind: ArticleDocument['entities'][number]['kind'],
  name: string,
  aliases: ArticleDocument['entities'][number]['aliases'] = [],
) => ({
  id,
  kind,
  name,
  aliases,
  description: `${name}, in the test story.`,
  provenance: reviewed,
});

/** A small document with every field the formats write; the text and names are made up. */
export function testDocument(): ArticleDocument {
  return structuredClone({
    schemaVersion: 1,
    article: {
      id: 'formats-test',
      headline: lines[0] as string,
      dek: lines[2] as string,
      authorIds: ['jo-writer'],
      publisherId: 'harbour-gazette',
      published: { status: 'known', date: '2026-11-30' },
      language: 'en',
      text,
      textSha256: textDigest(text),
      blocks,
      source: { origin: 'written for the formats tests', url: 'https://example.org/river-talks' },
      provenance: reviewed,
    },
    entities: [
      entity('jo-writer', 'person', 'Jo Writer'),
      entity('ann-lee', 'person', 'Ann Lee', [
        { name: 'Lee', historical: false },
        { name: 'A. Lee', historical: true, note: 'an older byline' },
      ]),
      entity('harbour-gazette', 'outlet', 'Harbour Gazette'),
      entity('officials', 'unnamed_group', 'officials'),
      entity('ministry-spokesman', 'person', 'a ministry spokesman'),
      entity('delta-council', 'organization', 'Delta Council'),
    ],
    mentions: [
      {
        id: 'm1',
        entityId: 'officials',
        anchor: span('officials'),
        form: 'descriptor',
        provenance: reviewed,
      },
      {
        id: 'm2',
        entityId: 'ann-lee',
        anchor: span('Ann Lee'),
        form: 'name',
        provenance: reviewed,
      },
      {
        id: 'm3',
        entityId: 'harbour-gazette',
        anchor: span('Harbour Gazette'),
        form: 'name',
        provenance: model,
      },
      {
        id: 'm4',
        entityId: 'ann-lee',
        anchor: span('Lee', 1),
        form: 'partial_name',
        provenance: reviewed,
      },
      {
        id: 'm5',
        entityId: 'ministry-spokesman',
        anchor: span('A ministry spokesman'),
        form: 'descriptor',
        provenance: reviewed,
      },
      {
        id: 'm6',
        entityId: 'ann-lee',
        anchor: span('Lee', 2),
        form: 'partial_name',
        provenance: reviewed,
      },
      {
        id: 'm7',
        entityId: 'ann-lee',
        anchor: span('Lee', 3),
        form: 'partial_name',
        provenance: reviewed,
      },
      {
        id: 'm8',
        entityId: 'delta-council',
        anchor: span('Delta Council'),
        form: 'name',
        provenance: reviewed,
      },
    ],
    claims: [
      {
        id: 'formats-test.claim-1',
        kind: 'indirect',
        speakerId: 'officials',
        source: span('officials'),
        channel: { kind: 'unspecified', outletId: null, cue: 'said' },
        cue: span('said'),
        content: [span('Negotiators will meet next week')],
        statement: 'Negotiators will meet next week.',
        aboutIds: [],
        modality: 'prediction',
        polarity: 'positive',
        time: { text: 'next week', resolved: null },
        parentId: null,
        continuesId: null,
        provenance: model,
      },
      {
        id: 'formats-test.claim-2',
        kind: 'direct_quote',
        speakerId: 'ann-lee',
        source: span('Ann Lee'),
        channel: {
          kind: 'interview',
          outletId: 'harbour-gazette',
          cue: 'told the Harbour Gazette',
        },
        cue: span('told the Harbour Gazette'),
        content: [span('will fail within a week,')],
        statement: 'The talks will fail within a week.',
        aboutIds: [],
        modality: 'prediction',
        polarity: 'negative',
        time: { text: 'within a week', resolved: null },
        parentId: null,
        continuesId: null,
        provenance: reviewed,
      },
      {
        id: 'formats-test.claim-3',
        kind: 'direct_quote',
        speakerId: 'ann-lee',
        source: span('Lee', 1),
        channel: { kind: 'interview', outletId: 'harbour-gazette', cue: 'added' },
        cue: span('added'),
        content: [span('Nobody wants to move first,')],
        statement: 'No side wants to move first.',
        aboutIds: [],
        modality: 'asserted',
        polarity: 'negative',
        time: null,
        parentId: null,
        continuesId: 'formats-test.claim-2',
        provenance: reviewed,
      },
      {
        id: 'formats-test.claim-4',
        kind: 'direct_quote',
        speakerId: 'ministry-spokesman',
        source: span('A ministry spokesman'),
        channel: { kind: 'statement', outletId: null, cue: 'insisted' },
        cue: span('insisted'),
        content: [
          span('We expect a deal.'),
          span("Even Lee called it 'hopeless' last year, and she was wrong."),
        ],
        statement: 'The ministry expects a deal, and Lee was wrong to call the talks hopeless.',
        aboutIds: ['ann-lee'],
        modality: 'prediction',
        polarity: 'positive',
        time: null,
        parentId: null,
        continuesId: null,
        provenance: reviewed,
      },
      {
        id: 'formats-test.claim-5',
        kind: 'direct_quote',
        speakerId: 'ann-lee',
        source: span('Lee', 2),
        channel: { kind: 'unspecified', outletId: null, cue: 'called it' },
        cue: span('called it'),
        content: [span('hopeless')],
        statement: 'Lee called the talks hopeless.',
        aboutIds: [],
        modality: 'asserted',
        polarity: 'negative',
        time: { text: 'last year', resolved: '2025' },
        parentId: 'formats-test.claim-4',
        continuesId: null,
        provenance: reviewed,
      },
      {
        id: 'formats-test.claim-6',
        kind: 'author_assertion',
        speakerId: 'jo-writer',
        source: null,
        channel: { kind: 'authorial', outletId: null, cue: null },
        cue: null,
        content: [span('has followed the talks since January.')],
        statement: 'Lee has followed the talks since January.',
        aboutIds: ['ann-lee', 'delta-council'],
        modality: 'asserted',
        polarity: 'positive',
        time: { text: 'since January', resolved: null },
        parentId: null,
        continuesId: null,
        provenance: reviewed,
      },
    ],
    claimLinks: [
      {
        id: 'formats-test.link-1',
        kind: 'contradicts',
        fromId: 'formats-test.claim-4',
        toId: 'formats-test.claim-2',
        note: 'The ministry expects a deal; Lee expects failure.',
        provenance: reviewed,
      },
    ],
    relations: [
      {
        id: 'formats-test.rel-1',
        subjectId: 'ann-lee',
        predicate: 'works_for',
        objectId: 'delta-council',
        evidence: [span('Lee, who advises the Delta Council')],
        assertedBy: { kind: 'author' },
        role: 'adviser',
        certainty: 'stated',
        past: false,
        time: null,
        provenance: reviewed,
      },
      {
        id: 'formats-test.rel-2',
        subjectId: 'ann-lee',
        predicate: 'affiliated_with',
        objectId: 'harbour-gazette',
        evidence: [span('Ann Lee told the Harbour Gazette')],
        assertedBy: { kind: 'claim', claimId: 'formats-test.claim-2' },
        role: null,
        certainty: 'implied',
        past: true,
        time: { text: 'last year', resolved: null },
        provenance: model,
      },
    ],
  } satisfies ArticleDocument);
}

export const testText = text;
