// "Al Qaeda Seems to Want to Be Best Friends with the Islamic State Again", Alice Speri, VICE News.
// Hand annotation, read twice against the text: once for entities, once for attributions.
// Anchors are quoted text (`[[target]]` with context around it); see src/authoring.ts.
import type { ArticleAnnotations, EntitySpec } from '../../src/authoring.js';

const entities: Record<string, EntitySpec> = {
  // ── Organisations at the centre of the story ──────────────────────────────────────────────
  'al-qaeda': {
    kind: 'organization',
    name: 'al Qaeda',
    description:
      'The international jihadist network led by Ayman al-Zawahiri, which rejected the Islamic State and is now reported to seek reconciliation with it.',
    forms: [
      { text: 'al Qaeda', form: 'name', count: 19 },
      { text: 'Al Qaeda', form: 'name', count: 3 },
      { text: 'Qaeda', form: 'partial_name', count: 1 },
    ],
    mentions: [{ anchor: 'and the [[international Islamist network]] may', form: 'descriptor' }],
    extraAliases: [
      { name: 'al-Qaeda', note: 'common transliteration; the text writes "al Qaeda"' },
    ],
  },
  'al-qaeda-leaders': {
    kind: 'unnamed_group',
    name: "al Qaeda's core leadership",
    description: 'The leaders of al Qaeda, whose directives ISIS stopped following.',
    forms: [{ text: 'al Qaeda leaders', form: 'descriptor', count: 1 }],
    mentions: [
      { anchor: 'the al Qaeda [[core]] does', form: 'descriptor' },
      { anchor: "al Qaeda's [[core leadership]].", form: 'descriptor' },
      { anchor: "the group's [[core leadership]] to start", form: 'descriptor' },
      { anchor: 'under the al Qaeda [[leadership]] and', form: 'descriptor' },
    ],
  },
  'islamic-state': {
    kind: 'organization',
    name: 'Islamic State',
    description:
      'The jihadist group that was born as an Iraq-based al Qaeda offshoot, broke with al Qaeda, and proclaimed a caliphate led by Abu Bakr al-Baghdadi.',
    forms: [
      { text: 'Islamic State', form: 'name', count: 18 },
      { text: 'ISIS', form: 'acronym', count: 5 },
      { text: 'IS', form: 'acronym', count: 3 },
      { text: 'Islamic Sate', form: 'misspelling', count: 1 },
      {
        text: 'Islamic State of Iraq and Syria',
        form: 'historical_name',
        count: 1,
        note: 'its name while still "stateless", before the caliphate',
      },
      {
        text: 'al Qaeda in Iraq',
        form: 'historical_name',
        count: 2,
        note: 'the name "they were known" by when it was al Qaeda\'s Iraqi branch (Levitt)',
      },
      {
        text: 'Islamic State in Iraq',
        form: 'historical_name',
        count: 1,
        note: 'an earlier name, "as they were known at the time" (Levitt)',
      },
    ],
    // The caliphate the Islamic State proclaimed is the group itself, in its own terms.
    mentions: [
      { anchor: 'between the [[fundamentalist group of the year]]', form: 'descriptor' },
      { anchor: 'a self-proclaimed [[caliphate]] demanding', form: 'descriptor' },
      { anchor: 'under the [[caliphate]].', form: 'descriptor' },
      { anchor: 'hold on the [[caliphate]] they established', form: 'descriptor' },
    ],
  },
  'islamic-state-leaders': {
    kind: 'unnamed_group',
    name: 'Islamic State leaders',
    description:
      "The Islamic State's leadership, who insist coalition strikes are not affecting their capabilities.",
    forms: [{ text: 'Islamic State leaders', form: 'descriptor', count: 1 }],
    mentions: [
      { anchor: 'but its [[leadership]] found refuge', form: 'descriptor' },
      { anchor: "the Islamic State's [[leadership]], and", form: 'descriptor' },
    ],
  },
  'nusra-front': {
    kind: 'organization',
    name: 'Nusra Front',
    description:
      "Jabhat al-Nusra, al Qaeda's Syrian affiliate, which both fights and holds local truces with the Islamic State.",
    forms: [
      { text: 'Nusra Front', form: 'name', count: 1 },
      { text: 'Nusra', form: 'partial_name', count: 4 },
      { text: 'Jabhat al-Nusra', form: 'alias', count: 1, note: 'its Arabic name' },
      { text: 'Jabhat al Nusra', form: 'alias', count: 1, note: 'its Arabic name, unhyphenated' },
    ],
    // The promo's "Syrian al Qaeda" is al Qaeda's Syrian element, which the text names as Nusra.
    mentions: [{ anchor: '[[Syrian al Qaeda]] leader threatens', form: 'descriptor' }],
  },
  'jabhat-ansar-al-din': {
    kind: 'organization',
    name: 'Jabhat Ansar al-Din',
    description:
      'A Syrian jihadi group that, per al-Tamimi, has avoided the al Qaeda–Islamic State dispute.',
    forms: [{ text: 'Jabhat Ansar al-Din', form: 'name', count: 1 }],
  },
  'al-qaeda-in-the-arabian-peninsula': {
    kind: 'organization',
    name: 'al Qaeda in the Arabian Peninsula',
    description:
      'Al Qaeda\'s Yemen-based offshoot, named in the text only as "the group\'s Yemen-based offshoot", which called on rival jihadi groups to stop their infighting.',
    mentions: [{ anchor: 'Yemen-based [[offshoot]] denounced', form: 'descriptor' }],
    extraAliases: [{ name: 'AQAP', note: 'not in the text' }],
  },
  'boko-haram': {
    kind: 'organization',
    name: 'Boko Haram',
    description: 'A jihadist group in Nigeria that pledged support to the Islamic State.',
    forms: [{ text: 'Boko Haram', form: 'name', count: 1 }],
  },
  'pakistan-taliban': {
    kind: 'organization',
    name: 'Pakistan Taliban',
    description:
      'The Taliban movement in Pakistan, some of whose members pledged support or allegiance to the Islamic State.',
    forms: [
      { text: 'Pakistan Taliban', form: 'name', count: 1 },
      { text: 'Taliban', form: 'partial_name', count: 1 },
    ],
    extraAliases: [{ name: 'Tehrik-i-Taliban Pakistan', note: 'not in the text' }],
  },
  'qalamoun-initiative': {
    kind: 'unnamed_group',
    name: 'the Qalamoun Nusra–Islamic State initiative',
    description:
      'The initiative under which Nusra and the Islamic State have worked together in Qalamoun since January, per al-Tamimi.',
    mentions: [{ anchor: 'part of an [[initiative]] of', form: 'descriptor' }],
  },
  'syrian-rebels': {
    kind: 'unnamed_group',
    name: 'Syrian rebel groups',
    description:
      'Rebel groups fighting the Assad regime, some backed by al Qaeda, and also fighting the Islamic State.',
    mentions: [
      { anchor: 'and other [[rebel groups]]', form: 'descriptor' },
      { anchor: 'some [[rebels]] fighting', form: 'descriptor' },
    ],
  },
  'assad-regime': {
    kind: 'organization',
    name: 'Syrian government (Assad regime)',
    description: "The regime of Bashar al-Assad and its forces, one of the Islamic State's fronts.",
    forms: [{ text: 'Syrian forces', form: 'descriptor', count: 1 }],
    mentions: [{ anchor: 'the [[regime]] of Bashar', form: 'descriptor' }],
  },
  'us-led-coalition': {
    kind: 'organization',
    name: 'US-led coalition',
    description: 'The US and its allies, whose air strikes target the Islamic State.',
    // Al-Maqdisi's "crusaders" are those behind the "recent US-led strikes" the text names.
    mentions: [
      { anchor: 'impact of [[coalition]] strikes', form: 'descriptor' },
      { anchor: 'the aggression of [[crusaders]]', form: 'descriptor' },
    ],
  },
  pentagon: {
    kind: 'organization',
    name: 'Pentagon',
    description: 'The US Department of Defense, named in a video promo.',
    forms: [{ text: 'Pentagon', form: 'name', count: 1 }],
  },

  // ── Research institutions and outlets ─────────────────────────────────────────────────────
  'center-for-strategic-and-international-studies': {
    kind: 'organization',
    name: 'Center for Strategic and International Studies',
    description: 'A Washington think tank; home of the Transnational Threats Project.',
    forms: [{ text: 'Center for Strategic and International Studies', form: 'name', count: 1 }],
    extraAliases: [{ name: 'CSIS', note: 'not in the text' }],
  },
  'transnational-threats-project': {
    kind: 'organization',
    name: 'Transnational Threats Project',
    description:
      'A project at the Center for Strategic and International Studies, co-directed by Tom Sanderson.',
    forms: [{ text: 'Transnational Threats Project', form: 'name', count: 1 }],
  },
  'washington-institute': {
    kind: 'organization',
    name: 'The Washington Institute',
    description:
      'A think tank; home of the Program on Counterterrorism and Intelligence, directed by Matthew Levitt.',
    forms: [{ text: 'The Washington Institute', form: 'name', count: 1 }],
    extraAliases: [
      { name: 'The Washington Institute for Near East Policy', note: 'not in the text' },
    ],
  },
  'program-on-counterterrorism-and-intelligence': {
    kind: 'organization',
    name: 'Program on Counterterrorism and Intelligence',
    description: "The Washington Institute's program directed by Matthew Levitt.",
    forms: [{ text: 'Program on Counterterrorism and Intelligence', form: 'name', count: 1 }],
  },
  'associated-press': {
    kind: 'outlet',
    name: 'Associated Press',
    description:
      'News agency: Joscelyn spoke to it, it reported the AQAP call, and it supplied the photo.',
    forms: [{ text: 'AP', form: 'acronym', count: 3 }],
  },
  'vice-news': {
    kind: 'outlet',
    name: 'VICE News',
    description: 'The publisher of the article, to which al-Tamimi, Sanderson and Levitt spoke.',
    forms: [{ text: 'VICE News', form: 'name', count: 3 }],
  },
  'long-war-journal': {
    kind: 'outlet',
    name: 'Long War Journal',
    description: 'A publication for which Tom Joscelyn tracks terror groups.',
    forms: [{ text: 'Long War Journal', form: 'name', count: 1 }],
  },
  twitter: {
    kind: 'outlet',
    name: 'Twitter',
    description: 'The social network where the author can be followed (footer).',
    forms: [{ text: 'Twitter', form: 'name', count: 1 }],
  },

  // ── People ────────────────────────────────────────────────────────────────────────────────
  'alice-speri': {
    kind: 'person',
    name: 'Alice Speri',
    description: 'Journalist; the author of the article.',
    // The footer's handle names her on Twitter, so it is a mention of her (an alias).
    forms: [
      { text: 'Alice Speri', form: 'name', count: 1 },
      { text: '@alicesperi', form: 'alias', count: 1, note: 'her Twitter handle' },
    ],
  },
  'mohammad-hannon': {
    kind: 'person',
    name: 'Mohammad Hannon',
    description: 'Photographer credited, via the AP, for the article photo.',
    forms: [{ text: 'Mohammad Hannon', form: 'name', count: 1 }],
  },
  'tom-joscelyn': {
    kind: 'person',
    name: 'Tom Joscelyn',
    description: 'Tracks terror groups for the Long War Journal; quoted from an AP interview.',
    forms: [{ text: 'Tom Joscelyn', form: 'name', count: 1 }],
  },
  'aymenn-jawad-al-tamimi': {
    kind: 'person',
    name: 'Aymenn Jawad al-Tamimi',
    description: 'Researcher of Syrian and Iraqi militant groups; spoke to VICE News.',
    forms: [
      { text: 'Aymenn Jawad al-Tamimi', form: 'name', count: 1 },
      { text: 'al-Tamimi', form: 'partial_name', count: 1 },
    ],
  },
  'tom-sanderson': {
    kind: 'person',
    name: 'Tom Sanderson',
    description:
      'Co-director of the Transnational Threats Project at the Center for Strategic and International Studies; spoke to VICE News.',
    forms: [
      { text: 'Tom Sanderson', form: 'name', count: 1 },
      { text: 'Sanderson', form: 'partial_name', count: 2 },
    ],
  },
  'matthew-levitt': {
    kind: 'person',
    name: 'Matthew Levitt',
    description:
      "Director of The Washington Institute's Program on Counterterrorism and Intelligence; spoke to VICE News.",
    forms: [
      { text: 'Matthew Levitt', form: 'name', count: 1 },
      { text: 'Levitt', form: 'partial_name', count: 5 },
    ],
  },
  'abu-muhammad-al-maqdisi': {
    kind: 'person',
    name: 'Abu Muhammad al-Maqdisi',
    description:
      "Jihadist cleric considered one of al Qaeda's most influential spiritual guides; mentor of al-Zarqawi; arrested in Jordan.",
    forms: [
      { text: 'Abu Muhammad al-Maqdisi', form: 'name', count: 1 },
      { text: 'Al-Maqdisi', form: 'partial_name', count: 1 },
      { text: 'Maqdisi', form: 'partial_name', count: 1 },
    ],
  },
  'abu-musab-al-zarqawi': {
    kind: 'person',
    name: 'Abu Musab al-Zarqawi',
    description: 'Called "al Qaeda\'s late leader" in the text; a protégé of al-Maqdisi.',
    forms: [{ text: 'Abu Musab al-Zarqawi', form: 'name', count: 1 }],
  },
  'ayman-al-zawahiri': {
    kind: 'person',
    name: 'Ayman al-Zawahiri',
    description: "Al Qaeda's current leader, whose commands ISIS refused.",
    forms: [
      { text: 'Ayman al-Zawahiri', form: 'name', count: 2 },
      { text: 'Zawahiri', form: 'partial_name', count: 1 },
    ],
  },
  'abu-bakr-al-baghdadi': {
    kind: 'person',
    name: 'Abu Bakr al-Baghdadi',
    description: 'Leader and self-proclaimed caliph of the Islamic State.',
    forms: [
      { text: 'al-Baghdadi', form: 'partial_name', count: 2 },
      { text: 'Baghdadi', form: 'partial_name', count: 1 },
    ],
    mentions: [{ anchor: 'He is the [[caliph]], end', form: 'descriptor' }],
  },
  'bashar-al-assad': {
    kind: 'person',
    name: 'Bashar al-Assad',
    description: 'Head of the Syrian regime that rebels are fighting.',
    forms: [{ text: 'Bashar al-Assad', form: 'name', count: 1 }],
  },

  // ── Places, peoples, events ───────────────────────────────────────────────────────────────
  syria: {
    kind: 'place',
    name: 'Syria',
    description: 'Where the Islamic State, Nusra and other groups fight and make local truces.',
    forms: [
      { text: 'Syria', form: 'name', count: 10 },
      { text: 'Syrian', form: 'descriptor', count: 2, note: 'the demonym' },
    ],
  },
  iraq: {
    kind: 'place',
    name: 'Iraq',
    description: 'Where the Islamic State was born as an al Qaeda offshoot.',
    forms: [
      { text: 'Iraq', form: 'name', count: 3 },
      { text: 'Iraqi', form: 'descriptor', count: 2, note: 'the demonym' },
    ],
  },
  jordan: {
    kind: 'place',
    name: 'Jordan',
    description: 'Where al-Maqdisi was arrested.',
    forms: [{ text: 'Jordan', form: 'name', count: 1 }],
  },
  yemen: {
    kind: 'place',
    name: 'Yemen',
    description: "Base of al Qaeda's Yemen-based offshoot.",
    forms: [{ text: 'Yemen', form: 'name', count: 1 }],
  },
  nigeria: {
    kind: 'place',
    name: 'Nigeria',
    description: 'Where Boko Haram is.',
    forms: [{ text: 'Nigeria', form: 'name', count: 1 }],
  },
  pakistan: {
    kind: 'place',
    name: 'Pakistan',
    description: 'Where some Taliban pledged support to the Islamic State.',
    forms: [{ text: 'Pakistan', form: 'name', count: 1 }],
  },
  qalamoun: {
    kind: 'place',
    name: 'Qalamoun',
    description: 'A Syrian region where Nusra and the Islamic State have worked together.',
    forms: [{ text: 'Qalamoun', form: 'name', count: 1 }],
  },
  raqqa: {
    kind: 'place',
    name: 'Raqqa',
    description: 'A Syrian city, named in a promo for another story.',
    forms: [{ text: 'Raqqa', form: 'name', count: 1 }],
  },
  'middle-east': {
    kind: 'place',
    name: 'Middle East',
    description: 'The region where al Qaeda affiliates have called for a united jihadi front.',
    forms: [{ text: 'Middle East', form: 'name', count: 1 }],
  },
  'united-states': {
    kind: 'place',
    name: 'United States',
    description: 'The country leading the air strikes on the Islamic State.',
    forms: [{ text: 'US', form: 'acronym', count: 4 }],
  },
  'the-west': {
    kind: 'place',
    name: 'the West',
    description: 'Western countries, threatened by Syrian al Qaeda and arming the Kurds.',
    forms: [
      { text: 'West', form: 'name', count: 1 },
      { text: 'Western', form: 'descriptor', count: 1, note: 'the adjective' },
    ],
  },
  kurds: {
    kind: 'group',
    name: 'Kurds',
    description:
      'Syrian and Iraqi Kurds, fighting the Islamic State with Western weapons and airpower.',
    forms: [{ text: 'Kurds', form: 'name', count: 1 }],
  },
  'sunni-muslims': {
    kind: 'group',
    name: 'Sunni Muslims',
    description: 'The branch of Islam of the jihadis for whom ISIS is "the center of gravity".',
    forms: [{ text: 'Sunni', form: 'partial_name', count: 1 }],
  },
  muslims: {
    kind: 'group',
    name: 'Muslims',
    description: 'Whose allegiance the self-proclaimed caliphate demands.',
    forms: [
      { text: 'Muslims', form: 'name', count: 1 },
      { text: 'Muslim', form: 'name', count: 2 },
    ],
  },
  'syrian-civil-war': {
    kind: 'event',
    name: 'Syrian Civil War',
    description: 'The war in which opportunistic truces between groups have been common.',
    forms: [{ text: 'Syrian Civil War', form: 'name', count: 1 }],
  },

  // ── Unnamed sources and groups ────────────────────────────────────────────────────────────
  analysts: {
    kind: 'unnamed_group',
    name: 'analysts',
    description: 'Analysts tracking fundamentalist groups in the region and the world.',
    forms: [{ text: 'analysts', form: 'descriptor', count: 2 }],
  },
  'us-officials': {
    kind: 'unnamed_group',
    name: 'US officials',
    description: 'US officials worried about an al Qaeda–Islamic State reconciliation.',
    forms: [{ text: 'US officials', form: 'descriptor', count: 2 }],
  },
  'western-officials': {
    kind: 'unnamed_group',
    name: 'Western officials',
    description: 'Western officials whose fears the calls for reconciliation raise.',
    forms: [{ text: 'Western officials', form: 'descriptor', count: 1 }],
  },
  'western-observers': {
    kind: 'unnamed_group',
    name: 'Western observers',
    description: 'Western observers "more than worried" by a possible reconciliation.',
    forms: [{ text: 'Western observers', form: 'descriptor', count: 1 }],
  },
  critics: {
    kind: 'unnamed_group',
    name: 'critics',
    description:
      "Critics who predict the Islamic State's popularity depends on holding its caliphate.",
    forms: [{ text: 'critics', form: 'descriptor', count: 1 }],
  },
  'islamist-scholars': {
    kind: 'unnamed_group',
    name: 'Islamist scholars',
    description: 'Scholars who condemned the jihadi infighting; al-Maqdisi is the latest of them.',
    forms: [{ text: 'Islamist scholars', form: 'descriptor', count: 1 }],
  },
  'islamist-circles': {
    kind: 'unnamed_group',
    name: 'Islamist circles',
    description: 'Where calls for reconciliation have been mounting.',
    forms: [{ text: 'Islamist circles', form: 'descriptor', count: 1 }],
  },
  'local-commanders': {
    kind: 'unnamed_group',
    name: 'local commanders',
    description: 'Local commanders in Syria entering into local truces, per Joscelyn.',
    forms: [{ text: 'local commanders', form: 'descriptor', count: 1 }],
  },
  'foreign-fighters': {
    kind: 'unnamed_group',
    name: 'foreign fighters',
    description: 'Foreign jihadi fighters, disillusioned by jihadi-on-jihadi fighting per Levitt.',
    forms: [{ text: 'foreign fighters', form: 'descriptor', count: 1 }],
  },
  'prospective-recruits': {
    kind: 'unnamed_group',
    name: 'prospective recruits',
    description: 'Would-be recruits turned off by the infighting.',
    forms: [
      { text: 'prospective recruits', form: 'descriptor', count: 1 },
      { text: 'potential recruits', form: 'descriptor', count: 1 },
    ],
  },
  'religious-figures': {
    kind: 'unnamed_group',
    name: 'religious figures',
    description: 'Radical and moderate religious figures calling for reconciliation, per Levitt.',
    forms: [{ text: 'religious figures', form: 'descriptor', count: 1 }],
  },
  'international-community': {
    kind: 'unnamed_group',
    name: 'the international community',
    description: 'The states beginning to confront the Islamic State, per Levitt.',
    forms: [{ text: 'international community', form: 'descriptor', count: 1 }],
  },
};

