import type { RouterOutputs } from '@claimscope/client';
import type { ClaimLinkKind } from '@claimscope/schema';

export type Disagreement = RouterOutputs['claim']['disagreements'][number];
export type DisagreementKind = Exclude<ClaimLinkKind, 'supports'>;
export const DISAGREEMENT_KINDS = [
  'contradicts',
  'qualifies',
] as const satisfies readonly DisagreementKind[];

/** The disagreements page's filters, as they appear in its URL. */
export interface DisagreementFilters {
  kind: DisagreementKind | null;
  /** Links with this speaker on either side. */
  speaker: string | null;
}

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseDisagreementFilters(params: Params): DisagreementFilters {
  const kind = first(params.kind);
  const speaker = first(params.speaker);
  return {
    kind: (DISAGREEMENT_KINDS as readonly string[]).includes(kind ?? '')
      ? (kind as DisagreementKind)
      : null,
    speaker: speaker || null,
  };
}

export interface SpeakerOption {
  id: string;
  name: string;
  count: number;
}

export interface DisagreementGroups {
  /** One source against another (or against the author). */
  betweenSources: Disagreement[];
  /** A speaker qualifying or contradicting their own words: hedges, not disputes. */
  ownWords: Disagreement[];
  /** Every speaker on either side of a link of the chosen kind, with how many links they are in. */
  speakers: SpeakerOption[];
  /** How many links of each kind name the chosen speaker. */
  kindCounts: Record<DisagreementKind, number>;
}

/** Filters the links and sorts them into disputes between sources and speakers' own hedges. */
export function groupDisagreements(
  links: readonly Disagreement[],
  filters: DisagreementFilters,
): DisagreementGroups {
  const names = (link: Disagreement) => [link.from.speaker, link.to.speaker];
  const hasSpeaker = (link: Disagreement) =>
    !filters.speaker || names(link).some((s) => s.id === filters.speaker);
  const ofKind = (link: Disagreement) => !filters.kind || link.kind === filters.kind;
  const kindCounts = { contradicts: 0, qualifies: 0 };
  const speakerCounts = new Map<string, SpeakerOption>();
  for (const link of links) {
    if (link.kind === 'supports') continue;
    if (hasSpeaker(link)) kindCounts[link.kind]++;
    if (!ofKind(link)) continue;
    for (const speaker of new Map(names(link).map((s) => [s.id, s])).values()) {
      const option = speakerCounts.get(speaker.id) ?? {
        id: speaker.id,
        name: speaker.name,
        count: 0,
      };
      option.count++;
      speakerCounts.set(speaker.id, option);
    }
  }
  const shown = links.filter((l) => l.kind !== 'supports' && ofKind(l) && hasSpeaker(l));
  const own = (l: Disagreement) => l.from.speaker.id === l.to.speaker.id;
  return {
    betweenSources: shown.filter((l) => !own(l)),
    ownWords: shown.filter(own),
    speakers: [...speakerCounts.values()].sort((a, b) => a.name.localeCompare(b.name)),
    kindCounts,
  };
}
