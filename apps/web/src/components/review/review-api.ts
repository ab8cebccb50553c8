'use client';

import type { AppRouter } from '@claimscope/client';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';

/**
 * The review pages' client: one call per request through this site's `/trpc` route, which
 * carries the session cookie to the API and back (see app/trpc/[trpc]/route.ts).
 */
export const reviewApi = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/trpc' })] });

type Outputs = inferRouterOutputs<AppRouter>;
export type DraftView = Outputs['draft']['get'];
export type DraftSummary = Outputs['draft']['list'][number];
export type SignedInAccount = NonNullable<Outputs['session']['me']['account']>;

/** What to tell the user about a failed call: the API's message, which names the field. */
export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Whether the failure means "sign in first" (no session, or an expired one). */
export const needsSignIn = (error: unknown) =>
  error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED';

/** One thing wrong with an edit, as the API validated it: `record.name`, `claims[1].speakerId`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The field-by-field issues of a refused edit (empty for other failures). */
export function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const issues = (error.data as { issues?: FieldIssue[] | null } | undefined)?.issues;
  return Array.isArray(issues) ? issues : [];
}
