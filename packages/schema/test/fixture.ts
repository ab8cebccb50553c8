import { type ArticleDocument, makeAnchor, type Provenance } from '../src/index.js';

const provenance: Provenance = {
  agent: { kind: 'person', name: 'test' },
  review: { status: 'reviewed' },
};

const text = [
  'A headline about talks',
  'A dek that sums it up.',
  'Ann Lee told the Daily Post that the talks "will fail within a week," she said.',
  'Officials disagree.',
].join('\n');
// sha256 of `text` above, checked by a test so the fixture cannot drift.
const textSha256 = 'e5eff3f0caf9120a0015b18251c9006a2265079ece5cd71dc4b2048f2364618d';

function span(needle: string, blockId: string, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: ${needle} not found`);
  return makeAnchor(text, blockId, start, start + needle.length);
}

function block(
  id: string,
  kind: ArticleDocument['article']['blocks'][number]['kind'],
  index: number,
  line: string,
) {
  const start = text.indexOf(line);
  return { id, kind, index, start, end: start + line.length, text: line };
}

/** A small, valid document; tests break one thing at a time. */
export function validDocument(): ArticleDocument {
  const lines = text.split('\n') as [string, string, string, string];
  return structuredClone({
    schemaVersion: 1,
    article: {
      id: 'fixture',
      headline: lines[0],
      dek: lines[1],
      authorIds: ['jo-writer'],
      publisherId: 'daily-post',
      published: { status: 'unknown', note: 'the fixture gives no date' },
      language: 'en',
      text,
      textSha256,
      blocks: [
        block('b0', 'headline', 0, lines[0]),
        block('b1', 'dek', 1, lines[1]),
        block('b2', 'paragraph', 2, lines[2]),
        block('b3', 'paragraph', 3, lines[3]),
      ],
      source: { origin: 'test fixture', url: null },
      provenance,
    },
    entities: [
      {
        id: 'jo-writer',
        kind: 'person',
        name: 'Jo Writer',
        aliases: [],
        description: 'The author.',
        provenance,
      },
      {
        id: 'ann-lee',
        kind: 'person',
        name: 'Ann Lee',
        aliases: [{ name: 'Lee', historical: false }],
        description: 'A source.',
        provenance,
      },
      {
        id: 'daily-post',
        kind: 'outlet',
        name: 'Daily Post',
        aliases: [],
        description: 'A newspaper.',
        provenance,
      },
      {
        id: 'officials',
        kind: 'unnamed_group',
        name: 'officials',
        aliases: [],
        description: 'Unnamed officials.',
        provenance,
      },
    ],
    mentions: [
      { id: 'm1', entityId: 'ann-lee', anchor: span('Ann Lee', 'b2'), form: 'name', provenance },
      {
        id: 'm2',
        entityId: 'daily-post',
        anchor: span('Daily Post', 'b2'),
        form: 'name',
        provenance,
      },
      {
        id: 'm3',
        entityId: 'officials',
        anchor: span('Officials', 'b3'),
        form: 'descriptor',
        provenance,
      },
    ],
    claims: [
      {
        id: 'c1',
        kind: 'direct_quote',
        speakerId: 'ann-lee',
        channel: { kind: 'interview', outletId: 'daily-post', cue: 'told the Daily Post' },
        source: span('Ann Lee', 'b2'),
        cue: span('told the Daily Post', 'b2'),
        content: [span('will fail within a week,', 'b2')],
        statement: 'The talks will fail within a week.',
        aboutIds: [],
        modality: 'prediction',
        polarity: 'negative',
        time: { text: 'within a week', resolved: null },
        parentId: null,
        continuesId: null,
        provenance,
      },
      {
        id: 'c2',
        kind: 'author_assertion',
        speakerId: 'jo-writer',
        channel: { kind: 'authorial', outletId: null, cue: null },
        source: null,
        cue: null,
        content: [span('Officials disagree.', 'b3')],
        statement: 'Officials disagree with Ann Lee.',
        aboutIds: ['officials', 'ann-lee'],
        modality: 'asserted',
        polarity: 'positive',
        time: null,
        parentId: null,
        continuesId: null,
        provenance,
      },
    ],
    claimLinks: [
      {
        id: 'l1',
        kind: 'contradicts',
        fromId: 'c2',
        toId: 'c1',
        note: 'Officials reject the prediction.',
        provenance,
      },
    ],
    relations: [
      {
        id: 'r1',
        subjectId: 'ann-lee',
        predicate: 'affiliated_with',
        objectId: 'daily-post',
        evidence: [span('Ann Lee told the Daily Post', 'b2')],
        assertedBy: { kind: 'author' },
        role: null,
        certainty: 'implied',
        past: false,
        time: null,
        provenance,
      },
    ],
  } satisfies ArticleDocument);
}

export const fixtureText = text;
