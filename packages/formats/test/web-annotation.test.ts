import { loadCorpus } from '@claimscope/corpus';
import { ArticleDocumentSchema } from '@claimscope/schema';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import {
  ANNO_CONTEXT,
  ANNO_CONTEXT_URL,
  CLAIMSCOPE_CONTEXT,
  offlineDocumentLoader,
  readWebAnnotations,
  writeWebAnnotations,
} from '../src/index.js';
import { readWebAnnotations as readWebAnnotationsAsWritten } from '../src/readers.js';
import { testDocument, testText } from './fixture.js';

type Node = Record<string, unknown>;
const itemsOf = (collection: Node) => (collection.first as { items: Node[] }).items;
const serialize = (value: unknown) => JSON.stringify(value, null, 2);

/** Every key and every leaf value of a JSON tree, so nothing can vanish unnoticed. */
function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      if (k === '@context') continue;
      leaves(v, out);
    }
  else out.push(value);
  return out;
}

describe('W3C Web Annotation', () => {
  it('writes one annotation per mention, claim and relation, on the article source with both selectors', () => {
    const doc = testDocument();
    const collection = writeWebAnnotations(doc);
    expect(collection['@context']).toEqual([ANNO_CONTEXT_URL, expect.any(Object)]);
    expect(collection.type).toBe('AnnotationCollection');
    const items = itemsOf(collection);
    expect(collection.total).toBe(items.length);
    const by = (motivation: string) => items.filter((a) => a.motivation === motivation);
    expect(by('identifying')).toHaveLength(doc.mentions.length);
    expect(by('describing')).toHaveLength(doc.claims.length);
    expect(by('linking')).toHaveLength(doc.relations.length + doc.claimLinks.length);
    const mention = by('identifying')[1] as Node;
    expect(mention.target).toEqual({
      type: 'SpecificResource',
      source: 'https://example.org/river-talks',
      selector: [
        expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Ann Lee' }),
        expect.objectContaining({
          type: 'TextPositionSelector',
          start: testText.indexOf('Ann Lee'),
        }),
      ],
    });
    expect(mention.body).toEqual({
      id: 'urn:claimscope:entity:ann-lee',
      type: 'Entity',
      name: 'Ann Lee',
    });
    const claim = by('describing')[1] as Node;
    const body = (claim.body as Node[])[1] as Node;
    expect(body).toMatchObject({
      type: 'Claim',
      claimKind: 'direct_quote',
      speaker: { id: 'urn:claimscope:entity:ann-lee' },
      channel: {
        channelKind: 'interview',
        outlet: { id: 'urn:claimscope:entity:harbour-gazette' },
      },
      cue: { type: 'SpecificResource', selector: [{ exact: 'told the Harbour Gazette' }, {}] },
    });
    expect(claim.creator).toEqual({
      type: 'Person',
      name: 'formats tests',
      agentKind: 'person',
      version: '1',
    });
    expect(claim.review).toMatchObject({ reviewStatus: 'reviewed', reviewedBy: 'a second reader' });
  });

  it('keeps every term through JSON-LD expansion, offline, with the W3C context from this package', async () => {
    const collection = writeWebAnnotations(testDocument());
    // `safe` mode fails on any term, type or value that expansion would drop.
    const expanded = await jsonld.expand(
      collection as jsonld.JsonLdDocument,
      {
        documentLoader: offlineDocumentLoader as never,
        safe: true,
      } as jsonld.Options.Expand,
    );
    const expandedLeaves = leaves(expanded);
    // Every value written is still there (types become IRIs, so compare the values, not the keys).
    for (const value of leaves(collection)) {
      if (typeof value === 'string' && /^[A-Z][A-Za-z]+$|^[a-z]+ing$/.test(value)) continue;
      expect(expandedLeaves).toContainEqual(
        typeof value === 'number' || typeof value === 'boolean' ? expect.anything() : value,
      );
    }
    const annotations = JSON.stringify(expanded).match(
      /"http:\/\/www\.w3\.org\/ns\/oa#Annotation"/g,
    );
    expect(annotations).toHaveLength(collection.total as number);
  });

  it('would notice a term that expansion drops', async () => {
    const collection = { ...writeWebAnnotations(testDocument()), speakerKind: 'person' };
    await expect(
      jsonld.expand(
        collection as jsonld.JsonLdDocument,
        {
          documentLoader: offlineDocumentLoader as never,
          safe: true,
        } as jsonld.Options.Expand,
      ),
    ).rejects.toThrow();
  });

  it('extends the W3C context without redefining any of its terms', () => {
    const w3cTerms = Object.keys(ANNO_CONTEXT['@context']);
    expect(Object.keys(CLAIMSCOPE_CONTEXT).filter((term) => w3cTerms.includes(term))).toEqual([]);
  });

  it('reads annotations in the W3C context without a JSON-LD processor, and says when one is needed', async () => {
    const start = testText.indexOf('Delta Council');
    const annotation = {
      '@context': ANNO_CONTEXT_URL,
      id: 'https://annotations.example/9',
      type: 'Annotation',
      target: {
        source: 'https://example.org/river-talks',
        selector: { type: 'TextPositionSelector', start, end: start + 'Delta Council'.length },
      },
    };
    const { document } = await readWebAnnotationsAsWritten(annotation, testText, {
      articleId: 'river',
    });
    expect(document.mentions.map((m) => m.anchor.quote.exact)).toEqual(['Delta Council']);
    await expect(
      readWebAnnotationsAsWritten(
        { ...annotation, '@context': { oa: 'http://www.w3.org/ns/oa#' } },
        testText,
      ),
    ).rejects.toThrow(/needs a JSON-LD processor/);
  });

  it('refuses to fetch contexts it has no copy of', async () => {
    await expect(offlineDocumentLoader('https://example.org/context.jsonld')).rejects.toThrow(
      /nothing is fetched/,
    );
  });

  it('reads its own export back into the same document (but the article’s provenance names the format)', async () => {
    const doc = testDocument();
    const { document, unrepresented } = await readWebAnnotations(
      writeWebAnnotations(doc),
      doc.article.text,
    );
    expect(unrepresented).toEqual([]);
    expect(document.article.provenance.agent.name).toBe(
      'claimscope import from W3C Web Annotation',
    );
    expect({
      ...document,
      article: { ...document.article, provenance: doc.article.provenance },
    }).toEqual(doc);
  });

  it('round-trips: export, import, export gives the same bytes', async () => {
    for (const doc of [testDocument(), ...loadCorpus()]) {
      const first = serialize(writeWebAnnotations(doc));
      const { document } = await readWebAnnotations(JSON.parse(first), doc.article.text);
      expect(serialize(writeWebAnnotations(document))).toBe(first);
    }
  });

  it('reads another tool’s annotations: tagged spans become mentions, the rest is listed', async () => {
    const text = testText;
    const start = text.indexOf('Delta Council');
    const foreign = {
      '@context': ANNO_CONTEXT_URL,
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://annotations.example/1',
          type: 'Annotation',
          body: { type: 'TextualBody', purpose: 'tagging', value: 'Delta Council' },
          target: {
            source: 'https://example.org/river-talks',
            // A stale position: the quote with its context finds the span again.
            selector: [
              { type: 'TextPositionSelector', start: start + 5, end: start + 18 },
              {
                type: 'TextQuoteSelector',
                exact: 'Delta Council',
                prefix: 'advises the ',
                suffix: ', has',
              },
            ],
          },
        },
        {
          id: 'https://annotations.example/2',
          type: 'Annotation',
          body: { type: 'Image', id: 'https://annotations.example/picture.png' },
          target: 'https://example.org/river-talks',
        },
        {
          id: 'https://annotations.example/3',
          type: 'Annotation',
          target: {
            source: 'https://example.org/river-talks',
            selector: { type: 'TextQuoteSelector', exact: 'Lee' },
          },
        },
      ],
    };
    const { document, unrepresented } = await readWebAnnotations(foreign, text, {
      articleId: 'river',
    });
    expect(ArticleDocumentSchema.safeParse(document).success).toBe(true);
    expect(document.mentions.map((m) => [m.anchor.position.start, m.entityId])).toEqual([
      [start, 'river.delta-council'],
    ]);
    expect(unrepresented.map((u) => u.where)).toEqual([
      'https://annotations.example/2',
      'https://annotations.example/3',
    ]);
    expect(unrepresented[1]?.reason).toMatch(/does not occur exactly once/);
  });
});
