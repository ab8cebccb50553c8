import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Draft } from '../drafts/draft.js';
import {
  MergeEntitiesInput,
  mergeEntities,
  SplitEntityInput,
  splitEntity,
  undoLastStep,
} from '../drafts/draft-edits.js';
import { draftOf } from '../drafts/review.js';
import type { ClaimStore } from '../store/claim-store.js';
import { editorProcedure, type Requester } from '../trpc.js';
import { DraftViewSchema, nameOf, viewOf } from './draft.js';

/** The editor's name and their draft (refused if it is another editor's). */
async function ownDraft(
  ctx: { store: ClaimStore; requester: Requester },
  draftId: string,
): Promise<{ by: string; draft: Draft }> {
  const by = nameOf(ctx.requester);
  return { by, draft: await draftOf(ctx.store, draftId, by, false) };
}

/** The draft procedures that change several annotations in one step, and undo. */
export const draftEditProcedures = {
  /** Merges one entity into another: mentions, claims and relations repointed, names kept as aliases. */
  mergeEntities: editorProcedure
    .input(MergeEntitiesInput)
    .output(DraftViewSchema)
    .mutation(async ({ ctx, input }) => {
      const { by, draft } = await ownDraft(ctx, input.draftId);
      return viewOf(await mergeEntities(ctx.store, draft, by, input, ctx.sessions.now()));
    }),
  /** Moves chosen mentions of an entity to a new entity. */
  splitEntity: editorProcedure
    .input(SplitEntityInput)
    .output(DraftViewSchema)
    .mutation(async ({ ctx, input }) => {
      const { by, draft } = await ownDraft(ctx, input.draftId);
      return viewOf(await splitEntity(ctx.store, draft, by, input, ctx.sessions.now()));
    }),
  /** Takes the draft's last step back; repeated, back to the draft as extracted. */
  undo: editorProcedure
    .input(z.strictObject({ draftId: z.string().min(1) }))
    .output(DraftViewSchema.extend({ undone: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { draft } = await ownDraft(ctx, input.draftId);
      const undone = draft.history?.at(-1)?.label ?? '';
      return { ...viewOf(await undoLastStep(ctx.store, draft, ctx.sessions.now())), undone };
    }),
} satisfies TRPCRouterRecord;