export const annotations: ArticleAnnotations = {
  id: 'vice-aq-is-reconciliation',
  authorIds: ['alice-speri'],
  publisherId: 'vice-news',
  published: {
    status: 'unknown',
    note: 'The text gives no publication date; its banner says only "This story is over 5 years old."',
  },
  language: 'en',
  source: {
    origin:
      'VICE News article by Alice Speri, as plain text (claimscope seed article); no URL recorded',
    url: null,
  },
  blocks: [
    ['banner', 'This story is over'],
    ['headline', 'Al Qaeda Seems'],
    ['dek', 'Calls for a reconciliation'],
    ['photo_credit', 'Photo via AP'],
    ['paragraph', 'Remember when'],
    ['paragraph', 'As it turns out'],
    ['paragraph', 'That, at least'],
    ['related_link', 'Syrian al Qaeda leader'],
    ['paragraph', 'Al Qaeda is saying'],
    ['paragraph', 'A truce in Syria'],
    ['paragraph', '"De facto'],
    ['paragraph', '"Also in Qalamoun'],
    ['related_link', 'Al Qaeda accused'],
    ['paragraph', 'But a reconciliation'],
    ['paragraph', '"You are looking'],
    ['paragraph', '"At a certain point'],
    ['paragraph', 'On its end'],
    ['paragraph', 'That has Western'],
    ['paragraph', '"If they made'],
    ['paragraph', 'Internal fighting'],
    ['paragraph', 'Latest among them'],
    ['paragraph', 'But following recent'],
    ['paragraph', '"Don\'t rejoice'],
    ['paragraph', 'Calls for a united'],
    ['related_link', "Don't ask why"],
    ['paragraph', 'The image of a divided'],
    ['paragraph', '"A lot of people'],
    ['paragraph', 'But that may not'],
    ['related_link', 'Raqqa is being'],
    ['paragraph', 'ISIS was originally'],
    ['paragraph', '"Even more than'],
    ['paragraph', '"The void created'],
    ['paragraph', "It's not clear"],
    ['related_link', 'Pakistan Taliban spokesman'],
    ['paragraph', 'But boosted by'],
    ['paragraph', '"I don\'t think he feels'],
    ['paragraph', 'In fact any partnership'],
    ['paragraph', '"I don\'t think a true'],
    ['paragraph', '"They also want'],
    ['paragraph', 'That might eventually'],
    ['paragraph', 'What may also'],
    ['paragraph', '"Some people will'],
    ['related_link', 'Pentagon video'],
    ['footer', 'Follow Alice Speri'],
  ],
  entities,
  claims: {
    // Headline and dek, in the article's own voice.
    'claim-01': {
      kind: 'author_assertion',
      content: ['[[Al Qaeda Seems to Want to Be Best Friends with the Islamic State Again]]'],
      statement: 'Al Qaeda appears to want to be allied with the Islamic State again.',
      about: ['al-qaeda', 'islamic-state'],
      modality: 'hedged',
    },
    'claim-02': {
      kind: 'author_assertion',
      content: ['[[Calls for a reconciliation between...fears among Western officials.]]'],
      statement:
        'Calls in Islamist circles for al Qaeda and the Islamic State to reconcile have been mounting, raising fears among Western officials.',
      about: ['al-qaeda', 'islamic-state', 'islamist-circles', 'western-officials'],
    },
    'claim-03': {
      kind: 'author_assertion',
      content: [
        '[[al Qaeda publicly rejected the then-stateless...a little too much even for them]]?',
      ],
      statement:
        'Al Qaeda publicly rejected ISIS for disobeying its orders, and partly because of its beheadings and crucifixions.',
      about: ['al-qaeda', 'islamic-state'],
    },
    'claim-04': {
      kind: 'author_assertion',
      content: ['[[al Qaeda leaders might have jumped the gun with their squeamishness.]]'],
      statement: "Al Qaeda's leaders may have rejected the Islamic State too hastily.",
      about: ['al-qaeda-leaders', 'islamic-state'],
      modality: 'hedged',
    },
    'claim-05': {
      kind: 'author_assertion',
      content: ['[[They now want to be friends again]] —'],
      statement: "Al Qaeda's leaders now want to be friends with the Islamic State again.",
      about: ['al-qaeda-leaders', 'al-qaeda', 'islamic-state'],
      time: 'now',
    },
    'claim-06': {
      kind: 'author_assertion',
      content: [
        '[[the international Islamist network may be using...opportunity to make amends.]]',
      ],
      statement:
        'Al Qaeda may be using the US-led air strikes on the Islamic State as an opportunity to make amends with it.',
      about: ['al-qaeda', 'islamic-state', 'united-states'],
      modality: 'hedged',
    },
    'claim-07': {
      kind: 'indirect',
      source: 'a number of [[analysts]] tracking',
      speaker: 'analysts',
      channel: { kind: 'unspecified' },
      cue: 'world [[are observing]]',
      content: [
        '[[al Qaeda leaders might have jumped the gun with their squeamishness.]]',
        '[[They now want to be friends again...opportunity to make amends.]]',
      ],
      statement:
        'A number of analysts tracking fundamentalist groups observe that al Qaeda now wants to make amends with the Islamic State.',
      about: ['al-qaeda', 'islamic-state'],
      note: 'The content is the previous paragraph, which "That" refers back to.',
    },
    'claim-08': {
      kind: 'author_assertion',
      content: ['[[the prospect of a rekindled friendship...worried for a while]].'],
      statement:
        'The prospect of a renewed al Qaeda–Islamic State friendship has worried US officials for a while.',
      about: ['us-officials', 'al-qaeda', 'islamic-state'],
      time: 'for a while',
    },

    // Joscelyn, told the AP (the article relays another outlet's interview).
    'claim-09': {
      kind: 'indirect',
      source: '[[Tom Joscelyn]], who tracks',
      speaker: 'tom-joscelyn',
      channel: { kind: 'interview', outlet: 'associated-press' },
      cue: 'Journal, [[told the AP]], referring',
      content: ['[[Al Qaeda is saying, "Let\'s just have a truce in Syria,"]] Tom'],
      statement: 'Joscelyn says al Qaeda is proposing a truce in Syria with the Islamic State.',
      about: ['al-qaeda', 'islamic-state', 'syria'],
      note: "Joscelyn voices al Qaeda's position; the position itself is the nested claim-10.",
    },
    'claim-10': {
      kind: 'direct_quote',
      source: '[[Al Qaeda]] is saying',
      speaker: 'al-qaeda',
      channel: { kind: 'unspecified' },
      cue: 'Al Qaeda [[is saying]], "Let',
      content: ['"[[Let\'s just have a truce in Syria]],"'],
      statement: 'Al Qaeda proposes a truce in Syria.',
      about: ['islamic-state', 'nusra-front', 'syria'],
      parent: 'claim-09',
    },
    'claim-11': {
      kind: 'direct_quote',
      source: '[[Tom Joscelyn]], who tracks',
      continues: 'claim-09',
      cue: 'Journal, [[told the AP]], referring',
      content: ['"[[That is what\'s underway now…...not fighting.]]"'],
      statement:
        'Local truces between the Islamic State and Nusra are underway, and in some areas the two are not fighting.',
      about: ['islamic-state', 'nusra-front', 'local-commanders'],
      time: 'now',
    },
    'claim-12': {
      kind: 'author_assertion',
      content: ['[[fighting between Islamic State militants and...quite a bit in common]].'],
      statement:
        'Islamic State militants have been fighting the al Qaeda-backed Nusra Front, with which they have much in common.',
      about: ['islamic-state', 'nusra-front', 'al-qaeda'],
    },

    // The author on why a truce suits the Islamic State.
    'claim-13': {
      kind: 'author_assertion',
      content: ['[[A truce in Syria seems to make sense for Islamic State militants]],'],
      statement: 'A truce in Syria appears to suit the Islamic State.',
      about: ['islamic-state', 'syria'],
      modality: 'hedged',
    },
    'claim-14': {
      kind: 'author_assertion',
      content: ['[[spread thin across multiple fronts...Western weapons and airpower]].'],
      statement:
        'The Islamic State is spread thin, fighting Syrian forces, Nusra, other rebels, and Syrian and Iraqi Kurds backed by Western weapons and airpower.',
      about: ['islamic-state', 'assad-regime', 'nusra-front', 'syrian-rebels', 'kurds', 'the-west'],
      time: 'now',
    },
    'claim-15': {
      kind: 'author_assertion',
      content: ['[[opportunistic truces have been a part...partnerships of convenience]].'],
      statement:
        'Opportunistic truces and shifting partnerships between fighting groups have long been part of the Syrian Civil War.',
      about: ['syrian-civil-war'],
      time: 'for awhile',
    },

    // al-Tamimi, told VICE News.
    'claim-16': {
      kind: 'direct_quote',
      source: '[[Aymenn Jawad al-Tamimi]], who has',
      speaker: 'aymenn-jawad-al-tamimi',
      channel: { kind: 'interview', outlet: 'vice-news' },
      cue: 'groups, [[told VICE News]]. "For',
      content: ['"[[De facto truces have been around...other jihadi groups in Syria]],"'],
      statement:
        'De facto truces between the Islamic State and other jihadi groups in Syria have existed for some time.',
      about: ['islamic-state', 'syria'],
      time: 'for some time',
    },
    'claim-17': {
      kind: 'direct_quote',
      source: '[[Aymenn Jawad al-Tamimi]], who has',
      continues: 'claim-16',
      cue: 'groups, [[told VICE News]]. "For',
      content: ['"[[For example, most of the jihadi groups...fighting IS on the ground.]]"'],
      statement:
        'Most Syrian jihadi groups other than Nusra, such as Jabhat Ansar al-Din, have avoided the al Qaeda–Islamic State dispute.',
      about: ['jabhat-ansar-al-din', 'nusra-front', 'al-qaeda', 'islamic-state'],
    },
    'claim-18': {
      kind: 'direct_quote',
      source: 'caliphate\'," [[he]] added',
      continues: 'claim-17',
      cue: '," [[he added]].\n\nAl Qaeda accused',
      content: ['"[[Also in Qalamoun, Nusra and IS...end goal of a caliphate\']],"'],
      statement:
        'In Qalamoun, Nusra and the Islamic State have worked together since January in a joint initiative.',
      about: ['nusra-front', 'islamic-state', 'qalamoun', 'qalamoun-initiative'],
      time: 'since January',
    },
    'claim-19': {
      kind: 'direct_quote',
      source: 'as part of an [[initiative]] of',
      speaker: 'qalamoun-initiative',
      channel: { kind: 'unspecified' },
      content: ["'[[different politics but same end goal of a caliphate]]'"],
      statement:
        'Nusra and the Islamic State differ in politics but share the goal of a caliphate.',
      about: ['nusra-front', 'islamic-state'],
      parent: 'claim-18',
      note: "The motto of the Qalamoun initiative, quoted inside al-Tamimi's quote; no one is named as its author.",
    },

    'claim-20': {
      kind: 'indirect',
      source: ', [[analysts]] suggest',
      speaker: 'analysts',
      channel: { kind: 'unspecified', cue: 'analysts suggest' },
      cue: 'analysts [[suggest]].',
      content: ['[[But a reconciliation would be...for al Qaeda as well]], analysts'],
      statement:
        'A reconciliation would be symbolically important globally and strategically important in Syria, and would benefit al Qaeda too.',
      about: ['al-qaeda', 'islamic-state', 'syria'],
      modality: 'prediction',
    },

    // Sanderson, told VICE News.
    'claim-21': {
      kind: 'direct_quote',
      source: '[[Tom Sanderson]], co-director',
      speaker: 'tom-sanderson',
      channel: { kind: 'interview', outlet: 'vice-news' },
      cue: 'Studies, [[told VICE News]]. "If',
      content: ['"[[You are looking at this group...so you can\'t ignore it]],"'],
      statement:
        'The Islamic State is gaining ground, land, funding and fighters and leads global jihad, so al Qaeda cannot ignore it.',
      about: ['islamic-state', 'al-qaeda'],
    },
    'claim-22': {
      kind: 'direct_quote',
      source: 'hammer ISIS," [[he]] added',
      continues: 'claim-21',
      cue: 'ISIS," [[he added]].',
      content: [
        '"[[If you denigrate it in any way...the al Qaeda core does.]]',
        '"[[At a certain point it becomes...to continue to hammer ISIS]],"',
      ],
      statement:
        'Attacking the Islamic State, which shares its principles, becomes self-defeating for al Qaeda.',
      about: ['al-qaeda', 'islamic-state'],
      note: 'One quotation over two paragraphs: the first paragraph has no closing quotation mark.',
    },
    'claim-23': {
      kind: 'direct_quote',
      source: 'hammer ISIS," [[he]] added',
      continues: 'claim-22',
      cue: 'ISIS," [[he added]].',
      content: ['"[[As time goes on they see the reality...no choice but to support them.]]"'],
      statement:
        'As time goes on, al Qaeda will see that the Islamic State is the center of gravity of Sunni jihadism and will have to support it.',
      about: ['al-qaeda', 'islamic-state', 'sunni-muslims'],
      modality: 'prediction',
      time: 'As time goes on',
    },

    'claim-24': {
      kind: 'author_assertion',
      content: ['[[al Qaeda can boost the Islamic State...funding sources and intelligence.]]'],
      statement:
        'Al Qaeda could strengthen the Islamic State with experienced fighters and its connections to funding and intelligence.',
      about: ['al-qaeda', 'islamic-state'],
    },
    'claim-25': {
      kind: 'author_assertion',
      content: ['[[That has Western observers more than worried.]]'],
      statement: 'The prospect of reconciliation worries Western observers.',
      about: ['western-observers'],
    },
    'claim-26': {
      kind: 'author_assertion',
      content: ['[[US officials have long entertained...now that that seems closer]],'],
      statement:
        'US officials have long considered a reconciliation possible, and it now seems closer.',
      about: ['us-officials', 'al-qaeda', 'islamic-state'],
      modality: 'hedged',
      time: 'long',
    },
    'claim-27': {
      kind: 'indirect',
      source: 'closer, [[they]] worry',
      speaker: 'us-officials',
      channel: { kind: 'unspecified', cue: 'they worry' },
      cue: 'closer, they [[worry]] about',
      content: [
        "worry about [[an al Qaeda/Islamic State's coalition capability...beyond the region]].",
      ],
      statement:
        'US officials worry that a combined al Qaeda–Islamic State could strike targets beyond the region.',
      about: ['al-qaeda', 'islamic-state'],
      modality: 'speculative',
    },
    'claim-28': {
      kind: 'direct_quote',
      source: '[[Sanderson]] said',
      continues: 'claim-23',
      cue: '," [[Sanderson said]].\n\nInternal',
      content: ['"[[If they made a declaration...they would conduct attacks, I\'m sure]],"'],
      statement:
        'If al Qaeda and the Islamic State declared a united front, they would conduct attacks to show their relevance.',
      about: ['al-qaeda', 'islamic-state'],
      modality: 'prediction',
    },

    // Infighting, the scholars and al-Maqdisi.
    'claim-29': {
      kind: 'author_assertion',
      content: ['[[Internal fighting — particularly...a number of Islamist scholars.]]'],
      statement:
        'Fighting between the Islamic State and Nusra has deterred recruits, disillusioned fighters and drawn condemnation from Islamist scholars.',
      about: ['islamic-state', 'nusra-front', 'prospective-recruits', 'islamist-scholars'],
    },
    'claim-30': {
      kind: 'author_assertion',
      content: ['[[Latest among them was Abu Muhammad al-Maqdisi...spiritual guides.]]'],
      statement:
        "Abu Muhammad al-Maqdisi, considered one of al Qaeda's most influential spiritual guides, is the latest scholar to condemn the infighting.",
      about: ['abu-muhammad-al-maqdisi', 'al-qaeda'],
    },
    'claim-31': {
      kind: 'author_assertion',
      content: ['[[Al-Maqdisi, a mentor of...with their brutality.]]'],
      statement:
        'Al-Maqdisi, mentor of al-Zarqawi, had earlier denounced the Islamic State for its brutality.',
      about: ['abu-muhammad-al-maqdisi', 'abu-musab-al-zarqawi', 'islamic-state'],
    },
    'claim-32': {
      kind: 'direct_quote',
      source: '[[Al-Maqdisi]], a mentor',
      speaker: 'abu-muhammad-al-maqdisi',
      channel: { kind: 'unspecified' },
      cue: 'State, [[accusing]] its members',
      content: ['"[[smearing the reputation]]"'],
      statement:
        "Al-Maqdisi accused the Islamic State's members of smearing the reputation of global jihadist movements.",
      about: ['islamic-state'],
      parent: 'claim-31',
    },
    'claim-33': {
      kind: 'author_assertion',
      content: ['[[following recent US-led strikes...reconciliation within jihadi ranks.]]'],
      statement:
        'After the US-led strikes, al-Maqdisi softened his stance and called for reconciliation among jihadis.',
      about: ['abu-muhammad-al-maqdisi', 'islamic-state', 'al-qaeda', 'united-states'],
      time: 'recent',
    },
    'claim-34': {
      kind: 'author_assertion',
      content: [
        '[[He was arrested in Jordan earlier this week]] —',
        '— [[and accused of using the internet to incite terrorism.]]',
      ],
      statement:
        'Al-Maqdisi was arrested in Jordan this week and accused of using the internet to incite terrorism.',
      about: ['abu-muhammad-al-maqdisi', 'jordan'],
      time: 'earlier this week',
      note: "The accuser is not named (implicitly the Jordanian authorities), so the accusation stays inside the author's claim.",
    },
    // A claim of its own so that its time expression ("five years") is kept: one per claim.
    'claim-70': {
      kind: 'author_assertion',
      content: ['[[after spending five years in jail on various terrorism charges]]'],
      statement: 'Al-Maqdisi had already spent five years in jail on terrorism charges.',
      about: ['abu-muhammad-al-maqdisi'],
      time: 'five years',
    },
    'claim-35': {
      kind: 'direct_quote',
      source: '[[Maqdisi]] wrote in a recent letter',
      speaker: 'abu-muhammad-al-maqdisi',
      channel: { kind: 'letter' },
      cue: 'Maqdisi [[wrote in a recent letter]]',
      content: ['"[[Don\'t rejoice when one side...aggression of crusaders]],"'],
      statement:
        'Jihadis should not rejoice when a rival jihadi group suffers from Western attacks.',
      about: ['al-qaeda', 'islamic-state', 'us-led-coalition'],
      time: 'recent',
    },

    // The AP on al Qaeda's Yemen-based offshoot.
    'claim-36': {
      kind: 'indirect',
      source: '[[the AP]] reported',
      speaker: 'associated-press',
      channel: { kind: 'report', outlet: 'associated-press' },
      cue: 'enemy, [[the AP reported]].',
      content: ['[[Calls for a united jihadi front...fending off their common enemy]], the AP'],
      statement:
        'Al Qaeda affiliates in the Middle East, recently including its Yemen-based offshoot, have called for a united jihadi front.',
      about: ['al-qaeda', 'al-qaeda-in-the-arabian-peninsula', 'middle-east'],
      time: 'more recently',
    },
    'claim-37': {
      kind: 'indirect',
      source: "[[the group's Yemen-based offshoot]] denounced",
      speaker: 'al-qaeda-in-the-arabian-peninsula',
      channel: { kind: 'unspecified' },
      cue: 'offshoot [[denounced]] US',
      content: ['[[denounced US airstrikes and called on rival groups...common enemy]], the AP'],
      statement:
        "Al Qaeda's Yemen-based offshoot denounced US airstrikes and urged rival groups to stop infighting against their common enemy.",
      about: ['united-states', 'islamic-state', 'al-qaeda'],
      parent: 'claim-36',
    },

    // Levitt, told VICE News.
    'claim-38': {
      kind: 'indirect',
      source: '[[Matthew Levitt]], director',
      speaker: 'matthew-levitt',
      channel: { kind: 'interview', outlet: 'vice-news' },
      cue: 'Intelligence, [[told VICE News]]. And',
      content: [
        '[[The image of a divided front is also confusing and discouraging potential recruits]],',
      ],
      statement: 'The image of a divided jihadi front confuses and discourages potential recruits.',
      about: ['prospective-recruits', 'islamic-state', 'al-qaeda'],
    },
    'claim-39': {
      kind: 'author_assertion',
      content: ['[[while flocks of fighters have left the Nusra files...seep into both groups]].'],
      statement:
        'Many fighters have left Nusra for the Islamic State, but doubts are growing in both groups.',
      about: ['nusra-front', 'islamic-state'],
    },
    'claim-40': {
      kind: 'direct_quote',
      source: 'jihadi-on-jihadi-fighting," [[Levitt]] said',
      continues: 'claim-38',
      cue: 'fighting," [[Levitt said]]. "It',
      content: ['"[[A lot of people who have gone to fight...jihadi-on-jihadi-fighting]],"'],
      statement:
        'Many fighters, foreign fighters in particular, are disillusioned by jihadi infighting.',
      about: ['foreign-fighters'],
    },
    'claim-41': {
      kind: 'direct_quote',
      source: 'jihadi-on-jihadi-fighting," [[Levitt]] said',
      continues: 'claim-40',
      cue: 'fighting," [[Levitt said]]. "It',
      content: ['"[[It\'s not in the least surprising...some kind of reconciliation.]]"'],
      statement: 'Appeals for reconciliation are unsurprising.',
      about: ['al-qaeda', 'islamic-state'],
    },

    // The breakup.
    'claim-42': {
      kind: 'author_assertion',
      content: ['[[But that may not be so easy.]]'],
      statement: 'A reconciliation may not be easy.',
      about: ['al-qaeda', 'islamic-state'],
      modality: 'hedged',
    },
    'claim-43': {
      kind: 'author_assertion',
      content: ['[[From the beginning, there was also...different levels of gruesomeness.]]'],
      statement:
        'The break between al Qaeda and the Islamic State was about more than their different levels of brutality from the start.',
      about: ['al-qaeda', 'islamic-state'],
      time: 'From the beginning',
    },
    'claim-44': {
      kind: 'author_assertion',
      content: [
        '[[ISIS was originally born as an Iraq-based al Qaeda offshoot...neighboring Syria.]]',
      ],
      statement:
        'ISIS began as an Iraqi offshoot of al Qaeda, and its leaders took refuge in the power vacuum of war-torn Syria.',
      about: ['islamic-state', 'al-qaeda', 'iraq', 'syria'],
    },
    'claim-45': {
      kind: 'author_assertion',
      content: ['[[There, al Qaeda was already backing...core leadership.]]'],
      statement:
        "Al Qaeda already backed rebels fighting Assad in Syria, and as ISIS grew powerful it became less willing to follow al Qaeda's leadership.",
      about: ['al-qaeda', 'syrian-rebels', 'assad-regime', 'islamic-state', 'al-qaeda-leaders'],
    },
    'claim-46': {
      kind: 'direct_quote',
      source: 'al-Zawahiri," [[Levitt]] said',
      continues: 'claim-41',
      cue: 'al-Zawahiri," [[Levitt said]], referring',
      content: ['"[[Even more than their methods...commands of Ayman al-Zawahiri]],"'],
      statement:
        "The main cause of the split was ISIS's refusal to obey Ayman al-Zawahiri, more than its methods.",
      about: ['islamic-state', 'ayman-al-zawahiri', 'al-qaeda'],
    },
    'claim-47': {
      kind: 'direct_quote',
      source: 'al-Zawahiri," [[Levitt]] said',
      continues: 'claim-46',
      cue: 'al-Zawahiri," [[Levitt said]], referring',
      content: ['"[[When Zawahiri said...Baghdadi said \'No.\']]"'],
      statement:
        'When Zawahiri ordered ISIS back to Iraq and named Nusra his element in Syria, Baghdadi refused.',
      about: ['ayman-al-zawahiri', 'abu-bakr-al-baghdadi', 'nusra-front', 'islamic-state'],
    },
    'claim-48': {
      kind: 'direct_quote',
      source: 'When [[Zawahiri]] said',
      speaker: 'ayman-al-zawahiri',
      channel: { kind: 'unspecified' },
      cue: 'When [[Zawahiri said]]',
      content: ["'[[you have two different al Qaeda affiliated elements...to return to Iraq,]]'"],
      statement:
        'Zawahiri wanted Jabhat al-Nusra to be his element in Syria and al Qaeda in Iraq (ISIS) to return to Iraq.',
      about: ['nusra-front', 'islamic-state', 'syria', 'iraq'],
      parent: 'claim-47',
      note: 'The bracketed "[ISIS]" is an editorial gloss inside the quotation; it is kept verbatim.',
    },
    'claim-49': {
      kind: 'direct_quote',
      source: "[[Baghdadi]] said 'No.'",
      speaker: 'abu-bakr-al-baghdadi',
      channel: { kind: 'unspecified' },
      cue: "[[Baghdadi said]] 'No.'",
      content: ["'[[No.]]'"],
      statement: "Baghdadi refused Zawahiri's order.",
      about: ['ayman-al-zawahiri'],
      parent: 'claim-47',
      modality: 'denial',
      polarity: 'negative',
    },
    'claim-50': {
      kind: 'direct_quote',
      source: 'at the time," [[he]] added',
      continues: 'claim-47',
      cue: 'time," [[he added]].',
      content: [
        '"[[The void created in Syria was a godsend...as they were known at the time]],"',
        '"[[There they were able to resurrect...crossed back into Iraq.]]"',
      ],
      statement:
        'The void in Syria let the group then called al Qaeda in Iraq rebuild its capabilities and return into Iraq.',
      about: ['islamic-state', 'syria', 'iraq'],
      time: 'at the time',
    },
    'claim-51': {
      kind: 'author_assertion',
      content: [
        "[[It's not clear that the Islamic State ever accepted al Qaeda's call to make amends.]]",
      ],
      statement:
        "It is unclear whether the Islamic State ever accepted al Qaeda's call to make amends.",
      about: ['islamic-state', 'al-qaeda'],
      modality: 'hedged',
    },
    'claim-52': {
      kind: 'author_assertion',
      content: ["[[It's also not clear that a call was formally extended...to start with.]]"],
      statement:
        "It is unclear whether al Qaeda's core leadership ever formally called for reconciliation.",
      about: ['al-qaeda-leaders', 'al-qaeda'],
      modality: 'hedged',
    },

    // Baghdadi's authority.
    'claim-53': {
      kind: 'author_assertion',
      content: ['[[But boosted by some tactical successes...willing to relinquish authority.]]'],
      statement:
        "The Islamic State's leadership, especially al-Baghdadi, may be unwilling to give up authority.",
      about: ['islamic-state-leaders', 'abu-bakr-al-baghdadi', 'islamic-state'],
      modality: 'hedged',
    },
    'claim-54': {
      kind: 'author_assertion',
      content: ['[[The group has already won pledges of support...some Taliban in Pakistan]] —'],
      statement:
        'The Islamic State has won pledges of support from groups as distant as Boko Haram and some Pakistani Taliban.',
      about: ['islamic-state', 'boko-haram', 'pakistan-taliban'],
    },
    'claim-55': {
      kind: 'indirect',
      source: 'though [[critics]] predict',
      speaker: 'critics',
      channel: { kind: 'unspecified', cue: 'critics predict' },
      cue: 'critics [[predict]] its',
      content: ['predict [[its popularity will only last...the caliphate they established]].'],
      statement: "The Islamic State's popularity will last only as long as it holds its caliphate.",
      about: ['islamic-state'],
      modality: 'prediction',
    },
    'claim-56': {
      kind: 'direct_quote',
      source: '[[Levitt]] said, speaking of al-Baghdadi',
      continues: 'claim-50',
      cue: '," [[Levitt said, speaking of al-Baghdadi]].',
      content: ['"[[I don\'t think he feels the need to compromise with anybody]],"'],
      statement: 'Al-Baghdadi does not feel any need to compromise.',
      about: ['abu-bakr-al-baghdadi'],
      polarity: 'negative',
    },
    'claim-57': {
      kind: 'direct_quote',
      source: '[[Levitt]] said, speaking of al-Baghdadi',
      continues: 'claim-56',
      cue: '," [[Levitt said, speaking of al-Baghdadi]].',
      content: ['"[[He is the caliph, end of the discussion...including Ayman al-Zawahiri.]]"'],
      statement:
        'Al-Baghdadi sees himself as the caliph whom everyone, including Zawahiri, must accept.',
      about: ['abu-bakr-al-baghdadi', 'ayman-al-zawahiri'],
    },
    'claim-58': {
      kind: 'author_assertion',
      content: ['[[In fact any partnership with groups...existential questions for the group.]]'],
      statement:
        'Partnering with groups that do not submit to it could raise existential questions for the Islamic State.',
      about: ['islamic-state'],
      modality: 'hedged',
    },
    'claim-59': {
      kind: 'direct_quote',
      source: 'Muslims," [[al-Tamimi]] said',
      continues: 'claim-18',
      cue: '," [[al-Tamimi said]].',
      content: ['"[[I don\'t think a true reconciliation is possible...from all Muslims]],"'],
      statement:
        "A true reconciliation is not possible, because it would negate the Islamic State's claim to be a caliphate owed allegiance by all Muslims.",
      about: ['islamic-state', 'al-qaeda', 'muslims'],
      polarity: 'negative',
    },
    'claim-60': {
      kind: 'direct_quote',
      source: 'Muslims," [[al-Tamimi]] said',
      continues: 'claim-59',
      cue: '," [[al-Tamimi said]].',
      content: [
        '"[[There\'s no allowance for maintaining an independent group...under the caliphate.]]"',
      ],
      statement: 'The caliphate allows no independent groups; all must submit to it.',
      about: ['islamic-state'],
    },
    'claim-61': {
      kind: 'direct_quote',
      source: '[[Sanderson]] added',
      continues: 'claim-28',
      cue: '," [[Sanderson added]].',
      content: ['"[[They also want to maintain the image...global jihadi movement]],"'],
      statement: 'The Islamic State wants to keep the image of leading the global jihadi movement.',
      about: ['islamic-state'],
    },
    'claim-62': {
      kind: 'direct_quote',
      source: '[[Sanderson]] added',
      continues: 'claim-61',
      cue: '," [[Sanderson added]].',
      content: ['"[[They\'re certainly not going to come under...see themselves as collegial.]]"'],
      statement:
        'The Islamic State will not submit to al Qaeda leadership; at most it will treat al Qaeda as a peer.',
      about: ['islamic-state', 'al-qaeda-leaders'],
      modality: 'prediction',
      polarity: 'negative',
    },
    'claim-63': {
      kind: 'author_assertion',
      content: ['[[That might eventually change.]]'],
      statement: "Al-Baghdadi's refusal to compromise might change.",
      about: ['abu-bakr-al-baghdadi'],
      modality: 'hedged',
      time: 'eventually',
    },
    'claim-64': {
      kind: 'direct_quote',
      source: 'shift," [[Levitt]] said',
      continues: 'claim-57',
      cue: 'shift," [[Levitt said]]. "When',
      content: ['"[[The reality on the ground may make him shift]],"'],
      statement: 'Conditions on the ground may make al-Baghdadi change his position.',
      about: ['abu-bakr-al-baghdadi'],
      modality: 'hedged',
    },
    'claim-65': {
      kind: 'direct_quote',
      source: 'shift," [[Levitt]] said',
      continues: 'claim-64',
      cue: 'shift," [[Levitt said]]. "When',
      content: ['"[[When you have many, many religious figures...that may take a toll.]]"'],
      statement:
        'Calls for reconciliation from many religious figures, including radical jihadis, may take a toll.',
      about: ['religious-figures', 'abu-bakr-al-baghdadi'],
      modality: 'hedged',
    },
    'claim-66': {
      kind: 'author_assertion',
      content: ['[[What may also take a toll is the impact of coalition strikes]]'],
      statement: 'The coalition strikes may also push the Islamic State toward reconciliation.',
      about: ['us-led-coalition', 'islamic-state'],
      modality: 'hedged',
    },
    'claim-67': {
      kind: 'indirect',
      source: 'strikes [[Islamic State leaders]] insist',
      speaker: 'islamic-state-leaders',
      channel: { kind: 'unspecified' },
      cue: 'leaders [[insist]] are',
      content: ['insist [[are not affecting their capabilities in any serious way]].'],
      statement:
        "The coalition strikes are not seriously affecting the Islamic State's capabilities.",
      about: ['us-led-coalition', 'islamic-state'],
      modality: 'denial',
      polarity: 'negative',
      note: 'Contested: the author sets this insistence against the toll the strikes "may" take.',
    },
    'claim-68': {
      kind: 'direct_quote',
      source: 'rolled back," [[Levitt]] said',
      continues: 'claim-65',
      cue: 'back," [[Levitt said]]. "And',
      content: [
        '"[[Some people will be very quick to say...going to be slowed if not rolled back]],"',
      ],
      statement:
        "Now that the international community is confronting it, the Islamic State's success will be slowed or reversed.",
      about: ['islamic-state', 'international-community'],
      modality: 'prediction',
    },
    'claim-69': {
      kind: 'direct_quote',
      source: 'rolled back," [[Levitt]] said',
      continues: 'claim-68',
      cue: 'back," [[Levitt said]]. "And',
      content: ['"[[And since much of its support has come from its success...its allure.]]"'],
      statement:
        'The Islamic State will begin to lose its allure, since its support comes from its success.',
      about: ['islamic-state'],
      modality: 'prediction',
    },
  },
  links: {
    'link-01': {
      from: 'claim-07',
      kind: 'supports',
      to: 'claim-05',
      note: 'The article grounds its claim that al Qaeda wants to make amends in what analysts observe.',
    },
    'link-02': {
      from: 'claim-11',
      kind: 'supports',
      to: 'claim-05',
      note: 'Joscelyn reports local truces already underway, evidence of a rapprochement.',
    },
    'link-03': {
      from: 'claim-16',
      kind: 'supports',
      to: 'claim-11',
      note: 'Al-Tamimi independently describes de facto truces between the Islamic State and other groups.',
    },
    'link-04': {
      from: 'claim-18',
      kind: 'supports',
      to: 'claim-11',
      note: 'Nusra and the Islamic State working together in Qalamoun is an instance of a local truce.',
    },
    'link-05': {
      from: 'claim-11',
      kind: 'qualifies',
      to: 'claim-12',
      note: 'The two groups fight, but not everywhere: local truces hold in some areas.',
    },
    'link-06': {
      from: 'claim-14',
      kind: 'supports',
      to: 'claim-13',
      note: 'Being spread thin across many fronts is why a truce suits the Islamic State.',
    },
    'link-07': {
      from: 'claim-15',
      kind: 'supports',
      to: 'claim-16',
      note: 'Opportunistic truces are common in the Syrian war, which makes de facto truces plausible.',
    },
    'link-08': {
      from: 'claim-59',
      kind: 'contradicts',
      to: 'claim-23',
      note: 'Al-Tamimi holds a true reconciliation impossible; Sanderson expects al Qaeda to end up supporting the Islamic State.',
    },
    'link-09': {
      from: 'claim-59',
      kind: 'qualifies',
      to: 'claim-16',
      note: 'Al-Tamimi sees de facto truces but no possible true reconciliation.',
    },
    'link-10': {
      from: 'claim-60',
      kind: 'supports',
      to: 'claim-59',
      note: 'The caliphate allows no independent group, which is why reconciliation is impossible.',
    },
    'link-11': {
      from: 'claim-62',
      kind: 'qualifies',
      to: 'claim-23',
      note: 'Sanderson expects al Qaeda to support the Islamic State, but the Islamic State will not submit to al Qaeda.',
    },
    'link-12': {
      from: 'claim-21',
      kind: 'supports',
      to: 'claim-23',
      note: "The Islamic State's success is why al Qaeda cannot ignore it and will have to support it.",
    },
    'link-13': {
      from: 'claim-22',
      kind: 'supports',
      to: 'claim-23',
      note: 'Attacking a group with the same principles is self-defeating, so support follows.',
    },
    'link-14': {
      from: 'claim-24',
      kind: 'supports',
      to: 'claim-20',
      note: 'What al Qaeda can offer the Islamic State shows the strategic stakes of a reconciliation.',
    },
    'link-15': {
      from: 'claim-28',
      kind: 'supports',
      to: 'claim-27',
      note: 'Sanderson predicts attacks by a united front, the capability US officials worry about.',
    },
    'link-16': {
      from: 'claim-33',
      kind: 'supports',
      to: 'claim-02',
      note: "Al-Maqdisi's call for reconciliation is one of the mounting calls.",
    },
    'link-17': {
      from: 'claim-35',
      kind: 'supports',
      to: 'claim-33',
      note: "Al-Maqdisi's letter is the text of his softened stance.",
    },
    'link-18': {
      from: 'claim-36',
      kind: 'supports',
      to: 'claim-02',
      note: "The Yemen-based offshoot's call is another call for a united jihadi front.",
    },
    'link-19': {
      from: 'claim-40',
      kind: 'supports',
      to: 'claim-29',
      note: 'Levitt confirms that the infighting disillusions fighters.',
    },
    'link-20': {
      from: 'claim-38',
      kind: 'supports',
      to: 'claim-29',
      note: 'Levitt confirms that the divided front discourages recruits.',
    },
    'link-21': {
      from: 'claim-41',
      kind: 'supports',
      to: 'claim-02',
      note: 'Levitt finds the appeals for reconciliation unsurprising.',
    },
    'link-22': {
      from: 'claim-42',
      kind: 'qualifies',
      to: 'claim-05',
      note: 'Al Qaeda may want reconciliation, but it may not be easy.',
    },
    'link-23': {
      from: 'claim-46',
      kind: 'supports',
      to: 'claim-43',
      note: 'Levitt names disobedience, more than methods, as the main cause of the split.',
    },
    'link-24': {
      from: 'claim-46',
      kind: 'supports',
      to: 'claim-03',
      note: 'Levitt agrees that disobeying orders was the main reason al Qaeda rejected ISIS.',
    },
    'link-25': {
      from: 'claim-47',
      kind: 'supports',
      to: 'claim-46',
      note: "Baghdadi's refusal of Zawahiri's order is the disobedience Levitt means.",
    },
    'link-26': {
      from: 'claim-51',
      kind: 'qualifies',
      to: 'claim-05',
      note: "Whether the Islamic State ever accepted al Qaeda's call is unclear.",
    },
    'link-27': {
      from: 'claim-52',
      kind: 'qualifies',
      to: 'claim-05',
      note: "It is not even clear that al Qaeda's core leadership formally extended a call.",
    },
    'link-28': {
      from: 'claim-56',
      kind: 'supports',
      to: 'claim-53',
      note: 'Levitt says al-Baghdadi feels no need to compromise.',
    },
    'link-29': {
      from: 'claim-57',
      kind: 'supports',
      to: 'claim-56',
      note: 'As caliph, al-Baghdadi admits no equal, Zawahiri included.',
    },
    'link-30': {
      from: 'claim-64',
      kind: 'qualifies',
      to: 'claim-56',
      note: 'Levitt allows that conditions on the ground may still make al-Baghdadi shift.',
    },
    'link-31': {
      from: 'claim-65',
      kind: 'supports',
      to: 'claim-64',
      note: 'Calls for reconciliation from religious figures are what may make him shift.',
    },
    'link-32': {
      from: 'claim-67',
      kind: 'contradicts',
      to: 'claim-66',
      note: 'Islamic State leaders insist the strikes are not hurting them; the author says they may take a toll.',
    },
    'link-33': {
      from: 'claim-68',
      kind: 'contradicts',
      to: 'claim-67',
      note: "Levitt expects the international pressure to slow or reverse the Islamic State's success.",
    },
    'link-34': {
      from: 'claim-55',
      kind: 'supports',
      to: 'claim-69',
      note: "Critics and Levitt agree that the Islamic State's appeal depends on its success.",
    },
    'link-35': {
      from: 'claim-58',
      kind: 'supports',
      to: 'claim-59',
      note: "The author and al-Tamimi agree that partnership clashes with the caliphate's claim to authority.",
    },
    'link-36': {
      from: 'claim-54',
      kind: 'supports',
      to: 'claim-53',
      note: "Pledges of support from distant groups strengthen al-Baghdadi's position against compromise.",
    },
    'link-37': {
      from: 'claim-39',
      kind: 'supports',
      to: 'claim-29',
      note: 'Doubts seeping into both groups are part of the disillusion the infighting breeds.',
    },
  },
  relations: {
    'rel-01': {
      subject: 'ayman-al-zawahiri',
      predicate: 'leader_of',
      object: 'al-qaeda',
      evidence: ["referring to [[al Qaeda's current leader]]."],
      assertedBy: 'author',
      role: 'current leader',
    },
    'rel-02': {
      subject: 'abu-bakr-al-baghdadi',
      predicate: 'leader_of',
      object: 'islamic-state',
      evidence: ["[[the Islamic State's leadership, and al-Baghdadi in particular]]"],
      assertedBy: 'author',
      certainty: 'implied',
    },
    'rel-03': {
      subject: 'abu-bakr-al-baghdadi',
      predicate: 'leader_of',
      object: 'islamic-state',
      evidence: ['[[He is the caliph]], end'],
      assertedBy: 'claim-57',
      role: 'caliph',
    },
    'rel-04': {
      subject: 'abu-musab-al-zarqawi',
      predicate: 'leader_of',
      object: 'al-qaeda',
      evidence: ["[[al Qaeda's late leader Abu Musab al-Zarqawi]]"],
      assertedBy: 'author',
      role: 'late leader',
      past: true,
      note: 'Recorded as the text states it. Historically al-Zarqawi led al Qaeda in Iraq, the forerunner of the Islamic State, not al Qaeda as a whole.',
    },
    'rel-05': {
      subject: 'abu-muhammad-al-maqdisi',
      predicate: 'mentor_of',
      object: 'abu-musab-al-zarqawi',
      evidence: ["[[Al-Maqdisi, a mentor of al Qaeda's late leader Abu Musab al-Zarqawi]]"],
      assertedBy: 'author',
    },
    'rel-06': {
      subject: 'abu-muhammad-al-maqdisi',
      predicate: 'affiliated_with',
      object: 'al-qaeda',
      evidence: ["[[considered one of al Qaeda's most influential spiritual guides]]"],
      assertedBy: 'author',
      role: 'spiritual guide',
    },
    'rel-07': {
      subject: 'abu-muhammad-al-maqdisi',
      predicate: 'arrested_in',
      object: 'jordan',
      evidence: ['[[He was arrested in Jordan earlier this week]]'],
      assertedBy: 'author',
      time: 'earlier this week',
    },
    'rel-08': {
      subject: 'tom-sanderson',
      predicate: 'works_for',
      object: 'transnational-threats-project',
      evidence: ['Tom Sanderson, [[co-director of the Transnational Threats Project]]'],
      assertedBy: 'author',
      role: 'co-director',
    },
    'rel-09': {
      subject: 'tom-sanderson',
      predicate: 'works_for',
      object: 'center-for-strategic-and-international-studies',
      evidence: [
        '[[co-director of the Transnational Threats Project at the Center for Strategic and International Studies]]',
      ],
      assertedBy: 'author',
      role: 'co-director of the Transnational Threats Project',
      certainty: 'implied',
    },
    'rel-10': {
      subject: 'transnational-threats-project',
      predicate: 'part_of',
      object: 'center-for-strategic-and-international-studies',
      evidence: [
        '[[Transnational Threats Project at the Center for Strategic and International Studies]]',
      ],
      assertedBy: 'author',
    },
    'rel-11': {
      subject: 'matthew-levitt',
      predicate: 'works_for',
      object: 'program-on-counterterrorism-and-intelligence',
      evidence: [
        "[[director of The Washington Institute's Program on Counterterrorism and Intelligence]]",
      ],
      assertedBy: 'author',
      role: 'director',
    },
    'rel-12': {
      subject: 'matthew-levitt',
      predicate: 'works_for',
      object: 'washington-institute',
      evidence: [
        "[[director of The Washington Institute's Program on Counterterrorism and Intelligence]]",
      ],
      assertedBy: 'author',
      role: 'director of the Program on Counterterrorism and Intelligence',
      certainty: 'implied',
    },
    'rel-13': {
      subject: 'program-on-counterterrorism-and-intelligence',
      predicate: 'part_of',
      object: 'washington-institute',
      evidence: ["[[The Washington Institute's Program on Counterterrorism and Intelligence]]"],
      assertedBy: 'author',
    },
    'rel-14': {
      subject: 'tom-joscelyn',
      predicate: 'works_for',
      object: 'long-war-journal',
      evidence: ['[[who tracks terror groups for the Long War Journal]]'],
      assertedBy: 'author',
      role: 'tracks terror groups',
    },
    'rel-15': {
      subject: 'mohammad-hannon',
      predicate: 'works_for',
      object: 'associated-press',
      evidence: ['[[Photo via AP/ Mohammad Hannon]]'],
      assertedBy: 'author',
      role: 'photographer',
      certainty: 'implied',
    },
    'rel-16': {
      subject: 'islamic-state',
      predicate: 'offshoot_of',
      object: 'al-qaeda',
      evidence: ['[[ISIS was originally born as an Iraq-based al Qaeda offshoot]]'],
      assertedBy: 'author',
      past: true,
    },
    'rel-17': {
      subject: 'islamic-state',
      predicate: 'based_in',
      object: 'iraq',
      evidence: ['born as an [[Iraq-based]] al Qaeda'],
      assertedBy: 'author',
      past: true,
    },
    'rel-18': {
      subject: 'al-qaeda-in-the-arabian-peninsula',
      predicate: 'offshoot_of',
      object: 'al-qaeda',
      evidence: [
        "[[al Qaeda affiliates elsewhere in the Middle East, including more recently when the group's Yemen-based offshoot]]",
      ],
      assertedBy: 'author',
    },
    'rel-19': {
      subject: 'al-qaeda-in-the-arabian-peninsula',
      predicate: 'based_in',
      object: 'yemen',
      evidence: ["the group's [[Yemen-based offshoot]]"],
      assertedBy: 'author',
    },
    'rel-20': {
      subject: 'al-qaeda',
      predicate: 'backs',
      object: 'nusra-front',
      evidence: ['the [[al Qaeda-backed Nusra Front]]'],
      assertedBy: 'author',
    },
    'rel-21': {
      subject: 'nusra-front',
      predicate: 'affiliated_with',
      object: 'al-qaeda',
      evidence: ['[[I want Jabhat al Nusra to be my element in Syria]]'],
      assertedBy: 'claim-48',
      role: 'element in Syria',
    },
    'rel-22': {
      subject: 'islamic-state',
      predicate: 'affiliated_with',
      object: 'al-qaeda',
      evidence: ['[[you have two different al Qaeda affiliated elements fighting in Syria]]'],
      assertedBy: 'claim-48',
      past: true,
    },
    'rel-23': {
      subject: 'al-qaeda',
      predicate: 'backs',
      object: 'syrian-rebels',
      evidence: ['[[al Qaeda was already backing the work of some rebels]]'],
      assertedBy: 'author',
    },
    'rel-24': {
      subject: 'syrian-rebels',
      predicate: 'in_conflict_with',
      object: 'assad-regime',
      evidence: ['[[some rebels fighting the regime of Bashar al-Assad]]'],
      assertedBy: 'author',
    },
    'rel-25': {
      subject: 'bashar-al-assad',
      predicate: 'leader_of',
      object: 'assad-regime',
      evidence: ['[[the regime of Bashar al-Assad]]'],
      assertedBy: 'author',
      certainty: 'implied',
    },
    'rel-26': {
      subject: 'islamic-state',
      predicate: 'in_conflict_with',
      object: 'nusra-front',
      evidence: [
        '[[fighting between Islamic State militants and the al Qaeda-backed Nusra Front]]',
        '[[Internal fighting — particularly between Islamic Sate and Nusra members]]',
      ],
      assertedBy: 'author',
    },
    'rel-27': {
      subject: 'nusra-front',
      predicate: 'truce_with',
      object: 'islamic-state',
      evidence: ['[[in Qalamoun, Nusra and IS have been working together since January]]'],
      assertedBy: 'claim-18',
      time: 'since January',
      note: 'Local to Qalamoun.',
    },
    'rel-28': {
      subject: 'nusra-front',
      predicate: 'truce_with',
      object: 'islamic-state',
      evidence: [
        '[[local commanders are entering into local truces. There are definitely areas where the two groups are not fighting]].',
      ],
      assertedBy: 'claim-11',
      certainty: 'implied',
      note: 'Local truces; "the two groups" are the Islamic State and Nusra of the preceding sentence.',
    },
    'rel-29': {
      subject: 'islamic-state',
      predicate: 'in_conflict_with',
      object: 'kurds',
      evidence: ['[[engaged in a bloody battle with Syrian and Iraqi Kurds]]'],
      assertedBy: 'author',
    },
    'rel-30': {
      subject: 'islamic-state',
      predicate: 'in_conflict_with',
      object: 'assad-regime',
      evidence: ['[[in addition to Syrian forces]]'],
      assertedBy: 'author',
    },
    'rel-31': {
      subject: 'islamic-state',
      predicate: 'in_conflict_with',
      object: 'syrian-rebels',
      evidence: ['[[and other rebel groups]]'],
      assertedBy: 'author',
    },
    'rel-32': {
      subject: 'the-west',
      predicate: 'backs',
      object: 'kurds',
      evidence: ['[[Kurds aided by Western weapons and airpower]]'],
      assertedBy: 'author',
    },
    'rel-33': {
      subject: 'united-states',
      predicate: 'in_conflict_with',
      object: 'islamic-state',
      evidence: ["[[the US and its allies' air strikes on the Islamic State]]"],
      assertedBy: 'author',
    },
    'rel-34': {
      subject: 'us-led-coalition',
      predicate: 'in_conflict_with',
      object: 'islamic-state',
      evidence: ['[[coalition strikes Islamic State leaders insist]]'],
      assertedBy: 'author',
    },
    'rel-35': {
      subject: 'al-qaeda',
      predicate: 'in_conflict_with',
      object: 'islamic-state',
      evidence: [
        '[[al Qaeda publicly rejected the then-stateless Islamic State of Iraq and Syria]]',
        '[[the breakup between al Qaeda and what is now the Islamic State]]',
      ],
      assertedBy: 'author',
    },
    'rel-36': {
      subject: 'boko-haram',
      predicate: 'pledged_support_to',
      object: 'islamic-state',
      evidence: ['[[won pledges of support from groups as far away as Boko Haram in Nigeria]]'],
      assertedBy: 'author',
    },
    'rel-37': {
      subject: 'pakistan-taliban',
      predicate: 'pledged_support_to',
      object: 'islamic-state',
      evidence: ['[[some Taliban in Pakistan]] —'],
      assertedBy: 'author',
      note: 'Some Taliban in Pakistan, not the movement as a whole.',
    },
    'rel-38': {
      subject: 'boko-haram',
      predicate: 'based_in',
      object: 'nigeria',
      evidence: ['[[Boko Haram in Nigeria]]'],
      assertedBy: 'author',
    },
    'rel-39': {
      subject: 'pakistan-taliban',
      predicate: 'based_in',
      object: 'pakistan',
      evidence: ['[[some Taliban in Pakistan]] —'],
      assertedBy: 'author',
    },
    'rel-40': {
      subject: 'islamic-state',
      predicate: 'located_in',
      object: 'syria',
      evidence: ['[[the Islamic State holding their ground in Syria]]'],
      assertedBy: 'author',
    },
    'rel-41': {
      subject: 'qalamoun',
      predicate: 'located_in',
      object: 'syria',
      evidence: ['[[Also in Qalamoun]], Nusra'],
      assertedBy: 'claim-18',
      certainty: 'implied',
      note: 'Al-Tamimi gives Qalamoun as an example of truces among "jihadi groups in Syria".',
    },
    'rel-42': {
      subject: 'islamic-state-leaders',
      predicate: 'leader_of',
      object: 'islamic-state',
      evidence: ["[[the Islamic State's leadership]], and"],
      assertedBy: 'author',
    },
    'rel-43': {
      subject: 'al-qaeda-leaders',
      predicate: 'leader_of',
      object: 'al-qaeda',
      evidence: ["[[al Qaeda's core leadership]]."],
      assertedBy: 'author',
    },
    'rel-44': {
      subject: 'al-qaeda-in-the-arabian-peninsula',
      predicate: 'in_conflict_with',
      object: 'united-states',
      evidence: ['[[denounced US airstrikes]]'],
      assertedBy: 'claim-36',
      certainty: 'implied',
    },
    'rel-45': {
      subject: 'qalamoun-initiative',
      predicate: 'located_in',
      object: 'qalamoun',
      evidence: ['[[Also in Qalamoun]], Nusra'],
      assertedBy: 'claim-18',
    },
  },
};
