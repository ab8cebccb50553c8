import { ANNO_CONTEXT, ANNO_CONTEXT_URL } from './anno-context.js';

/** The namespace of claimscope's own terms in JSON-LD. */
export const CLAIMSCOPE_NS = 'https://claimscope.dev/ns#';

const id = (term: string) => ({ '@id': `cs:${term}`, '@type': '@id' });

/**
 * claimscope's terms for what the Web Annotation vocabulary has no word for: the entity, claim,
 * relation and provenance fields of annotation bodies, and the article the annotations are of.
 * Every key the writer uses is defined here or in the W3C context, so JSON-LD expansion keeps it.
 */
export const CLAIMSCOPE_CONTEXT = {
  cs: CLAIMSCOPE_NS,
  Article: 'cs:Article',
  Entity: 'cs:Entity',
  Alias: 'cs:Alias',
  Block: 'cs:Block',
  Claim: 'cs:Claim',
  Channel: 'cs:Channel',
  TimeExpression: 'cs:TimeExpression',
  Relation: 'cs:Relation',
  ClaimLink: 'cs:ClaimLink',
  Review: 'cs:Review',

  article: 'cs:article',
  articleId: 'cs:articleId',
  headline: 'cs:headline',
  dek: 'cs:dek',
  author: { '@id': 'cs:author', '@type': '@id', '@container': '@list' },
  publisher: id('publisher'),
  datePublished: { '@id': 'cs:datePublished', '@type': 'xsd:date' },
  dateNote: 'cs:dateNote',
  origin: 'cs:origin',
  url: id('url'),
  entities: 'cs:entity',

  entityId: 'cs:entityId',
  entityKind: 'cs:entityKind',
  alias: 'cs:alias',
  historical: { '@id': 'cs:historical', '@type': 'xsd:boolean' },
  description: 'cs:description',
  mentionId: 'cs:mentionId',
  mentionForm: 'cs:mentionForm',

  blockId: 'cs:blockId',
  blockKind: 'cs:blockKind',
  blockIndex: { '@id': 'cs:blockIndex', '@type': 'xsd:nonNegativeInteger' },

  claimId: 'cs:claimId',
  claimKind: 'cs:claimKind',
  speaker: id('speaker'),
  sourceWords: 'cs:sourceWords',
  cue: 'cs:cue',
  channel: 'cs:channel',
  channelKind: 'cs:channelKind',
  outlet: id('outlet'),
  cueText: 'cs:cueText',
  statement: 'cs:statement',
  about: id('about'),
  modality: 'cs:modality',
  polarity: 'cs:polarity',
  time: 'cs:time',
  timeText: 'cs:timeText',
  timeResolved: 'cs:timeResolved',
  parent: id('parent'),
  continues: id('continues'),

  relationId: 'cs:relationId',
  predicate: 'cs:predicate',
  subject: id('subject'),
  object: id('object'),
  role: 'cs:role',
  certainty: 'cs:certainty',
  past: { '@id': 'cs:past', '@type': 'xsd:boolean' },
  assertedByClaim: id('assertedByClaim'),
  assertedByAuthor: { '@id': 'cs:assertedByAuthor', '@type': 'xsd:boolean' },

  linkId: 'cs:linkId',
  linkKind: 'cs:linkKind',
  linkTo: id('linkTo'),
  note: 'cs:note',

  agentKind: 'cs:agentKind',
  version: 'cs:version',
  createdOn: { '@id': 'cs:createdOn', '@type': 'xsd:date' },
  review: 'cs:review',
  reviewStatus: 'cs:reviewStatus',
  reviewedBy: 'cs:reviewedBy',
  reviewNote: 'cs:reviewNote',
} as const;

/** The `@context` of what the writer produces: the W3C context by URL, then claimscope's terms. */
export const WEB_ANNOTATION_CONTEXT = [ANNO_CONTEXT_URL, CLAIMSCOPE_CONTEXT] as const;

/** The contexts a JSON-LD processor may ask for, served from this package; nothing is fetched. */
const LOCAL_CONTEXTS: Record<string, unknown> = {
  [ANNO_CONTEXT_URL]: ANNO_CONTEXT,
  'https://www.w3.org/ns/anno.jsonld': ANNO_CONTEXT,
};

/**
 * A `documentLoader` for the `jsonld` package that answers from the copies in this package and
 * refuses every other URL, so processing works offline and never depends on the network.
 */
export async function offlineDocumentLoader(url: string) {
  const document = LOCAL_CONTEXTS[url];
  if (document === undefined)
    throw new Error(
      `${url}: not a context claimscope has a copy of (it knows ${Object.keys(LOCAL_CONTEXTS).join(', ')}); nothing is fetched`,
    );
  return { contextUrl: null, documentUrl: url, document };
}
