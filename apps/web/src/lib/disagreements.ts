import type { RouterOutputs } from '@claimscope/client';
import type { ClaimLinkKind } from '@claimscope/schema';
import {
  appendPagePosition,
  neighbourPages,
  type PageParams,
  type PagePosition,
  type PagerLink,
  pageSizeLinks,
  parsePagePosition,
} from './page-links';
import type { SearchParamsRecord } from './search-params';

export type Disagreement = RouterOutputs['claim']['disagreements']['items'][number];
export type DisagreementKind = Exclude<ClaimLinkKind, 'supports'>;
export const DISAGREEMENT_KINDS = [
  'contradicts',
  'qualifies',
] as const satisfies readonly DisagreementKind[];

/** The two sections of the page, each paged on its own. */
export type DisagreementSection = 'between' | 'own';
export const DISAGREEMENT_SECTIONS = {
  /** One source against another (or against the author). */
  between: { sameSpeaker: false, anchor: 'between-sources' },
  /** A speaker qualifying or contradicting their own words: hedges, not disputes. */
  own: { sameSpeaker: true, anchor: 'own-words' },
} as const satisfies Record<DisagreementSection, { sameSpeaker: boolean; anchor: string }>;

/** How many links each section shows at a time. */
export const DISAGREEMENTS_PAGE_SIZE = 20;

/** The disagreements page's filters and each section's place, as they appear in its URL. */
export interface DisagreementFilters {
  /** Links in this article only. */
  article: string | null;
  kind: DisagreementKind | null;
  /** Links with this speaker on either side. */
  speaker: string | null;
  /** Each section's page: its cursor (null: the first page) and the way back. */
  positions: Record<DisagreementSection, PagePosition>;
}

/** The search params of each section's page: `between` and `betweenBack`, `own` and `ownBack`. */
const SECTION_PARAMS: Record<DisagreementSection, PageParams> = {
  between: { cursor: 'between', back: 'betweenBack' },
  own: { cursor: 'own', back: 'ownBack' },
};
const FIRST_PAGE: PagePosition = { cursor: null, back: [] };
const BOTH_FIRST = { between: FIRST_PAGE, own: FIRST_PAGE };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseDisagreementFilters(params: SearchParamsRecord): DisagreementFilters {
  const kind = first(params.kind);
  return {
    article: first(params.article) || null,
    kind: (DISAGREEMENT_KINDS as readonly string[]).includes(kind ?? '')
      ? (kind as DisagreementKind)
      : null,
    speaker: first(params.speaker) || null,
    positions: {
      between: parsePagePosition(params, SECTION_PARAMS.between),
      own: parsePagePosition(params, SECTION_PARAMS.own),
    },
  };
}

export function hasDisagreementFilters(filters: DisagreementFilters): boolean {
  return Boolean(filters.article || filters.kind || filters.speaker);
}

/** The page's URL for these filters and places: `/disagreements?…`. */
export function disagreementsHref(filters: DisagreementFilters, anchor?: string): string {
  const params = new URLSearchParams();
  if (filters.article) params.set('article', filters.article);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.speaker) params.set('speaker', filters.speaker);
  for (const section of ['between', 'own'] as const)
    appendPagePosition(params, filters.positions[section], SECTION_PARAMS[section]);
  const search = params.toString();
  return `/disagreements${search ? `?${search}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/** The page without one filter, both sections back at their first page. */
export function withoutFilter(
  filters: DisagreementFilters,
  filter: 'article' | 'kind' | 'speaker',
): string {
  return disagreementsHref({ ...filters, [filter]: null, positions: BOTH_FIRST });
}

/** What the page asks `claim.disagreements` for. */
export interface DisagreementsInput {
  limit: number;
  kind: DisagreementKind[];
  sameSpeaker?: boolean;
  articleId?: string;
  speakerId?: string;
  cursor?: string;
}

/**
 * The `claim.disagreements` input of one section's page, or (section null) of both sections'
 * links of one kind, whose total counts that kind.
 */
export function disagreementsInput(
  filters: DisagreementFilters,
  section: DisagreementSection | null,
  options: { kind?: DisagreementKind; limit?: number } = {},
): DisagreementsInput {
  const kind = options.kind ?? filters.kind;
  const cursor = section ? filters.positions[section].cursor : null;
  return {
    limit: options.limit ?? DISAGREEMENTS_PAGE_SIZE,
    kind: kind ? [kind] : [...DISAGREEMENT_KINDS],
    ...(section ? { sameSpeaker: DISAGREEMENT_SECTIONS[section].sameSpeaker } : {}),
    ...(filters.article ? { articleId: filters.article } : {}),
    ...(filters.speaker ? { speakerId: filters.speaker } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * The links that move one section: to its previous and next page, each keeping the filters and
 * the other section's place, and landing on the section; and to its first page. `remaining`: how
 * many links follow this page.
 */
export function sectionPageLinks(
  filters: DisagreementFilters,
  section: DisagreementSection,
  nextCursor: string | null,
  remaining = 0,
): { previous: PagerLink | null; next: PagerLink | null; first: string } {
  const at = (position: PagePosition) =>
    disagreementsHref(
      { ...filters, positions: { ...filters.positions, [section]: position } },
      DISAGREEMENT_SECTIONS[section].anchor,
    );
  const pages = neighbourPages(filters.positions[section], nextCursor);
  return {
    ...pageSizeLinks(pages, at, DISAGREEMENTS_PAGE_SIZE, remaining),
    first: at(FIRST_PAGE),
  };
}

/** The chosen speaker's name, from a link that names them, when one is on the page. */
export function speakerName(links: readonly Disagreement[], id: string): string | null {
  for (const link of links)
    for (const speaker of [link.from.speaker, link.to.speaker])
      if (speaker.id === id) return speaker.name;
  return null;
}
