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

export const ENTITY_KIND_OF_BRAT_TYPE: ReadonlyMap<string, EntityKind> = new Map(
  Object.entries(BRAT_ENTITY_TYPE).map(([kind, type]) => [type, kind as EntityKind]),
);

/** PolNeAR's attribution layout: the trigger types and the roles of an event. */
export const ATTRIBUTION = 'Attribution';
export const ATTRIBUTION_NO_SOURCE = 'Attribution-no-source';
export const ROLE_TYPES = new Set(['Source', 'Cue', 'Content', ATTRIBUTION, ATTRIBUTION_NO_SOURCE]);

/** The normalisation database brat `N` lines name for claimscope's entity ids. */
export const ENTITY_REFERENCE_DB = 'claimscope';
