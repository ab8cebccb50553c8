import { formatCount, LINK_KIND_LABEL } from '@claimscope/schema/display';
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import {
  type ArticleSummary,
  type ClaimItem,
  type Disagreement,
  type EntityItem,
  type RelationItem,
  requests,
  type SearchHit,
} from '../../api/queries.js';
import type { QueryState } from '../../api/query-cache.js';
import { useArticle } from '../../hooks/useArticle.js';
import { useArticlePages } from '../../hooks/useArticlePages.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { type EntityClaimRow, useEntityClaims } from '../../hooks/useEntityClaims.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useNav } from '../../hooks/useScreen.js';
import type { Screen } from '../../state/navigation.js';
import {
  ClaimDetailPane,
  DisagreementDetailPane,
  EntityDetailPane,
  RelationDetailPane,
  statedBy,
} from '../DetailPanes.js';
import { type Column, ListScreen } from '../ListScreen.js';
import {
  ARTICLE_SORT_LABEL,
  anyUnreviewed,
  CERTAINTY_LABEL,
  CLAIM_KIND_LEGEND,
  CLAIM_KIND_MARK,
  claimLabel,
  entityCounts,
  entityKindLabel,
  modalityLabel,
  predicateLabel,
  quoteLabel,
  relationLabel,
  reviewFilterText,
  reviewLegend,
  reviewMark,
} from '../labels.js';
import { useTheme } from '../theme.js';

export interface PaneSize {
  width: number;
  height: number;
}

/** Where Enter leads from a claim: its words in the article, highlighted. */
export function quoteScreen(claim: Pick<ClaimItem, 'id' | 'text' | 'articleId'>): Screen {
  return {
    kind: 'reader',
    label: quoteLabel(claim),
    focus: { kind: 'claim', id: claim.id },
    articleId: claim.articleId,
  };
}

export function entityScreen(entity: { id: string; name: string }): Screen {
  return { kind: 'entity', label: entity.name, entityId: entity.id };
}

/** The number a claim is cited by ("claim 11" ↔ `…claim-11`), alone: the column says "#". */
const claimNumberText = (id: string) => claimLabel(id).replace(/^claim /, '');

/** A claim list's columns: the text gets the room; `speaker: false` where the screen names them. */
function claimColumns<R>(claimOf: (row: R) => ClaimItem, speaker: boolean): Column<R>[] {
  return [
    { header: '#', width: 3, align: 'right', text: (r) => claimNumberText(claimOf(r).id) },
    { header: 'K', width: 1, text: (r) => CLAIM_KIND_MARK[claimOf(r).kind] },
    ...(speaker ? [{ header: 'Speaker', width: 16, text: (r: R) => claimOf(r).speaker.name }] : []),
    { header: 'Claim', width: 'fill', min: 20, text: (r) => claimOf(r).text },
    {
      header: 'Modality',
      width: 11,
      hideBelow: 64,
      text: (r) => modalityLabel(claimOf(r).modality),
    },
  ];
}

const claimFilterText = (c: ClaimItem) =>
  `${c.speaker.name} ${c.text} ${c.statement} ${c.modality} ${c.kind} ${c.channel.kind} ${reviewFilterText(c.provenance)}`;

/**
 * The review column ("?" for an unreviewed draft) and its legend, for lists holding annotations
 * no person has confirmed: present only then, so reviewed data reads as before. The legend comes
 * first, before the kinds', because it is what a reader must not miss.
 */
function reviewMarks<R>(
  rows: QueryState<readonly R[]>,
  provenanceOf: (row: R) => ClaimItem['provenance'],
  style: Column<R>['style'],
  legend?: string,
): { columns: Column<R>[]; legend: string | undefined } {
  const provenances =
    rows.status === 'success' ? rows.data.map((r) => ({ provenance: provenanceOf(r) })) : [];
  if (!anyUnreviewed(provenances)) return { columns: [], legend };
  return {
    columns: [{ header: 'R', width: 1, text: (r) => reviewMark(provenanceOf(r)), style }],
    legend: [reviewLegend(provenances), legend].filter(Boolean).join('   '),
  };
}

