import type { ChannelKind, ClaimKind, Modality, ReviewStatus } from '@claimscope/schema';
import { idParam, paramValues, type SearchParamsRecord, textParam } from './search-params';

/** The claim list's filters, as they appear in the page's URL so a filtered view can be shared. */
export interface ClaimFilters {
  speaker: string | null;
  about: string | null;
  kind: ClaimKind[];
  modality: Modality[];
  channel: ChannelKind[];
  /** Claims made to or through this outlet ("told the AP"). */
  outlet: string | null;
  /** Review status: `unreviewed` lists the machine drafts nobody has checked yet. */
  review: ReviewStatus[];
  q: string;
  cursor: string | null;
  /** The cursors of the pages before this one, oldest first ('' for the first page): the way back. */
  back: string[];
}

export const CLAIM_KINDS = [
  'direct_quote',
  'indirect',
  'author_assertion',
] as const satisfies readonly ClaimKind[];
export const MODALITIES = [
  'asserted',
  'hedged',
  'speculative',
  'prediction',
  'denial',
] as const satisfies readonly Modality[];

export const CHANNELS = [
  'interview',
  'letter',
  'report',
  'statement',
  'social_media',
  'authorial',
  'unspecified',
] as const satisfies readonly ChannelKind[];

export const REVIEW_STATUSES = [
  'unreviewed',
  'reviewed',
  'disputed',
  'rejected',
] as const satisfies readonly ReviewStatus[];

function one(params: SearchParamsRecord, key: string): string | null {
  return paramValues(params, key)[0] ?? null;
}

/** Reads filters from search params, ignoring values the API would reject. */
export function parseClaimFilters(params: SearchParamsRecord): ClaimFilters {
  const id = (key: string) => idParam(params, key);
  const pick = <T extends string>(key: string, allowed: readonly T[]) =>
    [...new Set(paramValues(params, key))].filter((v): v is T =>
      (allowed as readonly string[]).includes(v),
    );
  return {
    speaker: id('speaker'),
    about: id('about'),
    kind: pick('kind', CLAIM_KINDS),
    modality: pick('modality', MODALITIES),
    channel: pick('channel', CHANNELS),
    outlet: id('outlet'),
    review: pick('review', REVIEW_STATUSES),
    q: textParam(params, 'q'),
    cursor: one(params, 'cursor'),
    back: (Array.isArray(params.back) ? params.back[0] : params.back)?.split(',') ?? [],
  };
}

/** The query string for a filtered view: empty filters are left out, lists are repeated keys. */
export function claimFiltersToSearch(filters: Partial<ClaimFilters>): string {
  const params = new URLSearchParams();
  if (filters.speaker) params.set('speaker', filters.speaker);
  if (filters.about) params.set('about', filters.about);
  for (const kind of filters.kind ?? []) params.append('kind', kind);
  for (const modality of filters.modality ?? []) params.append('modality', modality);
  for (const channel of filters.channel ?? []) params.append('channel', channel);
  if (filters.outlet) params.set('outlet', filters.outlet);
  for (const status of filters.review ?? []) params.append('review', status);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.cursor) {
    params.set('cursor', filters.cursor);
    if (filters.back?.length) params.set('back', filters.back.join(','));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The `claim.list` input for these filters. */
export function claimListInput(filters: ClaimFilters, limit = 50) {
  return {
    limit,
    ...(filters.speaker ? { speakerId: filters.speaker } : {}),
    ...(filters.about ? { aboutId: filters.about } : {}),
    ...(filters.kind.length > 0 ? { kind: filters.kind } : {}),
    ...(filters.modality.length > 0 ? { modality: filters.modality } : {}),
    ...(filters.channel.length > 0 ? { channel: filters.channel } : {}),
    ...(filters.outlet ? { outletId: filters.outlet } : {}),
    ...(filters.review.length > 0 ? { review: filters.review } : {}),
    ...(filters.q ? { text: filters.q } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

export function hasClaimFilters(filters: ClaimFilters): boolean {
  return Boolean(
    filters.speaker ||
      filters.about ||
      filters.outlet ||
      filters.kind.length ||
      filters.modality.length ||
      filters.channel.length ||
      filters.review.length ||
      filters.q,
  );
}

/** The links to the next and the previous page of a filtered list, keeping the way back. */
export function claimPageLinks(
  filters: ClaimFilters,
  nextCursor: string | null,
): { next: string | null; previous: string | null } {
  const previousCursor = filters.back.at(-1);
  return {
    next: nextCursor
      ? claimFiltersToSearch({
          ...filters,
          cursor: nextCursor,
          back: [...filters.back, filters.cursor ?? ''],
        })
      : null,
    previous: filters.cursor
      ? claimFiltersToSearch({
          ...filters,
          cursor: previousCursor || null,
          back: filters.back.slice(0, -1),
        }) || '?'
      : null,
  };
}

/** The filters that name an entity, and their URL parameters. */
export const ENTITY_ROLES = ['speaker', 'about', 'outlet'] as const;
export type EntityRole = (typeof ENTITY_ROLES)[number];

/**
 * The words typed to find a speaker, subject or outlet (`speakerName`, …): the page lists the
 * entities they match as links that choose one, so the form needs no list of every entity.
 */
export function parseEntityQueries(params: SearchParamsRecord): Record<EntityRole, string> {
  return {
    speaker: textParam(params, 'speakerName'),
    about: textParam(params, 'aboutName'),
    outlet: textParam(params, 'outletName'),
  };
}
