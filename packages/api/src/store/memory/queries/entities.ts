import type {
  EntityDetail,
  EntityDetailLimits,
  EntityListItem,
  ListEntitiesQuery,
} from '../../../contracts/entities.js';
import { DEFAULT_DETAIL_LIMITS } from '../../../contracts/entities.js';
import type { CorpusEntity } from '../../../contracts/shared.js';
import { paginate } from '../../../views/pagination.js';
import { entityDetail, mentionInContext, withArticleCount } from '../../../views/records.js';
import { fold } from '../../../views/terms.js';
import { type CorpusIndex, entityRefs } from '../corpus-index.js';
import { paragraphNumber } from './paragraphs.js';

function listItem(store: CorpusIndex, entity: CorpusEntity, articleId?: string): EntityListItem {
  const count = (records: readonly { articleId: string }[]) =>
    articleId ? records.filter((r) => r.articleId === articleId).length : records.length;
  return {
    ...withArticleCount(entity),
    mentionCount: count(store.mentionsOf(entity.id)),
    claimCount: count(store.claimsBySpeaker(entity.id)),
    aboutCount: count(store.claimsAbout(entity.id)),
  };
}

export function listEntities(store: CorpusIndex, input: ListEntitiesQuery) {
  const needle = input.text ? fold(input.text) : null;
  const inArticle = (articleId: string) =>
    (store.document(articleId)?.entities ?? []).flatMap((e) => store.entity(e.id) ?? []);
  const matches = (
    input.articleId
      ? inArticle(input.articleId)
      : input.sort === 'name'
        ? store.entitiesByName()
        : store.entitiesByMentions()
  ).filter(
    (e) =>
      (!input.kind || input.kind.includes(e.kind)) &&
      (!input.review || input.review.includes(e.provenance.review.status)) &&
      (!needle ||
        [e.name, e.description, ...e.aliases.map((a) => a.name)].some((s) =>
          fold(s).includes(needle),
        )),
  );
  // The corpus's entities come presorted, and only the page is counted; one article's (a few
  // dozen) are sorted by their counts in that article.
  if (!input.articleId) return paginate(matches, input, (e) => listItem(store, e));
  const items = matches.map((e) => listItem(store, e, input.articleId));
  const byName = (a: EntityListItem, b: EntityListItem) =>
    a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
  items.sort(
    input.sort === 'name' ? byName : (a, b) => b.mentionCount - a.mentionCount || byName(a, b),
  );
  return paginate(items, input, (item) => item);
}

export function getEntity(
  store: CorpusIndex,
  id: string,
  limits: EntityDetailLimits = DEFAULT_DETAIL_LIMITS,
): EntityDetail | null {
  const entity = store.entity(id);
  if (!entity) return null;
  const allMentions = store.mentionsOf(id);
  const bySpeaker = store.claimsBySpeaker(id);
  const about = store.claimsAbout(id);
  const relations = store.relationsOf(id);
  const mentions = allMentions
    .slice(0, limits.mentionsLimit)
    .map((mention) =>
      mentionInContext(
        mention,
        store.block(mention.articleId, mention.anchor.blockId),
        paragraphNumber(store, mention.articleId, mention.anchor.blockId),
      ),
    );
  const records = {
    mentions,
    claimsBySpeaker: bySpeaker.slice(0, limits.claimsLimit),
    claimsAbout: about.slice(0, limits.claimsLimit),
    relations: relations.slice(0, limits.relationsLimit),
  };
  return entityDetail(entityRefs(store), listItem(store, entity), records, relations.length);
}
