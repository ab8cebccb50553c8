import { z } from 'zod';
import { AnchorSchema } from './anchor.js';
import { Id } from './article.js';
import { TimeExpressionSchema } from './claim.js';
import { ProvenanceSchema } from './provenance.js';

/** The controlled vocabulary of relations; nuance goes in qualifiers, not new predicates. */
export const PredicateSchema = z
  .enum([
    'leader_of',
    'member_of',
    'affiliated_with',
    'works_for',
    'mentor_of',
    'part_of',
    'offshoot_of',
    'backs',
    'allied_with',
    'in_conflict_with',
    'truce_with',
    'pledged_support_to',
    'located_in',
    'based_in',
    'arrested_in',
    'author_of',
  ])
  .meta({
    id: 'Predicate',
    description:
      'Read as "subject <predicate> object": "al-Maqdisi mentor_of al-Zarqawi", "Nusra Front offshoot_of al Qaeda"; `part_of`: a unit inside a larger organisation (a project of a think tank); `backs`: the subject supports the object materially.',
  });

export const AssertedBySchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('author') }),
    z.object({ kind: z.literal('claim'), claimId: Id }),
  ])
  .meta({
    id: 'AssertedBy',
    description:
      'Who states the relation: the article in its own voice, or a source through a claim.',
  });

export const CertaintySchema = z.enum(['stated', 'implied', 'hedged']).meta({ id: 'Certainty' });

export const RelationSchema = z
  .object({
    id: Id,
    subjectId: Id,
    predicate: PredicateSchema,
    objectId: Id,
    evidence: z.array(AnchorSchema).min(1),
    assertedBy: AssertedBySchema,
    /** A role that qualifies the predicate: "co-director", "spokesman". */
    role: z.string().nullable(),
    certainty: CertaintySchema,
    /** True when the text says the relation held in the past and no longer does. */
    past: z.boolean(),
    time: TimeExpressionSchema.nullable(),
    provenance: ProvenanceSchema,
  })
  .meta({ id: 'Relation' });

export type Predicate = z.infer<typeof PredicateSchema>;
export type AssertedBy = z.infer<typeof AssertedBySchema>;
export type Certainty = z.infer<typeof CertaintySchema>;
export type Relation = z.infer<typeof RelationSchema>;
