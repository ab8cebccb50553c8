// The annotated corpus, as built documents. Loading parses JSON bundled at build time: no file
// system access, no resolving, so bundlers can inline it and start-up stays cheap. A module of its
// own (`@claimscope/corpus/documents`): loading the documents never loads the resolver or the
// schemas it validates with.
import type { ArticleDocument } from '@claimscope/schema';
import viceAqIsReconciliation from '../generated/vice-aq-is-reconciliation.json' with {
  type: 'json',
};

/** The id of the seed article: VICE News, "Al Qaeda Seems to Want to Be Best Friends with the Islamic State Again". */
export const SEED_ARTICLE_ID = 'vice-aq-is-reconciliation';

const documents = [viceAqIsReconciliation] as unknown as ArticleDocument[];

/**
 * Every annotated article, in corpus order. The documents were validated with
 * `validateArticleDocument` when `pnpm build` wrote them; they are not re-validated here.
 */
export function loadCorpus(): ArticleDocument[] {
  return documents;
}