export function EntitiesScreen(size: PaneSize) {
  const theme = useTheme();
  const article = useArticle();
  const state = useQuery(requests.entities(article.id));
  const review = reviewMarks<EntityItem>(
    state,
    (e) => e.provenance,
    () => theme.marker,
  );
  const columns: Column<EntityItem>[] = [
    ...review.columns,
    { header: 'Name', width: 'fill', text: (e) => e.name },
    {
      header: 'Kind',
      width: 13,
      text: (e) => entityKindLabel(e.kind),
      style: () => ({ dimColor: true }),
    },
    { header: 'Mentions', width: 8, align: 'right', text: (e) => String(e.mentionCount) },
  ];
  return (
    <ListScreen
      {...size}
      what="entities"
      state={state}
      columns={columns}
      legend={review.legend}
      filterText={(e) =>
        `${e.name} ${e.kind} ${e.aliases.map((a) => a.name).join(' ')} ${e.description} ${reviewFilterText(e.provenance)}`
      }
      detail={(e) => <EntityDetailPane entity={e} />}
      open={entityScreen}
      emptyMessage="This article has no annotated entities."
    />
  );
}

export function EntityClaimsScreen({ entityId, ...size }: PaneSize & { entityId: string }) {
  const theme = useTheme();
  const { rows, entity, count, more, loadingMore } = useEntityClaims(entityId);
  const header = entity ? (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...theme.accent}>{entity.name}</Text>
        <Text {...theme.muted}>
          {' '}
          {entityKindLabel(entity.kind)} · {entityCounts(entity)}
        </Text>
      </Text>
      <Text wrap="truncate-end">{entity.description}</Text>
    </Box>
  ) : null;
  // The screen names the entity: its own claims need no speaker, only those about it do.
  const others =
    rows.status === 'success' && rows.data.some((r) => r.claim.speaker.id !== entityId);
  const claim = claimColumns<EntityClaimRow>((r) => r.claim, false);
  const fromArticle = articleColumn<EntityClaimRow>(
    rows.status === 'success' ? rows.data.map((r) => r.claim.articleId) : [],
    (r) => r.claim.articleId,
  );
  const review = reviewMarks<EntityClaimRow>(
    rows,
    (r) => r.claim.provenance,
    () => theme.marker,
    CLAIM_KIND_LEGEND,
  );
  const columns: Column<EntityClaimRow>[] = [
    {
      header: 'Role',
      width: 5,
      text: (r) => r.role,
      style: (r) => (r.role === 'said' ? theme.accent : theme.muted),
    },
    ...claim.slice(0, 2),
    ...review.columns,
    ...(others
      ? [
          {
            header: 'Speaker',
            width: 16,
            text: (r: EntityClaimRow) =>
              r.claim.speaker.id === entityId ? '' : r.claim.speaker.name,
          },
        ]
      : []),
    ...claim.slice(2),
    ...fromArticle,
  ];
  return (
    <ListScreen
      {...size}
      what="claims"
      state={rows}
      columns={columns}
      count={count}
      legend={[loadingMore ? 'loading more…' : more ? 'more load at the end' : '', review.legend]
        .filter(Boolean)
        .join('   ')}
      pending={loadingMore}
      filterText={(r) => `${r.role} ${claimFilterText(r.claim)}`}
      detail={(r) => <ClaimDetailPane claim={r.claim} />}
      open={(r) => quoteScreen(r.claim)}
      header={header}
      headerHeight={entity ? 3 : 0}
      emptyMessage={`${entity?.name ?? 'This entity'} makes no claims and no claim is about it.`}
    />
  );
}

export function ClaimsScreen(size: PaneSize) {
  const theme = useTheme();
  const article = useArticle();
  const state = useQuery(requests.claims(article.id));
  const claim = claimColumns<ClaimItem>((c) => c, true);
  const review = reviewMarks<ClaimItem>(
    state,
    (c) => c.provenance,
    () => theme.marker,
    CLAIM_KIND_LEGEND,
  );
  const columns: Column<ClaimItem>[] = [...claim.slice(0, 2), ...review.columns, ...claim.slice(2)];
  return (
    <ListScreen
      {...size}
      what="claims"
      state={state}
      columns={columns}
      legend={review.legend}
      filterText={claimFilterText}
      detail={(c) => <ClaimDetailPane claim={c} />}
      open={quoteScreen}
      emptyMessage="This article has no annotated claims."
    />
  );
}

