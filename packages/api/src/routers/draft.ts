import type { ArticleDocument } from '@claimscope/schema';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { DecisionSchema, type Draft, reviewedDocument, reviewProgress } from '../drafts/draft.js';
import {
  CreateDraftInput,
  createDraft,
  DecideInput,
  decide,
  draftOf,
  publishDraft,
} from '../drafts/review.js';
import { editorProcedure, type Requester } from '../trpc.js';

const ProgressSchema = z.strictObject({ reviewed: z.int(), total: z.int() });

const DraftSummarySchema = z.strictObject({
  id: z.string(),
  articleId: z.string(),
  headline: z.string(),
  owner: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: z.int(),
  baseVersion: z.int().nullable(),
  published: z.strictObject({ version: z.int(), at: z.string() }).nullable(),
  progress: ProgressSchema,
});

/** A draft as the review screen reads it: the document with every decision applied (rejected ones marked). */
export const DraftViewSchema = DraftSummarySchema.extend({
  decisions: z.record(z.string(), DecisionSchema),
  document: z.custom<ArticleDocument>((value) => typeof value === 'object' && value !== null),
  /** The steps `u` can still take back, and the last one's label. */
  undo: z.strictObject({ steps: z.int(), last: z.string().nullable() }),
});

const summaryOf = (draft: Draft): z.infer<typeof DraftSummarySchema> => ({
  id: draft.id,
  articleId: draft.articleId,
  headline: draft.machine.article.headline,
  owner: draft.owner,
  createdAt: draft.createdAt,
  updatedAt: draft.updatedAt,
  revision: draft.revision,
  baseVersion: draft.baseVersion,
  published: draft.published,
  progress: reviewProgress(draft),
});
export const viewOf = (draft: Draft) => ({
  ...summaryOf(draft),
  decisions: draft.decisions,
  document: reviewedDocument(draft),
  undo: { steps: draft.history?.length ?? 0, last: draft.history?.at(-1)?.label ?? null },
});

/** The editor's name in drafts and provenance; a script with the admin token is `admin-token`. */
export const nameOf = (requester: Requester) =>
  requester.kind === 'account' ? requester.account.username : 'admin-token';

const DraftIdInput = z.strictObject({ draftId: z.string().min(1) });

export const draftRouter = {
  /** Extracts a draft annotation of pasted text or an HTML page and saves it as the editor's draft. */
  create: editorProcedure
    .input(CreateDraftInput)
    .output(DraftViewSchema)
    .mutation(async ({ ctx, input }) =>
      viewOf(await createDraft(ctx.store, nameOf(ctx.requester), input, ctx.sessions.now())),
    ),
  get: editorProcedure
    .input(DraftIdInput)
    .output(DraftViewSchema)
    .query(async ({ ctx, input }) =>
      viewOf(
        await draftOf(
          ctx.store,
          input.draftId,
          nameOf(ctx.requester),
          ctx.requester.role === 'admin',
        ),
      ),
    ),
  /** "My drafts": the editor's drafts, the most recently changed first. */
  list: editorProcedure
    .output(z.array(DraftSummarySchema))
    .query(async ({ ctx }) =>
      (await ctx.store.drafts.listDrafts(nameOf(ctx.requester))).map(summaryOf),
    ),
  /** Accepts, rejects, edits, adds or undoes one annotation; saved before it answers. */
  decide: editorProcedure
    .input(DecideInput)
    .output(DraftViewSchema)
    .mutation(async ({ ctx, input }) => {
      const by = nameOf(ctx.requester);
      const draft = await draftOf(ctx.store, input.draftId, by, false);
      return viewOf(await decide(ctx.store, draft, by, input, ctx.sessions.now()));
    }),
  /** Publishes the reviewed draft as the article's next version (refused if it was published meanwhile). */
  publish: editorProcedure
    .input(DraftIdInput)
    .output(z.strictObject({ articleId: z.string(), version: z.int() }))
    .mutation(async ({ ctx, input }) => {
      const by = nameOf(ctx.requester);
      const draft = await draftOf(ctx.store, input.draftId, by, false);
      return publishDraft(ctx.store, draft, by, ctx.sessions.now());
    }),
} satisfies TRPCRouterRecord;
