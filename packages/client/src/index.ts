import type { AppRouter } from '@claimscope/api';
import { createTRPCClient, type HTTPHeaders, httpBatchLink, type TRPCClient } from '@trpc/client';

export type {
  AppRouter,
  ArticleSort,
  ClaimView,
  EntityRef,
  Highlight,
  Page,
  RouterInputs,
  RouterOutputs,
  Snippet,
} from '@claimscope/api';
export type {
  Alias,
  Anchor,
  Article,
  ArticleDocument,
  Block,
  BlockKind,
  Channel,
  ChannelKind,
  Claim,
  ClaimKind,
  ClaimLink,
  ClaimLinkKind,
  Entity,
  EntityKind,
  Mention,
  MentionForm,
  Modality,
  Polarity,
  Predicate,
  Provenance,
  PublicationDate,
  Relation,
  TextPositionSelector,
  TextQuoteSelector,
  TimeExpression,
} from '@claimscope/schema';
export { TRPCClientError } from '@trpc/client';

/** The server refuses batches above this many calls, so the link never sends more. */
const MAX_BATCH_SIZE = 10;

export interface ClaimscopeClientOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:4000`; the API lives under its `/trpc`. */
  url: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request, or a function computing them per request. */
  headers?: HTTPHeaders | (() => HTTPHeaders | Promise<HTTPHeaders>);
}

export type ClaimscopeClient = TRPCClient<AppRouter>;

/** The tRPC endpoint for a server base URL (accepts the `/trpc` URL itself too). */
export function trpcEndpoint(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/trpc') ? base : `${base}/trpc`;
}

/**
 * A typed client for the claimscope API: `await client.entity.get.query({ id })`.
 * Calls made in the same tick go out as one batched HTTP request.
 */
export function createClaimscopeClient(options: ClaimscopeClientOptions): ClaimscopeClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: trpcEndpoint(options.url),
        maxItems: MAX_BATCH_SIZE,
        // Batched queries travel in the URL; keep it well under Node's 16 KiB header limit.
        maxURLLength: 8_000,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      }),
    ],
  });
}
