import { loadCorpus, SEED_ARTICLE_ID } from '@claimscope/corpus';
import { createCaller, createMemoryStore } from '../src/index.js';

export const corpus = loadCorpus();
const seed = corpus.find((doc) => doc.article.id === SEED_ARTICLE_ID);
if (!seed) throw new Error(`the corpus has no article "${SEED_ARTICLE_ID}"`);
/** The seed article: VICE News on al Qaeda and the Islamic State. */
export const seedDocument = seed;
export { SEED_ARTICLE_ID };
/** A caller over the real corpus, as the server serves it. */
export const api = createCaller(createMemoryStore(corpus));
/** A claim id of the seed article from its number: `claimId(9)` → `…claim-09`. */
export const claimId = (n: number) => `${SEED_ARTICLE_ID}.claim-${String(n).padStart(2, '0')}`;
