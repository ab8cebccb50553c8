import type { SearchHit, SearchQuery, SearchResult } from '../../../contracts/search.js';
import { claimHit, entityHit, paragraphHit } from '../../../views/records.js';
import { oneOf } from '../../../views/snippet.js';
import type { SearchMatch } from '../../claim-store.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';
import { paragraphNumber } from './paragraphs.js';

function toHit(store: CorpusIndex, match: SearchMatch): SearchHit | null {
  const base = { id: match.id, articleId: match.articleId, score: match.score };
  const matched = oneOf(match.terms);
  if (match.type === 'entity') {
    const entity = store.entity(match.id);
    return entity ? entityHit(base, entity, matched) : null;
  }
  if (match.type === 'claim') {
    const claim = store.claim(match.id);
    return claim ? claimHit(base, claim, entityRefs(store)(claim.speakerId), matched) : null;
  }
  const doc = store.document(match.articleId);
  const block = store.block(match.articleId, match.id);
  if (!doc || !block) return null;
  const paragraph = paragraphNumber(store, match.articleId, block.id);
  return paragraphHit(base, block, paragraph, doc.article.headline, matched);
}

/** Ranked matches across entities, claims and paragraphs, best first. */
export function search(store: CorpusIndex, input: SearchQuery): SearchResult {
  const matches = store.search(input.q, { types: input.types, limit: input.limit });
  return { query: input.q, hits: matches.flatMap((m) => toHit(store, m) ?? []) };
}
