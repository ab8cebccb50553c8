import type {
  Anchor,
  ArticleDocument,
  Claim,
  ClaimLink,
  Entity,
  Mention,
  Provenance,
  Relation,
  TimeExpression,
} from '@claimscope/schema';
import { WEB_ANNOTATION_CONTEXT } from './claimscope-context.js';

type Node = Record<string, unknown>;

/** IRIs of the things a claimscope document names. */
export const iri = {
  article: (articleId: string) => `urn:claimscope:article:${articleId}`,
  entity: (entityId: string) => `urn:claimscope:entity:${entityId}`,
  annotation: (articleId: string, kind: string, id: string) =>
    `urn:claimscope:article:${articleId}:${kind}:${id}`,
  collection: (articleId: string) => `urn:claimscope:article:${articleId}:annotations`,
};

/** The resource the annotations target: the article's URL when known, else its claimscope IRI. */
export function targetSource(doc: ArticleDocument): string {
  return doc.article.source.url ?? iri.article(doc.article.id);
}

/** Drops null and undefined fields: JSON-LD has no null, and an absent key says "none". */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== null && v !== undefined));
}

function provenanceFields(p: Provenance): Node {
  return compact({
    creator: compact({
      type: p.agent.kind === 'person' ? 'Person' : 'Software',
      name: p.agent.name,
      agentKind: p.agent.kind,
      version: p.agent.version,
    }),
    createdOn: p.createdAt,
    review: compact({
      type: 'Review',
      reviewStatus: p.review.status,
      reviewedBy: p.review.by,
      reviewNote: p.review.note,
    }),
  });
}

function selectors(anchor: Anchor) {
  const { exact, prefix, suffix } = anchor.quote;
  return [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start: anchor.position.start, end: anchor.position.end },
  ];
}

function timeNode(time: TimeExpression | null) {
  return time
    ? compact({ type: 'TimeExpression', timeText: time.text, timeResolved: time.resolved })
    : undefined;
}

function entityNode(entity: Entity): Node {
  return compact({
    id: iri.entity(entity.id),
    type: 'Entity',
    entityId: entity.id,
    entityKind: entity.kind,
    name: entity.name,
    alias: entity.aliases.map((alias) =>
      compact({ type: 'Alias', name: alias.name, historical: alias.historical, note: alias.note }),
    ),
    description: entity.description,
    ...provenanceFields(entity.provenance),
  });
}

/**
 * The document as a W3C Web Annotation collection (JSON-LD): one annotation per block
 * (classifying), mention (identifying), claim (describing), claim link and relation (linking),
 * each targeting the article's source with a TextQuoteSelector + TextPositionSelector pair and
 * carrying its provenance; the entities and the article's metadata ride on the collection.
 */
export function writeWebAnnotations(doc: ArticleDocument): Node {
  const { article } = doc;
  const source = targetSource(doc);
  const at = (anchor: Anchor) => ({
    type: 'SpecificResource',
    source,
    selector: selectors(anchor),
  });
  const ann = (kind: string, id: string) => iri.annotation(article.id, kind, id);
  const claimIri = (id: string) => ann('claim', id);
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const entityRef = (id: string) =>
    compact({ id: iri.entity(id), type: 'Entity', name: entities.get(id)?.name });

  const blockAnnotations = article.blocks.map((block) => ({
    id: ann('block', block.id),
    type: 'Annotation',
    motivation: 'classifying',
    body: { type: 'Block', blockId: block.id, blockKind: block.kind, blockIndex: block.index },
    target: {
      type: 'SpecificResource',
      source,
      selector: [{ type: 'TextPositionSelector', start: block.start, end: block.end }],
    },
  }));
  const mentionAnnotation = (m: Mention) => ({
    id: ann('mention', m.id),
    type: 'Annotation',
    motivation: 'identifying',
    ...provenanceFields(m.provenance),
    mentionId: m.id,
    mentionForm: m.form,
    body: entityRef(m.entityId),
    target: at(m.anchor),
  });
  const claimAnnotation = (c: Claim) => ({
    id: claimIri(c.id),
    type: 'Annotation',
    motivation: 'describing',
    ...provenanceFields(c.provenance),
    body: [
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: c.statement,
        format: 'text/plain',
        language: article.language,
      },
      compact({
        type: 'Claim',
        claimId: c.id,
        claimKind: c.kind,
        speaker: entityRef(c.speakerId),
        sourceWords: c.source ? at(c.source) : null,
        channel: compact({
          type: 'Channel',
          channelKind: c.channel.kind,
          outlet: c.channel.outletId ? entityRef(c.channel.outletId) : null,
          cueText: c.channel.cue,
        }),
        cue: c.cue ? at(c.cue) : null,
        statement: c.statement,
        about: c.aboutIds.map(iri.entity),
        modality: c.modality,
        polarity: c.polarity,
        time: timeNode(c.time),
        parent: c.parentId ? claimIri(c.parentId) : null,
        continues: c.continuesId ? claimIri(c.continuesId) : null,
      }),
    ],
    target: c.content.map(at),
  });
  const linkAnnotation = (l: ClaimLink) => ({
    id: ann('link', l.id),
    type: 'Annotation',
    motivation: 'linking',
    ...provenanceFields(l.provenance),
    body: {
      type: 'ClaimLink',
      linkId: l.id,
      linkKind: l.kind,
      linkTo: claimIri(l.toId),
      note: l.note,
    },
    target: claimIri(l.fromId),
  });
  const relationAnnotation = (r: Relation) => ({
    id: ann('relation', r.id),
    type: 'Annotation',
    motivation: 'linking',
    ...provenanceFields(r.provenance),
    body: compact({
      type: 'Relation',
      relationId: r.id,
      subject: entityRef(r.subjectId),
      predicate: r.predicate,
      object: entityRef(r.objectId),
      role: r.role,
      certainty: r.certainty,
      past: r.past,
      time: timeNode(r.time),
      assertedByAuthor: r.assertedBy.kind === 'author' ? true : null,
      assertedByClaim: r.assertedBy.kind === 'claim' ? claimIri(r.assertedBy.claimId) : null,
    }),
    target: r.evidence.map(at),
  });

  const items = [
    ...blockAnnotations,
    ...doc.mentions.map(mentionAnnotation),
    ...doc.claims.map(claimAnnotation),
    ...doc.claimLinks.map(linkAnnotation),
    ...doc.relations.map(relationAnnotation),
  ];
  const published = article.published;
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: iri.collection(article.id),
    type: 'AnnotationCollection',
    label: `claimscope annotations of “${article.headline}”`,
    total: items.length,
    article: compact({
      id: iri.article(article.id),
      type: 'Article',
      articleId: article.id,
      headline: article.headline,
      dek: article.dek,
      author: article.authorIds.map(iri.entity),
      publisher: article.publisherId ? iri.entity(article.publisherId) : null,
      datePublished: published.status === 'known' ? published.date : null,
      dateNote: published.status === 'unknown' ? published.note : null,
      language: article.language,
      origin: article.source.origin,
      url: article.source.url,
    }),
    entities: doc.entities.map(entityNode),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
