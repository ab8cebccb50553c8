import { CSV_TABLES, EXPORT_FORMAT_NAMES } from '@claimscope/formats/names';
import { z } from 'zod';
import {
  ArticleDetailSchema,
  ArticleIdInput,
  ArticleVersionInput,
  ArticleVersionsOutput,
  ExportArticleOutput,
  ListArticlesInput,
  ListArticlesOutput,
} from './contracts/articles.js';
import {
  ClaimDetailSchema,
  ClaimIdInput,
  DisagreementsInput,
  DisagreementsOutput,
  ListClaimsInput,
  ListClaimsOutput,
} from './contracts/claims.js';
import {
  EntityDetailInput,
  EntityDetailSchema,
  ListEntitiesInput,
  ListEntitiesOutput,
} from './contracts/entities.js';
import { ListRelationsInput, ListRelationsOutput } from './contracts/relations.js';
import { SearchInput, SearchOutput } from './contracts/search.js';
import { StatsInput, StatsOutput } from './contracts/stats.js';

/**
 * Plain `GET /api/…` URLs for every read procedure, for callers who do not speak tRPC's input
 * encoding: path segments and query parameters become the procedure's input, which the
 * procedure validates as it would over `/trpc`. A field named `…Id` is also accepted without the
 * suffix (`speaker=matthew-levitt` for `speakerId`); a list is the parameter repeated or its
 * values separated by commas.
 */
export interface RestRoute {
  /** The path as OpenAPI writes it: `/api/claims/{id}`. */
  path: string;
  /** The tRPC procedure it calls: `claim.get`. */
  procedure: string;
  input: z.ZodType;
  output: z.ZodType;
  summary: string;
}

export const REST_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/articles',
    procedure: 'article.list',
    input: ListArticlesInput,
    output: ListArticlesOutput,
    summary: 'Article summaries with counts',
  },
  {
    path: '/api/articles/{id}',
    procedure: 'article.get',
    input: ArticleVersionInput,
    output: ArticleDetailSchema,
    summary: "One article's metadata and blocks",
  },
  {
    path: '/api/articles/{id}/document',
    procedure: 'article.export',
    input: ArticleVersionInput,
    output: ExportArticleOutput,
    summary: 'The whole ArticleDocument, exactly as imported',
  },
  {
    path: '/api/articles/{id}/versions',
    procedure: 'article.versions',
    input: ArticleIdInput,
    output: ArticleVersionsOutput,
    summary: 'Every stored version of an article',
  },
  {
    path: '/api/entities',
    procedure: 'entity.list',
    input: ListEntitiesInput,
    output: ListEntitiesOutput,
    summary: 'Entities, filtered by article, kind and text',
  },
  {
    path: '/api/entities/{id}',
    procedure: 'entity.get',
    input: EntityDetailInput,
    output: EntityDetailSchema,
    summary:
      'An entity with its mentions, claims and relations: the first 40 mentions, 40 claims made, 40 claims about it and 20 relations unless mentionsLimit, claimsLimit or relationsLimit (up to 1,000) ask for more; totals count them all',
  },
  {
    path: '/api/claims',
    procedure: 'claim.list',
    input: ListClaimsInput,
    output: ListClaimsOutput,
    summary:
      'Claims, filtered by article, speaker, entity, kind, modality, channel, outlet and text',
  },
  {
    path: '/api/claims/{id}',
    procedure: 'claim.get',
    input: ClaimIdInput,
    output: ClaimDetailSchema,
    summary: 'A claim with its speaker, outlet, context and linked claims',
  },
  {
    path: '/api/disagreements',
    procedure: 'claim.disagreements',
    input: DisagreementsInput,
    output: DisagreementsOutput,
    summary:
      'Claims that contradict or qualify each other, a page at a time, filtered by article, kind, speaker (of either claim) and sameSpeaker',
  },
  {
    path: '/api/relations',
    procedure: 'relation.list',
    input: ListRelationsInput,
    output: ListRelationsOutput,
    summary: 'Relations, filtered by entity, predicate and article',
  },
  {
    path: '/api/search',
    procedure: 'search',
    input: SearchInput,
    output: SearchOutput,
    summary: 'Ranked hits across entities, claims and paragraphs',
  },
  {
    path: '/api/stats',
    procedure: 'stats',
    input: StatsInput,
    output: StatsOutput,
    summary: 'Counts by kind, modality and predicate; top speakers',
  },
];

/** The export formats of `GET /api/articles/{id}/export` and `GET /api/export`. */
export const EXPORT_FORMATS = EXPORT_FORMAT_NAMES;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_TABLE_NAMES = CSV_TABLES;