export function RelationsScreen(size: PaneSize) {
  const theme = useTheme();
  const article = useArticle();
  const state = useQuery(requests.relations(article.id));
  // For "Stated by": the speakers of the claims that state relations.
  const claims = useQuery(requests.claims(article.id));
  const speakers = new Map(
    claims.status === 'success' ? claims.data.map((c) => [c.id, c.speaker.name]) : [],
  );
  const speakerOf = (claimId: string) => speakers.get(claimId);
  const review = reviewMarks<RelationItem>(
    state,
    (r) => r.provenance,
    () => theme.marker,
  );
  const columns: Column<RelationItem>[] = [
    ...review.columns,
    { header: 'Subject', width: 'fill', text: (r) => r.subject.name },
    {
      header: 'Relation',
      width: 17,
      text: (r) => predicateLabel(r.predicate) + (r.past ? ' (past)' : ''),
      style: () => ({ bold: true }),
    },
    { header: 'Object', width: 'fill', text: (r) => r.object.name },
    {
      header: 'Certainty',
      width: 9,
      text: (r) => CERTAINTY_LABEL[r.certainty],
      style: (r) => (r.certainty === 'stated' ? {} : theme.muted),
    },
  ];
  return (
    <ListScreen
      {...size}
      what="relations"
      state={state}
      columns={columns}
      legend={review.legend}
      filterText={(r) =>
        `${relationLabel(r)} ${r.role ?? ''} ${r.certainty} ${statedBy(r, speakerOf)} ${reviewFilterText(r.provenance)}`
      }
      detail={(r) => <RelationDetailPane relation={r} speakerOf={speakerOf} />}
      open={(r) => ({
        kind: 'reader',
        label: relationLabel(r),
        focus: { kind: 'relation', id: r.id },
        articleId: r.articleId,
      })}
      emptyMessage="This article has no annotated relations."
    />
  );
}

/** How long typing must pause before a search goes out. */
export const SEARCH_DEBOUNCE_MS = 250;

function hitTitle(hit: SearchHit, paragraphs: ReadonlyMap<string, number>): string {
  if (hit.type === 'entity') return `${hit.name} (${entityKindLabel(hit.kind)})`;
  if (hit.type === 'claim') return `${hit.speaker.name} · ${claimLabel(hit.id)}`;
  return paragraphLabel(hit.id, paragraphs);
}

/** "¶ 8", counted as readers count paragraphs; "¶" alone until the numbers are in. */
function paragraphLabel(blockId: string, paragraphs: ReadonlyMap<string, number>): string {
  const n = paragraphs.get(blockId);
  return n === undefined ? '¶' : `¶ ${n}`;
}

export function SearchScreen(size: PaneSize) {
  const theme = useTheme();
  const { view } = useNav();
  const query = useDebouncedValue(view.filter.trim(), SEARCH_DEBOUNCE_MS);
  const state = useQuery(query ? requests.search(query) : null);
  const hits: QueryState<SearchHit[]> = !query
    ? { status: 'success', data: [] }
    : state.status === 'success'
      ? { status: 'success', data: state.data.hits }
      : state;
  const paragraphArticles =
    hits.status === 'success'
      ? [...new Set(hits.data.filter((h) => h.type === 'paragraph').map((h) => h.articleId))]
      : [];
  const numbers = useQuery(
    paragraphArticles.length > 0 ? requests.paragraphNumbers(paragraphArticles) : null,
  );
  const paragraphs = numbers.status === 'success' ? numbers.data : new Map<string, number>();
  const fromArticle = articleColumn<SearchHit>(
    hits.status === 'success' ? hits.data.map((h) => h.articleId) : [],
    (h) => h.articleId,
  );
  const columns: Column<SearchHit>[] = [
    { header: 'Type', width: 9, text: (h) => h.type, style: () => theme.muted },
    {
      header: 'Found',
      width: Math.max(14, Math.min(28, Math.floor(size.width * 0.3))),
      text: (h) => hitTitle(h, paragraphs),
      style: () => ({ bold: true }),
    },
    {
      header: 'Text',
      width: 'fill',
      text: (h) => h.snippet.text,
      highlights: (h) => h.snippet.highlights,
    },
    ...fromArticle,
  ];
  const open = (hit: SearchHit): Screen => {
    if (hit.type === 'entity') return entityScreen(hit);
    if (hit.type === 'claim')
      return {
        kind: 'reader',
        label: `${hit.speaker.name}: ${quoteLabel({ text: hit.snippet.text }, 20)}`,
        focus: { kind: 'claim', id: hit.id },
        articleId: hit.articleId,
      };
    return {
      kind: 'reader',
      label: paragraphLabel(hit.id, paragraphs),
      focus: { kind: 'block', id: hit.id },
      articleId: hit.articleId,
    };
  };
  return (
    <ListScreen
      {...size}
      what="results"
      state={hits}
      columns={columns}
      open={open}
      inputLabel="Search:"
      pending={view.filter.trim() !== query}
      emptyMessage={
        query ? `Nothing matches “${query}”.` : 'Type to search entities, claims and paragraphs.'
      }
      emptyHint={
        query
          ? 'Try another word; search ignores case and accents.'
          : 'Enter: browse the results · Esc: clear'
      }
    />
  );
}

