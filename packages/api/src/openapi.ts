import { z } from 'zod';
import { CLAIM_COUNT_CAP, MAX_PAGE_SIZE } from './contracts/pagination.js';
import {
  CSV_TABLE_NAMES,
  EXPORT_FORMATS,
  parameterName,
  REST_ROUTES,
  type RestRoute,
} from './rest.js';

type JsonSchema = Record<string, unknown>;

/** The error body every failure has, over `/trpc` and `/api` alike. */
const ErrorBody = z
  .object({
    error: z.object({
      message: z.string(),
      code: z.int(),
      data: z
        .object({
          code: z.string(),
          httpStatus: z.int(),
          path: z.string().optional(),
          /** For bad input: each problem by input path (`limit`, `kind[1]`). */
          issues: z.array(z.object({ path: z.string(), message: z.string() })).nullable(),
        })
        .passthrough(),
    }),
  })
  .meta({ id: 'Error' });

/**
 * Collects the schemas zod names (`.meta({ id })`) into `components.schemas` and points every
 * reference there; a name whose input and output forms differ gets an `Input` twin.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  add(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
    }) as JsonSchema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    const rename = new Map<string, string>();
    for (const [name, def] of Object.entries(defs)) {
      const existing = this.schemas[name];
      const differs = existing !== undefined && JSON.stringify(existing) !== JSON.stringify(def);
      rename.set(name, differs ? `${name}Input` : name);
    }
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (typeof value !== 'object' || value === null) return value;
      const out: JsonSchema = {};
      for (const [key, v] of Object.entries(value)) {
        if (key === '$schema' || key === '$defs') continue;
        if (key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
          const name = v.slice('#/$defs/'.length);
          out.$ref = `#/components/schemas/${rename.get(name) ?? name}`;
        } else out[key] = rewrite(v);
      }
      return out;
    };
    for (const [name, def] of Object.entries(defs))
      this.schemas[rename.get(name) ?? name] = rewrite(def) as JsonSchema;
    return rewrite(json) as JsonSchema;
  }
}

const errorResponses = (ref: JsonSchema) => ({
  '400': {
    description: 'Bad input: the message and `issues` name each parameter and what was expected',
    content: { 'application/json': { schema: ref } },
  },
  '404': { description: 'No such record', content: { 'application/json': { schema: ref } } },
});

const cachingHeaders = {
  ETag: {
    description: 'A strong validator; send it back as If-None-Match for a 304',
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: 'public, max-age=0, must-revalidate',
    schema: { type: 'string' },
  },
};

function operation(route: RestRoute, components: Components, errorRef: JsonSchema) {
  const input = components.add(route.input, 'input');
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const parameters = Object.entries(properties).map(([field, schema]) => {
    const inPath = pathParams.includes(field);
    const { description, ...rest } = schema;
    return {
      name: inPath ? field : parameterName(field),
      in: inPath ? 'path' : 'query',
      required: inPath || required.has(field),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
      ...(JSON.stringify(rest).includes('"array"') ? { style: 'form', explode: true } : {}),
    };
  });
  return {
    operationId: route.procedure.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()),
    summary: route.summary,
    description: `The \`${route.procedure}\` procedure of \`/trpc\`, as a plain GET: the same validation, limits, errors and caching.`,
    parameters,
    responses: {
      '200': {
        description: route.summary,
        headers: cachingHeaders,
        content: { 'application/json': { schema: components.add(route.output, 'output') } },
      },
      '304': { description: 'Not modified since the ETag sent in If-None-Match' },
      ...errorResponses(errorRef),
    },
  };
}

function exportOperation(perArticle: boolean, errorRef: JsonSchema) {
  const parameters = [
    ...(perArticle ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : []),
    {
      name: 'format',
      in: 'query',
      required: true,
      description:
        '`w3c` (Web Annotation JSON-LD), `schemaorg` (NewsArticle JSON-LD), `brat` (a tar of .txt and .ann), `csv` (one table), `jsonl` (one document per line), `json` (the document)',
      schema: { type: 'string', enum: [...EXPORT_FORMATS] },
    },
    {
      name: 'table',
      in: 'query',
      required: false,
      description: 'For `csv`: which table',
      schema: { type: 'string', enum: [...CSV_TABLE_NAMES], default: 'claims' },
    },
    ...(perArticle
      ? [{ name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }]
      : []),
  ];
  const body = { type: 'string' };
  return {
    operationId: perArticle ? 'exportArticle' : 'exportCorpus',
    summary: perArticle
      ? 'Download one article in a format'
      : 'Download the whole corpus in a format, streamed',
    parameters,
    responses: {
      '200': {
        description: 'The file, with Content-Disposition naming it',
        headers: cachingHeaders,
        content: {
          'application/ld+json': { schema: body },
          'text/csv': { schema: body },
          'application/x-ndjson': { schema: body },
          'application/x-tar': {
            schema: { type: 'string', contentMediaType: 'application/x-tar' },
          },
          'application/json': { schema: body },
        },
      },
      '304': { description: 'Not modified since the ETag sent in If-None-Match' },
      ...errorResponses(errorRef),
    },
  };
}

/**
 * The OpenAPI 3.1 description of the plain read API, made from the procedures' own zod schemas
 * (`z.toJSONSchema`), never written by hand.
 */
export function openApiDocument(options: { serverUrl?: string } = {}) {
  const components = new Components();
  const errorRef = components.add(ErrorBody, 'output');
  const paths: Record<string, unknown> = {};
  for (const route of REST_ROUTES)
    paths[route.path] = { get: operation(route, components, errorRef) };
  paths['/api/articles/{id}/export'] = { get: exportOperation(true, errorRef) };
  paths['/api/export'] = { get: exportOperation(false, errorRef) };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'claimscope API',
      version: '1',
      description: `Read the claimscope corpus with plain GET requests. Lists page with \`limit\` (at most ${MAX_PAGE_SIZE}) and \`cursor\` (the previous page's \`nextCursor\`). A list's \`total\` counts every match, except where \`claim.list\` or \`article.list\` says \`totalIsLowerBound: true\`: then it counted only up to ${CLAIM_COUNT_CAP.toLocaleString('en')} (or the end of the page) and \`total\` is a lower bound. The same procedures are served over tRPC at /trpc.`,
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    paths,
    components: { schemas: components.schemas },
  };
}
