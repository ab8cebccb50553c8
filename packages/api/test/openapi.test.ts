import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import {
  appRouter,
  matchRestRequest,
  openApiDocument,
  PERSONAL_PROCEDURES,
  REST_ROUTES,
} from '../src/index.js';

const queryProcedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  // Sessions and drafts answer each user differently: not part of the public read API.
  .filter(([path, procedure]) => procedure._def.type === 'query' && !PERSONAL_PROCEDURES.test(path))
  .map(([path]) => path)
  .sort();

describe('OpenAPI description of the plain read API', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = openApiDocument();
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // Every reference points at a schema the document has.
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(document.components.schemas, ref).toHaveProperty([name]);
    }
  });

  it('describes every read procedure, from the procedures’ own schemas', () => {
    expect(REST_ROUTES.map((r) => r.procedure).sort()).toEqual(queryProcedures);
    const document = openApiDocument();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        ...REST_ROUTES.map((r) => r.path),
        '/api/articles/{id}/export',
        '/api/export',
      ]),
    );
    // The document model is described once, by the schema package's zod schemas.
    expect(document.components.schemas).toHaveProperty('ArticleDocument');
    expect(document.components.schemas).toHaveProperty('Claim.properties.speakerId');
    const claims = (document.paths['/api/claims'] as { get: { parameters: { name: string }[] } })
      .get;
    expect(claims.parameters.map((p) => p.name)).toEqual([
      'article',
      'speaker',
      'about',
      'kind',
      'modality',
      'channel',
      'outlet',
      'text',
      'review',
      'cursor',
      'limit',
    ]);
  });

  it('maps plain query parameters to procedure input', () => {
    const match = matchRestRequest(
      '/api/claims?speaker=matthew-levitt&kind=direct_quote,indirect&limit=5',
    );
    expect(match).toMatchObject({
      kind: 'procedure',
      route: { procedure: 'claim.list' },
      input: { speakerId: 'matthew-levitt', kind: ['direct_quote', 'indirect'], limit: 5 },
    });
    expect(matchRestRequest('/api/entities/al-qaeda?mentionsLimit=3')).toMatchObject({
      input: { id: 'al-qaeda', mentionsLimit: 3 },
    });
    expect(matchRestRequest('/api/search?q=truce&types=claim')).toMatchObject({
      input: { q: 'truce', types: ['claim'] },
    });
    // A value that is not a number stays text, so validation names the parameter.
    expect(matchRestRequest('/api/claims?limit=ten')).toMatchObject({ input: { limit: 'ten' } });
    expect(matchRestRequest('/api/articles/x/export?format=csv')).toMatchObject({
      kind: 'export',
      articleId: 'x',
      request: { format: 'csv' },
    });
    expect(matchRestRequest('/api/nothing').kind).toBe('none');
  });
});
