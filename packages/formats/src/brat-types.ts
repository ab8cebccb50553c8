import type { EntityKind } from '@claimscope/schema';

/** brat entity types for the entity kinds (brat type names hold no spaces). */
export const BRAT_ENTITY_TYPE = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  outlet: 'Outlet',
  event: 'Event',
  group: 'Group',
  unnamed_group: 'Unnamed_group',
} as const satisfies Record<EntityKind, string>;

/** Entity types other brat projects use (CoNLL, OntoNotes, INCEpTION's NER layer), read as kinds. */
const OTHER_ENTITY_TYPES: Record<string, EntityKind> = {
  PER: 'person',
  PERSON: 'person',
  ORG: 'organization',
  ORGANIZATION: 'organization',
  LOC: 'place',
  LOCATION: 'place',
  GPE: 'place',
  FAC: 'place',
  EVENT: 'event',
  NORP: 'group',
};

/** The entity kind of a brat span type: claimscope's own names, then common NER labels. */
export function entityKindOfBratType(type: string): EntityKind | undefined {
  return OWN_TYPES.get(type) ?? OTHER_ENTITY_TYPES[type.toUpperCase()];
}

const OWN_TYPES: ReadonlyMap<string, EntityKind> = new Map(
  Object.entries(BRAT_ENTITY_TYPE).map(([kind, type]) => [type, kind as EntityKind]),
);

/** PolNeAR's attribution layout: the trigger types and the roles of an event. */
export const ATTRIBUTION = 'Attribution';
export const ATTRIBUTION_NO_SOURCE = 'Attribution-no-source';
export const ROLE_TYPES = new Set(['Source', 'Cue', 'Content', ATTRIBUTION, ATTRIBUTION_NO_SOURCE]);

/** The normalisation database brat `N` lines name for claimscope's entity ids. */
export const ENTITY_REFERENCE_DB = 'claimscope';
