// A deterministic synthetic corpus for load tests and benchmarks: articles shaped like the seed
// article (headline, dek, paragraphs of quotes and the author's own claims; entities shared across
// articles; mentions, claims, claim links and relations in about the seed's proportions per
// paragraph), generated from a seeded PRNG so every run sees the same documents.
import { createHash } from 'node:crypto';
import {
  type Anchor,
  type ArticleDocument,
  type Claim,
  type Entity,
  type EntityKind,
  type Mention,
  makeAnchor,
  type Relation,
  SCHEMA_VERSION,
} from '@claimscope/schema';

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Amal',
  'Boris',
  'Chen',
  'Dana',
  'Elif',
  'Farid',
  'Greta',
  'Hugo',
  'Imani',
  'Jonas',
  'Kavya',
  'Luis',
  'Mira',
  'Nadim',
  'Olga',
  'Pablo',
  'Rania',
  'Sami',
  'Tariq',
  'Vera',
];
const LAST = [
  'Haddad',
  'Ivanov',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Petrov',
  'Quinn',
  'Rahman',
  'Silva',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zeller',
  'Abadi',
  'Brandt',
  'Costa',
  'Dubois',
];
const ORG_ADJ = [
  'Northern',
  'United',
  'Islamic',
  'Popular',
  'Free',
  'Democratic',
  'Revolutionary',
  'National',
  'Eastern',
  'Western',
];
const ORG_NOUN = [
  'Front',
  'Council',
  'Brigade',
  'Movement',
  'Institute',
  'Alliance',
  'Committee',
  'Army',
  'League',
  'Centre',
];
const PLACES = [
  'Aleppo',
  'Mosul',
  'Raqqa',
  'Idlib',
  'Baghdad',
  'Amman',
  'Beirut',
  'Kabul',
  'Sanaa',
  'Tripoli',
  'Tunis',
  'Cairo',
  'Ankara',
  'Doha',
  'Riyadh',
  'Tehran',
];
const OUTLETS = [
  'Daily Ledger',
  'Morning Wire',
  'Global Courier',
  'Evening Post',
  'Radio Meridian',
  'The Observer Desk',
];
const GROUPS = [
  'analysts',
  'US officials',
  'local residents',
  'diplomats',
  'former fighters',
  'security sources',
];
const ROLES = ['spokesman', 'co-director', 'commander', 'senior fellow', 'founder'];
const QUALITIES = [
  'weaker than it looks',
  'preparing a new offensive',
  'open to a truce',
  'losing support',
  'trying to reconcile',
  'split over strategy',
  'stronger than it was',
];
const PREDICATES_ORG = ['backs', 'in_conflict_with', 'truce_with', 'allied_with'] as const;

export interface SyntheticEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

/** The shared pool: the same ids, names and kinds in every article that mentions them. */
export function syntheticEntityPool(): Record<
  'person' | 'organization' | 'place' | 'outlet' | 'unnamed_group',
  SyntheticEntity[]
> {
  const person = FIRST.flatMap((first, i) =>
    LAST.map((last, j) => ({
      id: `syn-person-${i}-${j}`,
      kind: 'person' as const,
      name: `${first} ${last}`,
    })),
  );
  const organization = ORG_ADJ.flatMap((adj, i) =>
    ORG_NOUN.map((noun, j) => ({
      id: `syn-org-${i}-${j}`,
      kind: 'organization' as const,
      name: `${adj} ${noun}`,
    })),
  );
  const place = PLACES.map((name, i) => ({ id: `syn-place-${i}`, kind: 'place' as const, name }));
  const outlet = OUTLETS.map((name, i) => ({
    id: `syn-outlet-${i}`,
    kind: 'outlet' as const,
    name,
  }));
  const unnamed_group = GROUPS.map((name, i) => ({
    id: `syn-group-${i}`,
    kind: 'unnamed_group' as const,
    name,
  }));
  return { person, organization, place, outlet, unnamed_group };
}

const POOL = syntheticEntityPool();
const PROVENANCE = {
  agent: { kind: 'rule' as const, name: 'claimscope-synthetic', version: '1' },
  review: { status: 'unreviewed' as const },
};

/** The id of the `index`-th synthetic article. */
export const syntheticArticleId = (index: number) => `syn-${String(index).padStart(6, '0')}`;

