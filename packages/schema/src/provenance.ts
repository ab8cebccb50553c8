import { z } from 'zod';

/** Who or what made an annotation. Later, extractors add unreviewed annotations beside curated ones. */
export const AgentSchema = z
  .object({
    kind: z.enum(['person', 'rule', 'model']),
    name: z.string().min(1),
    version: z.string().min(1).optional(),
  })
  .meta({ id: 'Agent', description: 'The person, rule or model that made an annotation.' });

export const ReviewStatusSchema = z
  .enum(['unreviewed', 'reviewed', 'disputed', 'rejected'])
  .meta({ id: 'ReviewStatus' });

export const ProvenanceSchema = z
  .object({
    agent: AgentSchema,
    createdAt: z.iso.date().optional(),
    review: z.object({
      status: ReviewStatusSchema,
      by: z.string().min(1).optional(),
      note: z.string().optional(),
    }),
  })
  .meta({
    id: 'Provenance',
    description: 'Who made an annotation and whether a person reviewed it.',
  });

export type Agent = z.infer<typeof AgentSchema>;
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
