import type { ArticleDocument } from '@claimscope/schema';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { ClaimStore } from '../store/claim-store.js';

/** Makes a store holding `documents`, empty of anything else; the suite closes it. */
export type StoreFactory = (documents: ArticleDocument[]) => Promise<ClaimStore>;

/** Runs a call that must fail and returns its error, for assertions on code and issues. */
export async function failureOf(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The issue paths of an input error (zod issues behind a BAD_REQUEST). */
export function issuePaths(error: TRPCError): string[] {
  const issues = (error.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues ?? [];
  return issues.map((issue) => issue.path.join('.'));
}

/** Every page of a paginated procedure, following nextCursor until the end. */
export async function allPages<T>(
  fetchPage: (
    cursor: string | undefined,
  ) => Promise<{ items: T[]; nextCursor: string | null; total: number }>,
): Promise<{ items: T[]; pages: number; totals: number[] }> {
  const items: T[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    totals.push(page.total);
    pages += 1;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && pages < 1000);
  return { items, pages, totals };
}
