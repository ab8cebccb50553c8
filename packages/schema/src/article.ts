import { z } from 'zod';
import { MAX_ID_LENGTH } from './limits.js';
import { ProvenanceSchema } from './provenance.js';

/** The one id grammar of every record, in every store and every procedure's input. */
export const Id = z
  .string()
  .max(MAX_ID_LENGTH, `ids are at most ${MAX_ID_LENGTH} characters long`)
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'ids are lowercase letters, digits and . _ : -');

export const BlockKindSchema = z
  .enum(['banner', 'headline', 'dek', 'photo_credit', 'paragraph', 'related_link', 'footer'])
  .meta({
    id: 'BlockKind',
    description:
      'What a block is. Only `paragraph` blocks are the running text; `related_link` is a promo for another story.',
  });

export const BlockSchema = z
  .object({
    id: Id,
    kind: BlockKindSchema,
    /** Position in reading order, from 0. */
    index: z.int().nonnegative(),
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
    /** Exactly `article.text.slice(start, end)`. */
    text: z.string().min(1),
  })
  .meta({ id: 'Block', description: 'A contiguous part of the article text with a kind.' });

export const PublicationDateSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('known'), date: z.iso.date() }),
    z.object({ status: z.literal('unknown'), note: z.string().min(1) }),
  ])
  .meta({
    id: 'PublicationDate',
    description: 'The publication date, or an honest statement that the source does not give one.',
  });

export const ArticleSchema = z
  .object({
    id: Id,
    headline: z.string().min(1),
    dek: z.string().nullable(),
    authorIds: z.array(Id),
    publisherId: Id.nullable(),
    published: PublicationDateSchema,
    /** BCP 47 language tag. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "en"'),
    /** The source text, verbatim: never corrected or re-wrapped. */
    text: z.string().min(1),
    /** Lowercase hex sha256 of the UTF-8 bytes of `text`. */
    textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256 digest'),
    blocks: z.array(BlockSchema).min(1),
    source: z.object({
      /** Where the text came from (a URL when known, else a description). */
      origin: z.string().min(1),
      url: z.url().nullable(),
    }),
    provenance: ProvenanceSchema,
  })
  .meta({ id: 'Article' });

export type BlockKind = z.infer<typeof BlockKindSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type PublicationDate = z.infer<typeof PublicationDateSchema>;
export type Article = z.infer<typeof ArticleSchema>;
