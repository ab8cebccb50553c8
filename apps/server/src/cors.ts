import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'content-type, authorization, trpc-accept, x-trpc-source';

/** Every Vary value, once each (case-insensitively), in the order first given. */
export function mergeVary(...values: unknown[]): string {
  const seen = new Map<string, string>();
  for (const value of values)
    for (const token of String(value ?? '').split(',')) {
      const name = token.trim();
      if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
    }
  return [...seen.values()].join(', ');
}

/**
 * Applies the allow-list: only a listed origin gets `Access-Control-Allow-Origin`.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.has(origin);
  res.setHeader('Vary', mergeVary(res.getHeader('vary'), 'Origin'));
  if (allowed) res.setHeader('Access-Control-Allow-Origin', origin);
  const isPreflight =
    req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!isPreflight) return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.statusCode = allowed ? 204 : 403;
  res.end();
  return true;
}
