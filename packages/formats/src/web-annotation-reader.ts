import {
  type Anchor,
  type ArticleDocument,
  type Block,
  BlockKindSchema,
  CertaintySchema,
  ChannelKindSchema,
  type Claim,
  ClaimKindSchema,
  type ClaimLink,
  ClaimLinkKindSchema,
  type Entity,
  EntityKindSchema,
  type Mention,
  MentionFormSchema,
  ModalitySchema,
  makeAnchor,
  PolaritySchema,
  PredicateSchema,
  type Provenance,
  type Relation,
  ReviewStatusSchema,
  type TimeExpression,
} from '@claimscope/schema';
import type { z } from 'zod';
import { ANNO_CONTEXT_URL } from './anno-context.js';
import { checked } from './brat-reader.js';
import { WEB_ANNOTATION_CONTEXT } from './claimscope-context.js';
import { type FormatImport, importProvenance, type Unrepresented } from './import-result.js';
import { anchorsInBlocks, blocksOfPlainText, slugOf, textDigest } from './text-layout.js';
import { iri } from './web-annotation-writer.js';

type Node = Record<string, unknown>;

export const W3C_FORMAT = 'W3C Web Annotation';

/** Compacts JSON-LD into claimscope's context (`WEB_ANNOTATION_CONTEXT`), e.g. with the `jsonld` package. */
export type JsonLdCompactor = (input: unknown) => Promise<Record<string, unknown>>;

