import { articleRouter } from './routers/article.js';
import { claimRouter } from './routers/claim.js';
import { draftRouter } from './routers/draft.js';
import { draftEditProcedures } from './routers/draft-edit.js';
import { entityRouter } from './routers/entity.js';
import { relationRouter } from './routers/relation.js';
import { searchProcedure } from './routers/search.js';
import { sessionRouter } from './routers/session.js';
import { statsProcedure } from './routers/stats.js';
import { createTRPCRouter } from './trpc.js';

export const appRouter = createTRPCRouter({
  article: articleRouter,
  entity: entityRouter,
  claim: claimRouter,
  relation: relationRouter,
  search: searchProcedure,
  stats: statsProcedure,
  session: sessionRouter,
  draft: { ...draftRouter, ...draftEditProcedures },
});

export type AppRouter = typeof appRouter;
