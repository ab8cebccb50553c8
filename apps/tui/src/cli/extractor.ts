// What `claimscope extract` loads on demand, in one chunk. (A dynamic import of all of
// @claimscope/schema also makes rolldown rc.17 panic when it builds the CommonJS scripts.)
export { extract, looksLikeHtml } from '@claimscope/extract';
export { validateArticleDocument } from '@claimscope/schema';