export interface WebAnnotationReadOptions {
  /**
   * For annotations in another JSON-LD context than the one claimscope writes: the entry point
   * `@claimscope/formats` supplies the `jsonld` package; `@claimscope/formats/readers` has none.
   */
  compact?: JsonLdCompactor;
  /** Used when the annotations carry no claimscope article (annotations from another tool). */
  articleId?: string;
  origin?: string;
  language?: string;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const types = (node: Node): string[] =>
  asArray(node.type ?? node['@type']).filter((t) => typeof t === 'string') as string[];
const idOf = (v: unknown): string | null => (isNode(v) ? str(v.id ?? v['@id']) : str(v));

/** The value if the vocabulary has it, else the fallback (and a note of what was replaced). */
function vocabulary<T extends Readonly<Record<string, string>>>(
  schema: z.ZodEnum<T>,
  value: unknown,
  fallback: NoInfer<T[keyof T]>,
  note: (reason: string) => void,
  field: string,
): T[keyof T] {
  if (value === undefined || value === null) return fallback;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as T[keyof T];
  note(`${field} ${JSON.stringify(value)} is not in claimscope's vocabulary; read as ${fallback}`);
  return fallback;
}

/** The annotations as compact JSON-LD in claimscope's context, whatever context they came in. */
async function inClaimscopeContext(
  input: unknown,
  compact: JsonLdCompactor | undefined,
): Promise<Node> {
  const context = isNode(input) ? JSON.stringify(input['@context']) : null;
  // claimscope's context extends the W3C one without redefining a term of it, so annotations in
  // either read as they are written.
  if (
    context === JSON.stringify(WEB_ANNOTATION_CONTEXT) ||
    context === JSON.stringify(ANNO_CONTEXT_URL) ||
    context === JSON.stringify([ANNO_CONTEXT_URL])
  )
    return input as Node;
  if (!compact)
    throw new Error(
      `the annotations are in another JSON-LD context (${JSON.stringify(isNode(input) ? input['@context'] : null)?.slice(0, 120)}) than claimscope writes; reading them needs a JSON-LD processor (the @claimscope/formats entry point has one)`,
    );
  return compact(input);
}

/** Every annotation of a collection, a page, a `@graph`, a list or a single annotation. */
function annotationsOf(root: Node): Node[] {
  const first = isNode(root.first) ? root.first : null;
  const candidates = [
    ...asArray(first?.items),
    ...asArray(root.items),
    ...asArray(root['@graph']),
    ...(types(root).includes('Annotation') ? [root] : []),
  ];
  return candidates.filter(isNode).filter((n) => types(n).includes('Annotation'));
}

/**
 * Reads W3C Web Annotations of `text` into a document: claimscope's own export completely, and
 * annotations from other tools as far as they go (a text span with a tag or no body becomes a
 * mention of the entity it names). Selectors are checked against the text: the position when
 * its words are the quote's, else the quote when it occurs once. What cannot be placed or has
 * no place in the model is listed in `unrepresented`.
 */
export async function readWebAnnotations(
  input: unknown,
  text: string,
  options: WebAnnotationReadOptions = {},
): Promise<FormatImport> {
  const root = await inClaimscopeContext(input, options.compact);
  const unrepresented: Unrepresented[] = [];
  const skip = (where: string, reason: string) => unrepresented.push({ where, reason });
  const articleNode = isNode(root.article) ? root.article : {};
  const articleId = str(articleNode.articleId) ?? options.articleId ?? 'imported-annotations';
  const origin = str(articleNode.origin) ?? options.origin ?? `${W3C_FORMAT} import`;
  const formatProvenance = importProvenance(W3C_FORMAT);
  const annotations = annotationsOf(root);

  const provenanceOf = (node: Node): Provenance => {
    const creator = isNode(node.creator) ? node.creator : null;
    const review = isNode(node.review) ? node.review : null;
    if (!creator) return formatProvenance;
    const agentKind = str(creator.agentKind);
    const kind =
      agentKind === 'person' || agentKind === 'rule' || agentKind === 'model'
        ? agentKind
        : types(creator).includes('Person')
          ? 'person'
          : 'model';
    const version = str(creator.version);
    const createdOn = str(node.createdOn);
    const by = str(review?.reviewedBy);
    const note = str(review?.reviewNote);
    const status = ReviewStatusSchema.safeParse(review?.reviewStatus);
    return {
      agent: {
        kind,
        name: str(creator.name) ?? str(creator.nickname) ?? 'unnamed',
        ...(version ? { version } : {}),
      },
      ...(createdOn ? { createdAt: createdOn } : {}),
      review: {
        status: status.success ? status.data : 'unreviewed',
        ...(by ? { by } : {}),
        ...(note ? { note } : {}),
      },
    };
  };

  // Blocks: claimscope's block annotations, else the paragraphs of the text.
  const blockAnnotations = annotations.filter((a) =>
    asArray(a.body).some((b) => isNode(b) && types(b).includes('Block')),
  );
  let blocks: Block[];
  if (blockAnnotations.length > 0) {
    blocks = blockAnnotations.map((a, index) => {
      const body = asArray(a.body).find((b) => isNode(b) && types(b).includes('Block')) as Node;
      const target = asArray(a.target).find(isNode) ?? {};
      const position = asArray(target.selector).find(
        (s) => isNode(s) && types(s).includes('TextPositionSelector'),
      ) as Node | undefined;
      const start = Number(position?.start ?? 0);
      const end = Number(position?.end ?? 0);
      return {
        id: str(body.blockId) ?? `b${index}`,
        kind: vocabulary(
          BlockKindSchema,
          body.blockKind,
          'paragraph',
          (r) => skip(String(a.id), r),
          'block kind',
        ),
        index,
        start,
        end,
        text: text.slice(start, end),
      };
    });
  } else blocks = blocksOfPlainText(text);
  const blockOf = (start: number, end: number) =>
    blocks.find((b) => b.start <= start && end <= b.end);

  /** The anchor a SpecificResource's selectors point at in `text`, or null with the reason noted. */
  const anchorOf = (target: unknown, where: string): Anchor | null => {
    if (!isNode(target)) {
      skip(where, `a target that is not a part of the text: ${JSON.stringify(target)}`);
      return null;
    }
    const selectorList = asArray(target.selector).filter(isNode);
    const quote = selectorList.find((s) => types(s).includes('TextQuoteSelector'));
    const position = selectorList.find((s) => types(s).includes('TextPositionSelector'));
    const exact = str(quote?.exact);
    let start = position ? Number(position.start) : Number.NaN;
    let end = position ? Number(position.end) : Number.NaN;
    const fits =
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start < end &&
      end <= text.length &&
      (exact === null || text.slice(start, end) === exact);
    if (!fits) {
      if (exact === null) {
        skip(where, 'a target with no TextQuoteSelector and no position inside the text');
        return null;
      }
      const context = `${str(quote?.prefix) ?? ''}${exact}${str(quote?.suffix) ?? ''}`;
      const withContext = text.indexOf(context);
      const found =
        withContext >= 0 && text.indexOf(context, withContext + 1) < 0
          ? withContext + (str(quote?.prefix) ?? '').length
          : text.indexOf(exact) >= 0 && text.indexOf(exact, text.indexOf(exact) + 1) < 0
            ? text.indexOf(exact)
            : -1;
      if (found < 0) {
        skip(
          where,
          `the quote ${JSON.stringify(exact.slice(0, 60))} does not occur exactly once in the text`,
        );
        return null;
      }
      start = found;
      end = found + exact.length;
    }
    const block = blockOf(start, end);
    if (!block) {
      const parts = anchorsInBlocks(text, blocks, start, end);
      skip(where, `span ${start}–${end} is not inside one block (it touches ${parts.length})`);
      return null;
    }
    const anchor = makeAnchor(text, block.id, start, end);
    // Keep the quote's own context when it matches the text: the document stays as it was written.
    const prefix = str(quote?.prefix);
    const suffix = str(quote?.suffix);
    if (prefix !== null && text.slice(Math.max(0, start - prefix.length), start) === prefix)
      anchor.quote.prefix = prefix;
    if (suffix !== null && text.slice(end, end + suffix.length) === suffix)
      anchor.quote.suffix = suffix;
    return anchor;
  };

  // Entities: claimscope's list, then any an annotation names that the list lacks.
  const entities = new Map<string, Entity>();
  const entityIdOf = new Map<string, string>();
  for (const node of asArray(root.entities).filter(isNode)) {
    const id = str(node.entityId) ?? slugOf(str(node.name) ?? 'entity');
    const description = str(node.description);
    entities.set(id, {
      id,
      kind: vocabulary(
        EntityKindSchema,
        node.entityKind,
        'unnamed_group',
        (r) => skip(id, r),
        'entity kind',
      ),
      name: str(node.name) ?? id,
      aliases: asArray(node.alias)
        .filter(isNode)
        .map((a) => {
          const note = str(a.note);
          return {
            name: str(a.name) ?? '',
            historical: a.historical === true,
            ...(note !== null ? { note } : {}),
          };
        })
        .filter((a) => a.name !== ''),
      description: description ?? `Named in ${origin}.`,
      provenance: provenanceOf(node),
    });
    if (idOf(node)) entityIdOf.set(idOf(node) as string, id);
  }
  const entityFor = (ref: unknown, fallbackName: string | null, where: string): string | null => {
    const refIri = idOf(ref);
    const known = refIri ? entityIdOf.get(refIri) : undefined;
    if (known) return known;
    const fromIri = refIri?.startsWith(iri.entity('')) ? refIri.slice(iri.entity('').length) : null;
    const name = (isNode(ref) ? str(ref.name) : null) ?? fallbackName;
    if (!fromIri && !name) {
      skip(where, `names no entity claimscope can identify: ${JSON.stringify(ref)}`);
      return null;
    }
    const id = fromIri ?? `${articleId}.${slugOf(name as string)}`;
    if (!entities.has(id))
      entities.set(id, {
        id,
        kind: isNode(ref)
          ? vocabulary(
              EntityKindSchema,
              ref.entityKind,
              'unnamed_group',
              (r) => skip(where, r),
              'entity kind',
            )
          : 'unnamed_group',
        name: name ?? id,
        aliases: [],
        description: `Named in ${origin}.`,
        provenance: formatProvenance,
      });
    if (refIri) entityIdOf.set(refIri, id);
    return id;
  };

  const mentions: Mention[] = [];
  const claims: Claim[] = [];
  const links: ClaimLink[] = [];
  const relations: Relation[] = [];
  const claimPrefix = iri.annotation(articleId, 'claim', '');
  const claimIdOf = (ref: unknown): string | null => {
    const value = idOf(ref);
    return value?.startsWith(claimPrefix) ? value.slice(claimPrefix.length) : null;
  };
  const timeOf = (node: unknown): TimeExpression | null =>
    isNode(node) && str(node.timeText)
      ? { text: str(node.timeText) as string, resolved: str(node.timeResolved) }
      : null;
  const spansOf = (a: Node, where: string) =>
    asArray(a.target)
      .map((t, i) => anchorOf(t, `${where} target ${i}`))
      .filter((x): x is Anchor => x !== null);

  for (const [i, a] of annotations.entries()) {
    const where = idOf(a) ?? `annotation ${i}`;
    const bodies = asArray(a.body).filter(isNode);
    const local = (kind: string) => {
      const prefix = iri.annotation(articleId, kind, '');
      return where.startsWith(prefix) ? where.slice(prefix.length) : null;
    };
    const of = (type: string) => bodies.find((b) => types(b).includes(type));
    const note = (r: string) => skip(where, r);
    if (of('Block')) continue;
    const claimBody = of('Claim');
    const relationBody = of('Relation');
    const linkBody = of('ClaimLink');
    const entityBody = of('Entity');
    if (claimBody) {
      const content = spansOf(a, where);
      const speakerId = entityFor(claimBody.speaker, null, where);
      if (content.length === 0 || !speakerId) {
        note('a claim without content in the text or without a speaker');
        continue;
      }
      const channel = isNode(claimBody.channel) ? claimBody.channel : {};
      const textual = bodies.find((b) => types(b).includes('TextualBody'));
      claims.push({
        id: str(claimBody.claimId) ?? local('claim') ?? `${articleId}.claim-${claims.length + 1}`,
        kind: vocabulary(ClaimKindSchema, claimBody.claimKind, 'indirect', note, 'claim kind'),
        speakerId,
        source: claimBody.sourceWords ? anchorOf(claimBody.sourceWords, `${where} source`) : null,
        channel: {
          kind: vocabulary(ChannelKindSchema, channel.channelKind, 'unspecified', note, 'channel'),
          outletId: channel.outlet ? entityFor(channel.outlet, null, where) : null,
          cue: str(channel.cueText),
        },
        cue: claimBody.cue ? anchorOf(claimBody.cue, `${where} cue`) : null,
        content,
        statement:
          str(claimBody.statement) ??
          str(textual?.value) ??
          content.map((c) => c.quote.exact).join(' … '),
        aboutIds: asArray(claimBody.about)
          .map((ref) => entityFor(ref, null, where))
          .filter((id): id is string => id !== null),
        modality: vocabulary(ModalitySchema, claimBody.modality, 'asserted', note, 'modality'),
        polarity: vocabulary(PolaritySchema, claimBody.polarity, 'positive', note, 'polarity'),
        time: timeOf(claimBody.time),
        parentId: claimIdOf(claimBody.parent),
        continuesId: claimIdOf(claimBody.continues),
        provenance: provenanceOf(a),
      });
    } else if (linkBody) {
      const fromId = claimIdOf(asArray(a.target)[0]);
      const toId = claimIdOf(linkBody.linkTo);
      if (!fromId || !toId) {
        note('a claim link whose ends are not claims of this article');
        continue;
      }
      links.push({
        id: str(linkBody.linkId) ?? local('link') ?? `${articleId}.link-${links.length + 1}`,
        kind: vocabulary(ClaimLinkKindSchema, linkBody.linkKind, 'supports', note, 'link kind'),
        fromId,
        toId,
        note: str(linkBody.note) ?? 'linked in the imported annotations',
        provenance: provenanceOf(a),
      });
    } else if (relationBody) {
      const evidence = spansOf(a, where);
      const subjectId = entityFor(relationBody.subject, null, where);
      const objectId = entityFor(relationBody.object, null, where);
      const predicate = PredicateSchema.safeParse(relationBody.predicate);
      if (evidence.length === 0 || !subjectId || !objectId || !predicate.success) {
        note(
          `a relation without evidence in the text, two entities or a predicate of claimscope's vocabulary (${JSON.stringify(relationBody.predicate)})`,
        );
        continue;
      }
      const byClaim = claimIdOf(relationBody.assertedByClaim);
      relations.push({
        id:
          str(relationBody.relationId) ??
          local('relation') ??
          `${articleId}.rel-${relations.length + 1}`,
        subjectId,
        predicate: predicate.data,
        objectId,
        evidence,
        assertedBy: byClaim ? { kind: 'claim', claimId: byClaim } : { kind: 'author' },
        role: str(relationBody.role),
        certainty: vocabulary(CertaintySchema, relationBody.certainty, 'stated', note, 'certainty'),
        past: relationBody.past === true,
        time: timeOf(relationBody.time),
        provenance: provenanceOf(a),
      });
    } else {
      // A mention: claimscope's (an Entity body), or another tool's tag or bare highlight of a span.
      const tag = bodies.find((b) => types(b).includes('TextualBody'));
      const targets = asArray(a.target);
      if (targets.length !== 1 || (bodies.length > 0 && !entityBody && !tag)) {
        note(
          'an annotation claimscope has no place for (not a span with an entity, claim, relation or link)',
        );
        continue;
      }
      const anchor = anchorOf(targets[0], where);
      if (!anchor) continue;
      const entityId = entityFor(
        entityBody ?? (tag ? { name: str(tag.value) } : null),
        anchor.quote.exact,
        where,
      );
      if (!entityId) continue;
      if (
        mentions.some(
          (m) =>
            m.anchor.position.start === anchor.position.start &&
            m.anchor.position.end === anchor.position.end,
        )
      ) {
        note('a second mention of the same span: a span is one mention');
        continue;
      }
      mentions.push({
        id: str(a.mentionId) ?? local('mention') ?? `${articleId}.m-${mentions.length + 1}`,
        entityId,
        anchor,
        form: vocabulary(MentionFormSchema, a.mentionForm, 'name', note, 'mention form'),
        provenance: provenanceOf(a),
      });
    }
  }

  const headlineBlock = blocks.find((b) => b.kind === 'headline');
  const dekBlock = blocks.find((b) => b.kind === 'dek');
  const datePublished = str(articleNode.datePublished);
  const document: ArticleDocument = {
    schemaVersion: 1,
    article: {
      id: articleId,
      headline: headlineBlock?.text ?? str(articleNode.headline) ?? '',
      dek: dekBlock?.text ?? null,
      authorIds: asArray(articleNode.author)
        .map((ref) => entityFor(ref, null, 'article author'))
        .filter((id): id is string => id !== null),
      publisherId: articleNode.publisher
        ? entityFor(articleNode.publisher, null, 'article publisher')
        : null,
      published: datePublished
        ? { status: 'known', date: datePublished }
        : {
            status: 'unknown',
            note: str(articleNode.dateNote) ?? `${W3C_FORMAT} import: no publication date given`,
          },
      language: str(articleNode.language) ?? options.language ?? 'en',
      text,
      textSha256: textDigest(text),
      blocks,
      source: { origin, url: str(articleNode.url) },
      provenance: formatProvenance,
    },
    entities: [...entities.values()],
    mentions,
    claims,
    claimLinks: links,
    relations,
  };
  return { document: checked(document, origin), unrepresented };
}
