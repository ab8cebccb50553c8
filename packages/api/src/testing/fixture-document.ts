import { createHash } from 'node:crypto';
import {
  type Anchor,
  type ArticleDocument,
  ArticleDocumentSchema,
  makeAnchor,
} from '@claimscope/schema';

const provenance = {
  agent: { kind: 'person' as const, name: 'api-fixture' },
  review: { status: 'reviewed' as const },
};

const BLOCKS = [
  ['banner', 'This story is over 5 years old.'],
  ['headline', 'Al Qaeda Wants a Reconciliation'],
  ['dek', 'Calls for a reconciliation have been mounting in Islamist circles.'],
  ['paragraph', 'Analysts say al Qaeda may be trying to reconcile with the Islamic State.'],
  [
    'paragraph',
    '"They are not going to merge," Thomas Sanderson, co-director of the Transnational Threats Project at CSIS, told VICE News. "A reconciliation would take years."',
  ],
  [
    'paragraph',
    `Tom Joscelyn told the AP that "Al Qaeda is saying, 'Let's just have a truce in Syria.'"`,
  ],
  ['paragraph', 'Sanderson added that the Islamic State is stronger than it was.'],
] as const;

/**
 * A small, valid document with every kind of record the API serves: nested and continued claims,
 * claim links both ways, relations, aliases. As in the corpus, entity ids name the referent in
 * every article, and the other ids start with the article id, so two copies under different
 * article ids load side by side and share their entities.
 */
