import * as z from 'zod/mini';

/*
 * Every setting the terminal reads from the environment, through one zod schema (zod/mini: the
 * same checks, without loading zod's method-chaining classes at start-up). The command
 * line's flags (node's parseArgs, in cli/args.ts) override them: --api the API, --data-dir the
 * data folder.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

/** An unset or blank variable: the default applies. */
const blankToUndefined = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((value: unknown) =>
      typeof value === 'string' && value.trim() === '' ? undefined : value,
    ),
    schema,
  );

/** An http(s) URL, from the variable or flag named `from`. */
export const httpUrl = (from: string) =>
  z.string().check(
    z.trim(),
    z.refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
      error: (issue) =>
        `${from} must be an http(s) URL such as http://localhost:4000, got '${String(issue.input)}'`,
    }),
  );

export const TerminalSettingsSchema = z.pipe(
  z.object({
    /** The API to talk to; unset runs the API in-process over the embedded store. */
    CLAIMSCOPE_API_URL: blankToUndefined(z.optional(httpUrl('CLAIMSCOPE_API_URL'))),
    /** The admin token `import --api` sends to the server. */
    CLAIMSCOPE_ADMIN_TOKEN: blankToUndefined(z.optional(z.string().check(z.trim()))),
    /** The embedded store's kind, as the server reads it. */
    CLAIMSCOPE_EMBEDDED_STORE: blankToUndefined(
      z._default(
        z.enum(['sqlite', 'json'], {
          error: (issue) =>
            `CLAIMSCOPE_EMBEDDED_STORE must be sqlite (the default) or json, got '${String(issue.input)}'`,
        }),
        'sqlite',
      ),
    ),
    CLAIMSCOPE_DATA_DIR: z.optional(z.string()),
    XDG_DATA_HOME: z.optional(z.string()),
    HOME: z.optional(z.string()),
    /** Present and not empty: no colour (https://no-color.org). */
    NO_COLOR: z.optional(z.string()),
  }),
  z.transform((env) => ({
    apiUrl: env.CLAIMSCOPE_API_URL ?? null,
    adminToken: env.CLAIMSCOPE_ADMIN_TOKEN ?? null,
    embeddedStore: env.CLAIMSCOPE_EMBEDDED_STORE,
    /** What `defaultDataDir` of @claimscope/api reads (loaded only by commands that open the store). */
    dataDirVariables: {
      CLAIMSCOPE_DATA_DIR: env.CLAIMSCOPE_DATA_DIR,
      XDG_DATA_HOME: env.XDG_DATA_HOME,
      HOME: env.HOME,
    },
    colour: !(env.NO_COLOR !== undefined && env.NO_COLOR !== ''),
  })),
);

export type TerminalSettings = z.output<typeof TerminalSettingsSchema>;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** The settings in `env`; throws a SettingsError naming each bad variable. */
export function readSettings(env: Environment): TerminalSettings {
  // Parsed a few times a run: compiling zod's eval-based fast path would cost more (up to ~10 ms
  // at start-up) than it saves.
  const parsed = TerminalSettingsSchema.safeParse(env, { jitless: true });
  if (parsed.success) return parsed.data;
  throw new SettingsError(parsed.error.issues.map((issue) => issue.message).join('; '));
}
