import type { ArticleDocument, EntityKind } from '@claimscope/schema';
import type {
  IdReference,
  NewsArticle,
  Organization,
  Person,
  Quotation,
  Thing,
  WithContext,
} from 'schema-dts';
import { iri, targetSource } from './web-annotation-writer.js';

/** schema.org types for the entity kinds (a `group` or unnamed group has no closer type than Thing). */
const SCHEMA_ORG_TYPE = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  outlet: 'NewsMediaOrganization',
  event: 'Event',
  group: 'Thing',
  unnamed_group: 'Thing',
} as const satisfies Record<EntityKind, string>;

/**
 * schema.org JSON-LD for a document: a `NewsArticle` whose `mentions` are its entities and whose
 * parts (`hasPart`) are its direct quotes as `Quotation`s, with who said them
 * (`spokenByCharacter` and `creator`) and what they are about. Typed with schema-dts, so the
 * compiler holds every type and property to schema.org's vocabulary.
 */
export function writeSchemaOrg(doc: ArticleDocument): WithContext<NewsArticle> {
  const { article } = doc;
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const ref = (id: string) => ({ '@id': iri.entity(id) });
  const agentRef = (id: string) => {
    const kind = entities.get(id)?.kind;
    return kind === 'person' || kind === 'organization' || kind === 'outlet' ? ref(id) : null;
  };
  /** An author or publisher: a Person or Organization, or only a reference for other kinds. */
  const agent = (id: string): Person | Organization | IdReference => {
    const e = entities.get(id);
    if (!e) return ref(id);
    const common = { '@id': iri.entity(e.id), name: e.name, description: e.description };
    if (e.kind === 'person') return { '@type': 'Person', ...common };
    if (e.kind === 'outlet') return { '@type': 'NewsMediaOrganization', ...common };
    if (e.kind === 'organization') return { '@type': 'Organization', ...common };
    return ref(id);
  };
  const mentioned = new Set(doc.mentions.map((m) => m.entityId));
  const thing = (id: string): Thing | IdReference => {
    const e = entities.get(id);
    if (!e) return ref(id);
    const alternateName = e.aliases.map((a) => a.name);
    return {
      '@type': SCHEMA_ORG_TYPE[e.kind],
      '@id': iri.entity(e.id),
      name: e.name,
      description: e.description,
      ...(alternateName.length > 0 ? { alternateName } : {}),
    };
  };
  const quotations: Quotation[] = doc.claims
    .filter((c) => c.kind === 'direct_quote')
    .map((c) => {
      const speaker = agentRef(c.speakerId);
      return {
        '@type': 'Quotation',
        '@id': iri.annotation(article.id, 'claim', c.id),
        text: c.content.map((a) => a.quote.exact).join(' … '),
        abstract: c.statement,
        ...(speaker ? { spokenByCharacter: speaker, creator: speaker } : {}),
        ...(c.aboutIds.length > 0 ? { about: c.aboutIds.map(ref) } : {}),
      };
    });
  const published = article.published;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': iri.article(article.id),
    headline: article.headline,
    ...(article.dek ? { description: article.dek } : {}),
    ...(published.status === 'known' ? { datePublished: published.date } : {}),
    inLanguage: article.language,
    ...(article.source.url ? { url: targetSource(doc) } : {}),
    author: article.authorIds.map(agent),
    ...(article.publisherId ? { publisher: agent(article.publisherId) } : {}),
    articleBody: article.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.text)
      .join('\n\n'),
    mentions: [...mentioned].map(thing),
    hasPart: quotations,
  };
}