export function makeFixtureDocument(articleId = 'fixture-article'): ArticleDocument {
  const id = (name: string) => `${articleId}.${name}`;
  const text = BLOCKS.map(([, t]) => t).join('\n\n');
  let offset = 0;
  const blocks = BLOCKS.map(([kind, blockText], index) => {
    const start = offset;
    offset += blockText.length + 2;
    return { id: `b${index}`, kind, index, start, end: start + blockText.length, text: blockText };
  });
  /** The `occurrence`-th appearance of `needle` in block `index`. */
  const at = (index: number, needle: string, occurrence = 0): Anchor => {
    const block = blocks[index];
    if (!block) throw new Error(`no block ${index}`);
    let from = -1;
    for (let i = 0; i <= occurrence; i++) from = block.text.indexOf(needle, from + 1);
    if (from === -1) throw new Error(`"${needle}" not in block ${index}`);
    return makeAnchor(text, block.id, block.start + from, block.start + from + needle.length);
  };
  const entity = (
    name: string,
    kind: ArticleDocument['entities'][number]['kind'],
    fullName: string,
    description: string,
    aliases: { name: string; historical: boolean }[] = [],
  ) => ({
    id: name,
    kind,
    name: fullName,
    aliases,
    description,
    provenance,
  });
  const entities = [
    entity('jane-doe', 'person', 'Jane Doe', 'The reporter who wrote the article.'),
    entity('vice-news', 'outlet', 'VICE News', 'The publisher of the article.'),
    entity('ap', 'outlet', 'Associated Press', 'A news agency that interviewed Tom Joscelyn.', [
      { name: 'AP', historical: false },
    ]),
    entity(
      'al-qaeda',
      'organization',
      'al Qaeda',
      'An international Islamist network seeking a truce.',
      [{ name: 'AQ', historical: false }],
    ),
    entity(
      'islamic-state',
      'organization',
      'Islamic State',
      'A jihadist group fighting in Iraq and Syria.',
      [
        { name: 'ISIS', historical: false },
        { name: 'al Qaeda in Iraq', historical: true },
      ],
    ),
    entity(
      'sanderson',
      'person',
      'Thomas Sanderson',
      'Co-director of the Transnational Threats Project at CSIS.',
    ),
    entity(
      'csis',
      'organization',
      'Center for Strategic and International Studies',
      'A Washington think tank.',
      [{ name: 'CSIS', historical: false }],
    ),
    entity('joscelyn', 'person', 'Tom Joscelyn', 'Tracks terror groups for the Long War Journal.'),
    entity(
      'analysts',
      'unnamed_group',
      'analysts',
      'Unnamed analysts who track fundamentalist groups.',
    ),
  ];
  const mentionSpecs: [string, Anchor, ArticleDocument['mentions'][number]['form']][] = [
    ['al-qaeda', at(1, 'Al Qaeda'), 'name'],
    ['analysts', at(3, 'Analysts'), 'descriptor'],
    ['al-qaeda', at(3, 'al Qaeda'), 'name'],
    ['islamic-state', at(3, 'Islamic State'), 'name'],
    ['sanderson', at(4, 'Thomas Sanderson'), 'name'],
    ['csis', at(4, 'CSIS'), 'acronym'],
    ['vice-news', at(4, 'VICE News'), 'name'],
    ['joscelyn', at(5, 'Tom Joscelyn'), 'name'],
    ['ap', at(5, 'AP'), 'acronym'],
    ['al-qaeda', at(5, 'Al Qaeda'), 'name'],
    ['sanderson', at(6, 'Sanderson'), 'partial_name'],
    ['islamic-state', at(6, 'Islamic State'), 'name'],
  ];
  const mentions = mentionSpecs.map(([entityId, anchor, form], i) => ({
    id: id(`m${i}`),
    entityId,
    anchor,
    form,
    provenance,
  }));
  const claim = (
    name: string,
    fields: Partial<ArticleDocument['claims'][number]> &
      Pick<
        ArticleDocument['claims'][number],
        'kind' | 'speakerId' | 'content' | 'statement' | 'modality'
      >,
  ): ArticleDocument['claims'][number] => ({
    id: id(name),
    channel: { kind: 'unspecified', outletId: null, cue: null },
    source: null,
    cue: null,
    aboutIds: [],
    polarity: 'positive',
    time: null,
    parentId: null,
    continuesId: null,
    provenance,
    ...fields,
  });
  const claims = [
    claim('c-author', {
      kind: 'author_assertion',
      speakerId: 'jane-doe',
      channel: { kind: 'authorial', outletId: null, cue: null },
      content: [at(2, 'Calls for a reconciliation have been mounting in Islamist circles.')],
      statement: 'Calls for al Qaeda and the Islamic State to reconcile are growing.',
      aboutIds: ['al-qaeda', 'islamic-state'],
      modality: 'asserted',
    }),
    claim('c-analysts', {
      kind: 'indirect',
      speakerId: 'analysts',
      cue: at(3, 'say'),
      content: [at(3, 'al Qaeda may be trying to reconcile with the Islamic State')],
      statement: 'Al Qaeda may be trying to reconcile with the Islamic State.',
      aboutIds: ['al-qaeda', 'islamic-state'],
      modality: 'hedged',
    }),
    claim('c-sanderson-merge', {
      kind: 'direct_quote',
      speakerId: 'sanderson',
      channel: { kind: 'interview', outletId: 'vice-news', cue: 'told VICE News' },
      cue: at(4, 'told VICE News'),
      content: [at(4, 'They are not going to merge,')],
      statement: 'Al Qaeda and the Islamic State will not merge.',
      aboutIds: ['al-qaeda', 'islamic-state'],
      modality: 'prediction',
      polarity: 'negative',
    }),
    claim('c-sanderson-years', {
      kind: 'direct_quote',
      speakerId: 'sanderson',
      channel: { kind: 'interview', outletId: 'vice-news', cue: 'told VICE News' },
      content: [at(4, 'A reconciliation would take years.')],
      statement: 'Any reconciliation would take years.',
      modality: 'prediction',
      continuesId: id('c-sanderson-merge'),
    }),
    claim('c-joscelyn', {
      kind: 'direct_quote',
      speakerId: 'joscelyn',
      channel: { kind: 'interview', outletId: 'ap', cue: 'told the AP' },
      cue: at(5, 'told the AP'),
      content: [at(5, `Al Qaeda is saying, 'Let's just have a truce in Syria.'`)],
      statement: 'Al Qaeda is calling for a truce with the Islamic State in Syria.',
      aboutIds: ['al-qaeda'],
      modality: 'asserted',
    }),
    claim('c-al-qaeda-truce', {
      kind: 'direct_quote',
      speakerId: 'al-qaeda',
      content: [at(5, `Let's just have a truce in Syria.`)],
      statement: 'Al Qaeda wants a truce in Syria.',
      aboutIds: ['islamic-state'],
      modality: 'asserted',
      parentId: id('c-joscelyn'),
    }),
    claim('c-sanderson-stronger', {
      kind: 'indirect',
      speakerId: 'sanderson',
      cue: at(6, 'added'),
      content: [at(6, 'the Islamic State is stronger than it was')],
      statement: 'The Islamic State is stronger than before.',
      aboutIds: ['islamic-state'],
      modality: 'asserted',
    }),
  ];
  const claimLinks = [
    {
      id: id('l-merge-analysts'),
      kind: 'contradicts' as const,
      fromId: id('c-sanderson-merge'),
      toId: id('c-analysts'),
      note: 'Sanderson rules out the merger the analysts see coming.',
      provenance,
    },
    {
      id: id('l-years-analysts'),
      kind: 'qualifies' as const,
      fromId: id('c-sanderson-years'),
      toId: id('c-analysts'),
      note: 'A reconciliation, if any, would be slow.',
      provenance,
    },
    {
      id: id('l-truce-analysts'),
      kind: 'supports' as const,
      fromId: id('c-joscelyn'),
      toId: id('c-analysts'),
      note: 'A call for a truce is a step towards reconciling.',
      provenance,
    },
  ];
  const relations = [
    {
      id: id('r-sanderson-csis'),
      subjectId: 'sanderson',
      predicate: 'works_for' as const,
      objectId: 'csis',
      evidence: [at(4, 'co-director of the Transnational Threats Project at CSIS')],
      assertedBy: { kind: 'author' as const },
      role: 'co-director',
      certainty: 'stated' as const,
      past: false,
      time: null,
      provenance,
    },
    {
      id: id('r-aq-is'),
      subjectId: 'al-qaeda',
      predicate: 'truce_with' as const,
      objectId: 'islamic-state',
      evidence: [at(5, 'truce in Syria')],
      assertedBy: { kind: 'claim' as const, claimId: id('c-joscelyn') },
      role: null,
      certainty: 'hedged' as const,
      past: false,
      time: null,
      provenance,
    },
  ];
  const [, headline, dek] = BLOCKS;
  return ArticleDocumentSchema.parse({
    schemaVersion: 1,
    article: {
      id: articleId,
      headline: headline[1],
      dek: dek[1],
      authorIds: ['jane-doe'],
      publisherId: 'vice-news',
      published: { status: 'known', date: '2014-10-10' },
      language: 'en',
      text,
      textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      blocks,
      source: { origin: 'written for the api tests', url: null },
      provenance,
    },
    entities,
    mentions,
    claims,
    claimLinks,
    relations,
  });
}
