import { z } from 'zod';
import { AnchorSchema } from './anchor.js';
import { Id } from './article.js';
import { ProvenanceSchema } from './provenance.js';

export const EntityKindSchema = z
  .enum(['person', 'organization', 'place', 'outlet', 'event', 'group', 'unnamed_group'])
  .meta({
    id: 'EntityKind',
    description:
      '`outlet` is a publication or news organisation; `group` a named collective that is not an organisation (a people, a movement); `unnamed_group` an anonymous source such as "analysts" or "US officials".',
  });

export const AliasSchema = z
  .object({
    name: z.string().min(1),
    /** An earlier name of the same organisation (e.g. "al Qaeda in Iraq" for the Islamic State). */
    historical: z.boolean().default(false),
    note: z.string().optional(),
  })
  .meta({ id: 'Alias' });

export const EntitySchema = z
  .object({
    id: Id,
    kind: EntityKindSchema,
    name: z.string().min(1, 'an entity needs a name'),
    aliases: z.array(AliasSchema),
    /** A short description grounded in the article. */
    description: z.string().min(1),
    provenance: ProvenanceSchema,
  })
  .meta({ id: 'Entity' });

export const MentionFormSchema = z
  .enum([
    'name',
    'partial_name',
    'acronym',
    'alias',
    'historical_name',
    'misspelling',
    'descriptor',
  ])
  .meta({ id: 'MentionForm', description: 'How the surface text names the entity.' });

export const MentionSchema = z
  .object({
    id: Id,
    entityId: Id,
    anchor: AnchorSchema,
    form: MentionFormSchema,
    provenance: ProvenanceSchema,
  })
  .meta({
    id: 'Mention',
    description: 'One occurrence of an entity in the text, covering the name as written.',
  });

export type EntityKind = z.infer<typeof EntityKindSchema>;
export type Alias = z.infer<typeof AliasSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type MentionForm = z.infer<typeof MentionFormSchema>;
export type Mention = z.infer<typeof MentionSchema>;
