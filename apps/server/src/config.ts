import { defaultDataDir } from '@claimscope/api';
import { z } from 'zod';

/*
 * Every setting of the server and the import command, read from the environment once through
 * one zod schema: a bad value stops the process at start with a message naming the variable.
 */

/** An unset or blank variable: the default applies. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const integer = (name: string, min: number, max: number, what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const number = Number(value);
        if (Number.isInteger(number) && number >= min && number <= max) return number;
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be an integer from ${min} to ${max}${what}, got "${value}"`,
        });
        return z.NEVER;
      }),
  );

/** Where the store is: PostgreSQL, a read-only documents file, or the embedded data folder. */
export const StoreSettingsSchema = z
  .object({
    CLAIMSCOPE_DATABASE_URL: z.preprocess(blankToUndefined, z.string().optional()),
    CLAIMSCOPE_DATABASE_POOL_SIZE: integer(
      'CLAIMSCOPE_DATABASE_POOL_SIZE',
      2,
      1000,
      ' (connections per server, one of them listening for imports)',
    ),
    CLAIMSCOPE_DOCUMENTS: z.preprocess(blankToUndefined, z.string().optional()),
    CLAIMSCOPE_DATA_DIR: z.string().optional(),
    CLAIMSCOPE_EMBEDDED_STORE: z.preprocess(
      blankToUndefined,
      z
        .enum(['sqlite', 'json'], {
          error: (issue) =>
            `CLAIMSCOPE_EMBEDDED_STORE must be sqlite (the default) or json, got "${String(issue.input)}"`,
        })
        .default('sqlite'),
    ),
    XDG_DATA_HOME: z.string().optional(),
    HOME: z.string().optional(),
  })
  .transform((env) => ({
    databaseUrl: env.CLAIMSCOPE_DATABASE_URL ?? null,
    poolSize: env.CLAIMSCOPE_DATABASE_POOL_SIZE,
    documentsFile: env.CLAIMSCOPE_DOCUMENTS ?? null,
    embeddedStore: env.CLAIMSCOPE_EMBEDDED_STORE,
    dataDir: defaultDataDir({
      CLAIMSCOPE_DATA_DIR: env.CLAIMSCOPE_DATA_DIR,
      XDG_DATA_HOME: env.XDG_DATA_HOME,
      HOME: env.HOME,
    }),
  }));

const origins = (variable: string) =>
  z.preprocess(
    (value) =>
      String(value ?? '')
        .split(',')
        .map((origin) => origin.trim().replace(/\/+$/, ''))
        .filter((origin) => origin !== ''),
    z.array(
      z.string().refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin, {
        error: (issue) =>
          `${variable}: "${String(issue.input)}" is not an origin such as https://claimscope.dev`,
      }),
    ),
  );

/** The server's settings: the store's, and where and for whom it listens. */
export const ServerSettingsSchema = z
  .object({
    HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
    PORT: integer('PORT', 0, 65535, ''),
    CLAIMSCOPE_CORS_ORIGINS: origins('CLAIMSCOPE_CORS_ORIGINS'),
    CLAIMSCOPE_SITE_ORIGINS: origins('CLAIMSCOPE_SITE_ORIGINS'),
    CLAIMSCOPE_ADMIN_TOKEN: z.preprocess(
      (value) => blankToUndefined(typeof value === 'string' ? value.trim() : value),
      z.string().min(16, 'CLAIMSCOPE_ADMIN_TOKEN must be at least 16 characters long').optional(),
    ),
  })
  .transform((env) => ({
    host: env.HOST,
    port: env.PORT ?? 4000,
    corsOrigins: env.CLAIMSCOPE_CORS_ORIGINS,
    /** CLAIMSCOPE_SITE_ORIGINS: other origins whose pages may write (sign in, review), e.g. the web site's. */
    siteOrigins: env.CLAIMSCOPE_SITE_ORIGINS,
    /** CLAIMSCOPE_ADMIN_TOKEN: unlocks `article.import` for requests that present it; null is read-only. */
    adminToken: env.CLAIMSCOPE_ADMIN_TOKEN ?? null,
  }));

export type StoreSettings = z.output<typeof StoreSettingsSchema>;
export type ServerConfig = z.output<typeof ServerSettingsSchema>;

/** Parses `env` with `schema`, or throws one error listing every bad setting. */
function parseSettings<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
}

/** The store settings of the environment (the server's and the import command's). */
export function readStoreSettings(env: NodeJS.ProcessEnv): StoreSettings {
  return parseSettings(StoreSettingsSchema, env);
}

/** HOST, PORT, CLAIMSCOPE_CORS_ORIGINS and CLAIMSCOPE_ADMIN_TOKEN, with an error naming a bad value. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  return parseSettings(ServerSettingsSchema, env);
}