export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** For `csv`: which table (one row per claim by default). */
  table: z.enum(CSV_TABLE_NAMES).default('claims'),
  version: z.coerce.number().int().positive().optional(),
});
export type ExportRequest = z.output<typeof ExportQuery> & { articleId: string | null };

type JsonSchema = Record<string, unknown>;

/** The query parameter name of an input field: `speakerId` → `speaker`. */
export function parameterName(field: string): string {
  return /^[a-z]+Id$/.test(field) && field !== 'id' ? field.slice(0, -2) : field;
}

function inputProperties(route: RestRoute): Record<string, JsonSchema> {
  const schema = z.toJSONSchema(route.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return (schema.properties ?? {}) as Record<string, JsonSchema>;
}

const propertiesCache = new Map<RestRoute, Record<string, JsonSchema>>();

/** What JSON type a field takes: numbers, booleans and lists need converting from query text. */
function fieldShape(schema: JsonSchema | undefined): {
  number: boolean;
  boolean: boolean;
  list: boolean;
} {
  if (!schema) return { number: false, boolean: false, list: false };
  const variants = (schema.anyOf as JsonSchema[] | undefined) ?? [schema];
  return {
    number: variants.some((v) => v.type === 'integer' || v.type === 'number'),
    boolean: variants.some((v) => v.type === 'boolean'),
    list: variants.some((v) => v.type === 'array'),
  };
}

/** A query value as the field's type, or the text itself for the procedure to reject. */
function queryValue(shape: ReturnType<typeof fieldShape>, value: string): unknown {
  if (shape.number && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (shape.boolean && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

export type RestMatch =
  | { kind: 'procedure'; route: RestRoute; input: Record<string, unknown> }
  | { kind: 'export'; request: Record<string, unknown>; articleId: string | null }
  /** `GET /api/claims/export?…`: the claims `/api/claims?…` lists, every page, as one CSV. */
  | { kind: 'claims-export'; input: Record<string, unknown> }
  | { kind: 'openapi' }
  /** A known path asked for something it cannot give: a 400 naming the parameter. */
  | { kind: 'bad-request'; message: string; issues: { path: string; message: string }[] }
  | { kind: 'none'; message: string };

function matchPath(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}/?$`).exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
}

/** A route's input from its path parameters and query string. */
function routeInput(
  route: RestRoute,
  params: Record<string, string>,
  searchParams: URLSearchParams,
): Record<string, unknown> {
  let properties = propertiesCache.get(route);
  if (!properties) {
    properties = inputProperties(route);
    propertiesCache.set(route, properties);
  }
  const fieldOf = new Map(Object.keys(properties).map((field) => [parameterName(field), field]));
  const input: Record<string, unknown> = { ...params };
  for (const name of new Set(searchParams.keys())) {
    const field = fieldOf.get(name) ?? name;
    const shape = fieldShape(properties[field]);
    const values = searchParams
      .getAll(name)
      .flatMap((v) => (shape.list ? v.split(',') : [v]))
      .map((v) => queryValue(shape, v));
    // One value or a list: a list only when the field takes nothing else or more than one came.
    const onlyList = properties[field]?.type === 'array';
    input[field] = values.length === 1 && !onlyList ? values[0] : values;
  }
  return input;
}

/**
 * Turns `GET /api/…?…` into the procedure and input it stands for. Values stay text unless the
 * field takes numbers or lists, so a wrong value reaches the procedure's validation and is
 * reported there, by parameter name, exactly as `/trpc` reports it.
 */
export function matchRestRequest(url: string): RestMatch {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  if (pathname === '/openapi.json' || pathname === '/api/openapi.json') return { kind: 'openapi' };
  const exportMatch = /^\/api\/(?:articles\/([^/]+)\/)?export\/?$/.exec(pathname);
  if (exportMatch) {
    const request: Record<string, unknown> = {};
    for (const key of new Set(searchParams.keys())) request[key] = searchParams.get(key);
    return {
      kind: 'export',
      request,
      articleId: exportMatch[1] ? decodeURIComponent(exportMatch[1]) : null,
    };
  }
  if (/^\/api\/claims\/export\/?$/.test(pathname)) {
    const route = REST_ROUTES.find((r) => r.procedure === 'claim.list') as RestRoute;
    const { format = 'csv', ...input } = routeInput(route, {}, searchParams);
    return format === 'csv'
      ? { kind: 'claims-export', input }
      : {
          kind: 'bad-request',
          message: `/api/claims/export writes CSV only (format=csv), not "${String(format)}"`,
          issues: [{ path: 'format', message: 'expected "csv"' }],
        };
  }
  for (const route of REST_ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    return { kind: 'procedure', route, input: routeInput(route, params, searchParams) };
  }
  return {
    kind: 'none',
    message: `nothing at ${pathname}; the plain API's paths are listed in /openapi.json`,
  };
}
