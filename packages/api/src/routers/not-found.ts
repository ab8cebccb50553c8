import { TRPCError } from '@trpc/server';

/** Returns the value, or fails with NOT_FOUND naming what was looked for. */
export function foundOr404<T>(value: T | null, what: string, id: string): T {
  if (value === null)
    throw new TRPCError({ code: 'NOT_FOUND', message: `no ${what} with id "${id}"` });
  return value;
}
