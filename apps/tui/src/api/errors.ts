import { TRPCClientError } from '@trpc/client';
import type { Connection } from './client.js';

/** Node's network error codes, in words a user can act on. */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running?)',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
};

function networkCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth += 1) {
    if (typeof e === 'object' && e !== null) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && code in NETWORK_CODES) return code;
      const errors = (e as { errors?: unknown }).errors;
      if (Array.isArray(errors))
        for (const inner of errors) if (networkCode(inner)) return networkCode(inner);
      e = (e as { cause?: unknown }).cause;
    } else break;
  }
  return null;
}

/** One line saying what went wrong and where, for the error view and for stderr. */
export function describeError(error: unknown, source: Connection['source']): string {
  const code = networkCode(error);
  if (code)
    return `Cannot reach the API at ${source.kind === 'remote' ? source.url : 'the in-process store'}: ${NETWORK_CODES[code]}`;
  const message = error instanceof Error ? error.message : String(error);
  if (
    source.kind === 'remote' &&
    /Unable to transform response|Unexpected token|JSON/.test(message)
  )
    return `${source.url} did not answer as a claimscope API: is it the /trpc address of a claimscope server? (${message})`;
  if (source.kind === 'remote' && /fetch failed|Failed to fetch/.test(message))
    return `The claimscope API at ${source.url} did not answer as expected (${message})`;
  return message;
}

/** The API answered that the record asked for does not exist (as opposed to failing). */
export function isNotFound(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'NOT_FOUND';
}
