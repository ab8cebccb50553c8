export interface ServerConfig {
  host: string;
  port: number;
  corsOrigins: string[];
  /** CLAIMSCOPE_ADMIN_TOKEN: unlocks `article.import` for requests that present it; null is read-only. */
  adminToken: string | null;
}

/** Reads HOST, PORT and CLAIMSCOPE_CORS_ORIGINS (a comma-separated list), with an error naming a bad value. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? '4000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  const corsOrigins = (env.CLAIMSCOPE_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      throw new Error(
        `CLAIMSCOPE_CORS_ORIGINS: "${origin}" is not an origin such as https://claimscope.dev`,
      );
  }
  const adminToken = env.CLAIMSCOPE_ADMIN_TOKEN?.trim() || null;
  if (adminToken !== null && adminToken.length < 16)
    throw new Error('CLAIMSCOPE_ADMIN_TOKEN must be at least 16 characters long');
  return { host: env.HOST || '127.0.0.1', port, corsOrigins, adminToken };
}