/**
 * The `index`-th article of the synthetic corpus for `seed`: the same arguments give the same
 * document, which passes `validateArticleDocument`.
 */
export function syntheticDocument(index: number, seed = 1): ArticleDocument {
  const random = seededRandom(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const articleId = syntheticArticleId(index);
  const id = (name: string) => `${articleId}.${name}`;

  const author = pick(POOL.person);
  const publisher = pick(POOL.outlet);
  const entities = new Map<string, SyntheticEntity>([
    [author.id, author],
    [publisher.id, publisher],
  ]);
  const use = (entity: SyntheticEntity) => {
    entities.set(entity.id, entity);
    return entity;
  };

  // The text is built piece by piece; every annotation remembers where its words landed.
  let text = '';
  const blocks: {
    id: string;
    kind: 'headline' | 'dek' | 'paragraph';
    index: number;
    start: number;
    end: number;
    text: string;
  }[] = [];
  type Span = { start: number; end: number };
  let blockStart = 0;
  const add = (piece: string): Span => {
    const start = text.length;
    text += piece;
    return { start, end: text.length };
  };
  const endBlock = (kind: 'headline' | 'dek' | 'paragraph') => {
    const block = {
      id: id(`b${blocks.length}`),
      kind,
      index: blocks.length,
      start: blockStart,
      end: text.length,
      text: text.slice(blockStart, text.length),
    };
    blocks.push(block);
    text += '\n\n';
    blockStart = text.length;
    return block;
  };

  const focus = use(pick(POOL.organization));
  const rival = use(pick(POOL.organization.filter((o) => o.id !== focus.id)));
  const headline = `${focus.name} and ${rival.name} Edge Toward a Truce`;
  add(headline);
  endBlock('headline');
  const dek = `Calls for reconciliation are mounting, ${pick(GROUPS)} say.`;
  add(dek);
  endBlock('dek');

  const pending: { kind: 'mention'; entityId: string; span: Span }[] = [];
  const claimSpecs: { claim: Omit<Claim, 'content' | 'cue'>; content: Span; cue: Span | null }[] =
    [];
  const relationSpecs: { relation: Omit<Relation, 'evidence'>; evidence: Span }[] = [];
  const mention = (entity: SyntheticEntity, span: Span) =>
    pending.push({ kind: 'mention', entityId: entity.id, span });
  const paragraphs = 4 + Math.floor(random() * 7);
  for (let p = 0; p < paragraphs; p++) {
    // A direct quote: "<Org> is <quality>," <Speaker> told <Outlet>.
    const subject = use(random() < 0.5 ? focus : pick(POOL.organization));
    const speaker = use(random() < 0.8 ? pick(POOL.person) : pick(POOL.unnamed_group));
    const outlet = use(random() < 0.6 ? publisher : pick(POOL.outlet));
    add('"');
    const quoteStart = text.length;
    mention(subject, add(subject.name));
    add(` is ${pick(QUALITIES)} in `);
    const place = use(pick(POOL.place));
    mention(place, add(place.name));
    const quote = { start: quoteStart, end: text.length };
    add('," ');
    mention(speaker, add(speaker.name));
    add(' ');
    const cueStart = text.length;
    add('told ');
    mention(outlet, add(outlet.name));
    const cue = { start: cueStart, end: text.length };
    add('. ');
    claimSpecs.push({
      claim: {
        id: id(`c${claimSpecs.length}`),
        kind: 'direct_quote',
        speakerId: speaker.id,
        channel: { kind: 'interview', outletId: outlet.id, cue: `told ${outlet.name}` },
        source: null,
        statement: `${speaker.name} says ${subject.name} has changed course.`,
        aboutIds: [subject.id],
        modality: random() < 0.3 ? 'hedged' : 'asserted',
        polarity: 'positive',
        time: null,
        parentId: null,
        continuesId: null,
        provenance: PROVENANCE,
      },
      content: quote,
      cue,
    });
    // The author's own claim with a relation: <Person>, a <role> of <Org>, ... <Org> ... <Org2>.
    const member = use(pick(POOL.person));
    const org = use(pick(POOL.organization));
    const other = use(pick(POOL.organization.filter((o) => o.id !== org.id)));
    const sentenceStart = text.length;
    mention(member, add(member.name));
    const role = pick(ROLES);
    add(`, a ${role} of `);
    mention(org, add(org.name));
    const memberSpan = { start: sentenceStart, end: text.length };
    const predicate = pick(PREDICATES_ORG);
    add(`, said the group ${predicate.replace(/_/g, ' ')} `);
    const otherSpan = add(other.name);
    mention(other, otherSpan);
    add('.');
    const sentence = { start: sentenceStart, end: text.length };
    const claimId = id(`c${claimSpecs.length}`);
    claimSpecs.push({
      claim: {
        id: claimId,
        kind: 'author_assertion',
        speakerId: author.id,
        channel: { kind: 'authorial', outletId: null, cue: null },
        source: null,
        statement: `${org.name} ${predicate.replace(/_/g, ' ')} ${other.name}.`,
        aboutIds: [org.id, other.id],
        modality: 'asserted',
        polarity: 'positive',
        time: null,
        parentId: null,
        continuesId: null,
        provenance: PROVENANCE,
      },
      content: sentence,
      cue: null,
    });
    relationSpecs.push({
      relation: {
        id: id(`r${relationSpecs.length}`),
        subjectId: member.id,
        predicate: role === 'commander' || role === 'founder' ? 'leader_of' : 'member_of',
        objectId: org.id,
        assertedBy: { kind: 'author' },
        role,
        certainty: 'stated',
        past: false,
        time: null,
        provenance: PROVENANCE,
      },
      evidence: memberSpan,
    });
    if (random() < 0.4)
      relationSpecs.push({
        relation: {
          id: id(`r${relationSpecs.length}`),
          subjectId: org.id,
          predicate,
          objectId: other.id,
          assertedBy: { kind: 'claim', claimId },
          role: null,
          certainty: 'implied',
          past: false,
          time: null,
          provenance: PROVENANCE,
        },
        evidence: sentence,
      });
    endBlock('paragraph');
  }
  text = text.slice(0, -2);

  const blockAt = (span: Span) => {
    const block = blocks.find((b) => b.start <= span.start && span.end <= b.end);
    if (!block) throw new Error(`synthetic span ${span.start}–${span.end} is outside every block`);
    return block.id;
  };
  const anchor = (span: Span): Anchor => makeAnchor(text, blockAt(span), span.start, span.end);
  const mentions: Mention[] = pending.map((m, i) => ({
    id: id(`m${i}`),
    entityId: m.entityId,
    anchor: anchor(m.span),
    form: 'name',
    provenance: PROVENANCE,
  }));
  const claims: Claim[] = claimSpecs.map(({ claim, content, cue }) => ({
    ...claim,
    cue: cue ? anchor(cue) : null,
    content: [anchor(content)],
  }));
  const claimLinks = claims.slice(1).flatMap((claim, i) => {
    if (random() < 0.5) return [];
    const other = claims[i] as Claim;
    const kind = pick(['supports', 'supports', 'contradicts', 'qualifies'] as const);
    return [
      {
        id: id(`l${i}`),
        kind,
        fromId: claim.id,
        toId: other.id,
        note: `The second claim ${kind} the first.`,
        provenance: PROVENANCE,
      },
    ];
  });
  const relations: Relation[] = relationSpecs.map(({ relation, evidence }) => ({
    ...relation,
    evidence: [anchor(evidence)],
  }));
  const entityRecords: Entity[] = [...entities.values()].map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: [],
    description: `${e.name}, a synthetic ${e.kind.replace('_', ' ')} of the load-test corpus.`,
    provenance: PROVENANCE,
  }));

  return {
    schemaVersion: SCHEMA_VERSION,
    article: {
      id: articleId,
      headline,
      dek,
      authorIds: [author.id],
      publisherId: publisher.id,
      published: {
        status: 'known',
        date: `20${String(10 + (index % 15)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
      },
      language: 'en',
      text,
      textSha256: createHash('sha256').update(text).digest('hex'),
      blocks,
      source: { origin: 'claimscope synthetic corpus', url: null },
      provenance: PROVENANCE,
    },
    entities: entityRecords,
    mentions,
    claims,
    claimLinks,
    relations,
  };
}

/** The first `count` articles of the synthetic corpus for `seed`, one at a time. */
export function* syntheticCorpus(count: number, seed = 1): Generator<ArticleDocument> {
  for (let i = 0; i < count; i++) yield syntheticDocument(i, seed);
}
