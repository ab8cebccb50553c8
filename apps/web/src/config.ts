import { z } from 'zod';

/*
 * Every setting of the web app, read from the environment through one zod schema. It is read at
 * run time, not at build, so one build serves any deployment; a bad value is an error that names
 * the variable, not a silent default.
 */

export const DEFAULT_API_URL = 'http://127.0.0.1:4000/trpc';
export const DEFAULT_API_TIMEOUT_MS = 5_000;

/** An unset or blank variable: the default applies. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const WebSettingsSchema = z
  .object({
    /** The API server's tRPC endpoint. */
    CLAIMSCOPE_API_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
          error: (issue) =>
            `CLAIMSCOPE_API_URL must be an http(s) URL such as ${DEFAULT_API_URL}, got "${String(issue.input)}"`,
        })
        .default(DEFAULT_API_URL),
    ),
    /** How long the server waits for the API before showing the error view. */
    CLAIMSCOPE_API_TIMEOUT_MS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .optional()
        .transform((value, ctx) => {
          if (value === undefined) return DEFAULT_API_TIMEOUT_MS;
          const ms = Number(value);
          if (Number.isFinite(ms) && ms > 0) return ms;
          ctx.addIssue({
            code: 'custom',
            message: `CLAIMSCOPE_API_TIMEOUT_MS must be a number of milliseconds above 0, got "${value}"`,
          });
          return z.NEVER;
        }),
    ),
  })
  .transform((env) => ({
    apiUrl: env.CLAIMSCOPE_API_URL,
    /** The API server's root, where its plain `/api/…` URLs live. */
    apiOrigin: env.CLAIMSCOPE_API_URL.replace(/\/+$/, '').replace(/\/trpc$/, ''),
    apiTimeoutMs: env.CLAIMSCOPE_API_TIMEOUT_MS,
  }));

export type WebSettings = z.output<typeof WebSettingsSchema>;

/** The settings in `env` (the process's environment by default); throws an error naming each bad variable. */
export function webSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): WebSettings {
  const parsed = WebSettingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(`claimscope web: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
}
