import type { ClaimKind, Modality } from '@claimscope/schema';

/** The claim list's filters, as they appear in the page's URL so a filtered view can be shared. */
export interface ClaimFilters {
  speaker: string | null;
  about: string | null;
  kind: ClaimKind[];
  modality: Modality[];
  q: string;
  cursor: string | null;
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

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function all(params: SearchParamsRecord, key: string): string[] {
  const value = params[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).filter(Boolean);
}

function one(params: SearchParamsRecord, key: string): string | null {
  return all(params, key)[0] ?? null;
}

const ID = /^[a-z0-9][a-z0-9._:-]*$/;

/** Reads filters from search params, ignoring values the API would reject. */
export function parseClaimFilters(params: SearchParamsRecord): ClaimFilters {
  const id = (key: string) => {
    const value = one(params, key);
    return value && ID.test(value) ? value : null;
  };
  const pick = <T extends string>(key: string, allowed: readonly T[]) =>
    [...new Set(all(params, key))].filter((v): v is T =>
      (allowed as readonly string[]).includes(v),
    );
  const q = params.q;
  return {
    speaker: id('speaker'),
    about: id('about'),
    kind: pick('kind', CLAIM_KINDS),
    modality: pick('modality', MODALITIES),
    q: (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 200) ?? '',
    cursor: one(params, 'cursor'),
  };
}

/** The query string for a filtered view: empty filters are left out, lists are repeated keys. */
export function claimFiltersToSearch(filters: Partial<ClaimFilters>): string {
  const params = new URLSearchParams();
  if (filters.speaker) params.set('speaker', filters.speaker);
  if (filters.about) params.set('about', filters.about);
  for (const kind of filters.kind ?? []) params.append('kind', kind);
  for (const modality of filters.modality ?? []) params.append('modality', modality);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.cursor) params.set('cursor', filters.cursor);
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
    ...(filters.q ? { text: filters.q } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

export function hasClaimFilters(filters: ClaimFilters): boolean {
  return Boolean(
    filters.speaker || filters.about || filters.kind.length || filters.modality.length || filters.q,
  );
}
