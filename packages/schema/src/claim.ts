import { z } from 'zod';
import { AnchorSchema } from './anchor.js';
import { Id } from './article.js';
import { ProvenanceSchema } from './provenance.js';

export const ClaimKindSchema = z.enum(['direct_quote', 'indirect', 'author_assertion']).meta({
  id: 'ClaimKind',
  description:
    '`direct_quote`: words inside quotation marks; `indirect`: reported speech ("X told VICE News that …"); `author_assertion`: the article in its own voice.',
});

export const ModalitySchema = z
  .enum(['asserted', 'hedged', 'speculative', 'prediction', 'denial'])
  .meta({
    id: 'Modality',
    description:
      '`hedged`: "seems", "may", "appears"; `speculative`: conjecture without evidence; `prediction`: "would", "will", "going to" about the future; `denial`: the speaker rejects or disputes something.',
  });

export const PolaritySchema = z.enum(['positive', 'negative']).meta({ id: 'Polarity' });

export const ChannelKindSchema = z
  .enum(['interview', 'letter', 'report', 'statement', 'social_media', 'authorial', 'unspecified'])
  .meta({
    id: 'ChannelKind',
    description:
      "How the words reached the article: an interview given to an outlet (the publisher itself, or another outlet that the article relays), a letter, a report by an outlet, a statement, a social-media post, the author's own voice, or not said.",
  });

export const ChannelSchema = z
  .object({
    kind: ChannelKindSchema,
    /** The outlet the words were given to or published by ("told the AP" → the AP). */
    outletId: Id.nullable(),
    /** The cue as written: "told VICE News", "wrote in a recent letter", "the AP reported". */
    cue: z.string().nullable(),
  })
  .meta({ id: 'Channel' });

export const TimeExpressionSchema = z
  .object({
    /** As written: "since January", "earlier this week". */
    text: z.string().min(1),
    /** ISO 8601 date or interval, only when the text gives an anchor to resolve it; otherwise null. */
    resolved: z.string().nullable(),
  })
  .meta({ id: 'TimeExpression' });

export const ClaimSchema = z
  .object({
    id: Id,
    kind: ClaimKindSchema,
    speakerId: Id,
    channel: ChannelSchema,
    /**
     * The words naming the speaker in this attribution ("Matthew Levitt", "he", "analysts"): PARC's
     * Source. Null when the text names no one (an author assertion, a passive "it was reported").
     * Optional on input so documents written before it existed still load.
     */
    source: AnchorSchema.nullable().default(null),
    /** The cue words ("said", "told VICE News", "he added") in the text, when there are any. */
    cue: AnchorSchema.nullable(),
    /** The verbatim content; a quote may run over several spans and paragraphs. */
    content: z.array(AnchorSchema).min(1),
    /** One sentence saying what is claimed, in plain words. */
    statement: z.string().min(1, 'say in a sentence what is claimed'),
    /** The entities the claim is about. */
    aboutIds: z.array(Id),
    modality: ModalitySchema,
    polarity: PolaritySchema,
    time: TimeExpressionSchema.nullable(),
    /** For a quotation inside a quotation: the outer claim. */
    parentId: Id.nullable(),
    /** For "he added" and similar: the claim whose attribution this one continues. */
    continuesId: Id.nullable(),
    provenance: ProvenanceSchema,
  })
  .meta({
    id: 'Claim',
    description: 'An attribution: who (speaker), how (channel, cue), what (content).',
  });

export const ClaimLinkKindSchema = z
  .enum(['supports', 'contradicts', 'qualifies'])
  .meta({ id: 'ClaimLinkKind' });

export const ClaimLinkSchema = z
  .object({
    id: Id,
    kind: ClaimLinkKindSchema,
    /** The claim that bears on the other. */
    fromId: Id,
    toId: Id,
    /** Why the link holds, in a sentence. */
    note: z.string().min(1, 'say in a sentence why the link holds'),
    provenance: ProvenanceSchema,
  })
  .meta({
    id: 'ClaimLink',
    description: 'How one claim bears on another: supports, contradicts or qualifies it.',
  });

export type ClaimKind = z.infer<typeof ClaimKindSchema>;
export type Modality = z.infer<typeof ModalitySchema>;
export type Polarity = z.infer<typeof PolaritySchema>;
export type ChannelKind = z.infer<typeof ChannelKindSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type TimeExpression = z.infer<typeof TimeExpressionSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimLinkKind = z.infer<typeof ClaimLinkKindSchema>;
export type ClaimLink = z.infer<typeof ClaimLinkSchema>;