const claimRef = (c: ClaimItem) => `${claimLabel(c.id)} ${c.speaker.name}`;

/** Claims that contradict or qualify others: the web site's disagreements, one row a link. */
export function DisagreementsScreen(size: PaneSize) {
  const theme = useTheme();
  const article = useArticle();
  const state = useQuery(requests.disagreements(article.id));
  const columns: Column<Disagreement>[] = [
    { header: 'Claim', width: 'fill', min: 12, text: (d) => claimRef(d.from) },
    {
      header: 'How',
      width: 11,
      text: (d) => LINK_KIND_LABEL[d.kind],
      style: (d) => (d.kind === 'contradicts' ? theme.error : theme.accent),
    },
    { header: 'Other claim', width: 'fill', min: 12, text: (d) => claimRef(d.to) },
    { header: 'Why', width: 'fill', min: 12, hideBelow: 70, text: (d) => d.note },
  ];
  return (
    <ListScreen
      {...size}
      what="disagreements"
      state={state}
      columns={columns}
      filterText={(d) =>
        `${claimRef(d.from)} ${d.kind} ${claimRef(d.to)} ${d.note} ${d.from.text} ${d.to.text}`
      }
      detail={(d) => <DisagreementDetailPane disagreement={d} />}
      open={(d) => quoteScreen(d.from)}
      emptyMessage="No claim in this article contradicts or qualifies another."
    />
  );
}

/**
 * The "Article" column, for lists whose rows can come from several articles: present only when
 * these rows do, so that two rows alike in all else can be told apart.
 */
function articleColumn<R>(
  rowArticles: readonly string[],
  articleOf: (row: R) => string,
): Column<R>[] {
  if (new Set(rowArticles).size < 2) return [];
  return [
    {
      // The id: unique where headlines may not be (two versions, two copies of a story).
      header: 'Article',
      width: Math.min(24, Math.max(...rowArticles.map((id) => id.length))),
      text: articleOf,
      style: () => ({ dimColor: true }),
    },
  ];
}

/** Rows from the end of the articles read so far at which the next page is asked for. */
const ARTICLES_AHEAD = 30;

/** The longest word of a filter: the one the API narrows the article list by. */
function longestWord(filter: string): string {
  return filter
    .trim()
    .split(/\s+/)
    .reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/**
 * The article picker: Enter shows the selected article in every tab. The list is read a page at
 * a time as the selection nears the end of what is in. A filter asks the API for the articles
 * holding its longest word (in the headline, dek or id) and reads all of those, and the list
 * keeps the ones holding every word.
 */
export function ArticlesScreen(size: PaneSize) {
  const current = useArticle();
  const { view, state: nav } = useNav();
  const sort = nav.articleSort;
  const longest = longestWord(view.filter);
  const typed = useDebouncedValue(longest, SEARCH_DEBOUNCE_MS);
  const word = longest === '' ? '' : typed;
  const pages = useArticlePages(word, sort);
  const everything = useArticlePages();
  const read = pages.state.status === 'success' ? pages.state.data.length : 0;
  const wanted = word !== '' || view.cursor >= read - ARTICLES_AHEAD;
  // Each page that lands renders this again, which asks for the next one while still wanted.
  useEffect(() => {
    if (wanted && !pages.complete) pages.loadMore();
  });
  const columns: Column<ArticleSummary>[] = [
    { header: ' ', width: 1, text: (a) => (a.id === current.id ? '●' : ' ') },
    { header: 'Headline', width: 'fill', text: (a) => a.headline },
    {
      header: 'Id',
      width: 24,
      hideBelow: 70,
      text: (a) => a.id,
      style: () => ({ dimColor: true }),
    },
    {
      header: 'Published',
      width: 10,
      hideBelow: 60,
      text: (a) => (a.published.status === 'known' ? a.published.date : 'unknown'),
    },
    { header: 'Claims', width: 6, align: 'right', text: (a) => String(a.counts.claims) },
  ];
  return (
    <ListScreen
      {...size}
      what="articles"
      state={pages.state}
      count={
        pages.complete
          ? undefined
          : `${formatCount(read)} of ${formatCount(pages.total)}${pages.totalIsLowerBound ? '+' : ''}`
      }
      pending={longest !== '' && (word !== longest || !pages.complete)}
      filterOutOf={everything.total}
      legend={`${ARTICLE_SORT_LABEL[sort]}  (o: order)`}
      columns={columns}
      filterText={(a) => `${a.headline} ${a.dek ?? ''} ${a.id}`}
      open={(a) => ({ type: 'chooseArticle', articleId: a.id })}
      emptyMessage="The corpus has no articles."
    />
  );
}
