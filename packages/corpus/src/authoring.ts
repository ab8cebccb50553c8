// The authoring form of an annotated article: what a person writes and reviews by hand.
// Every span is given as quoted text (an anchor string), never as offsets; `resolve.ts` turns
// this form into an `ArticleDocument`.
import type {
  BlockKind,
  Certainty,
  ChannelKind,
  ClaimKind,
  ClaimLinkKind,
  EntityKind,
  MentionForm,
  Modality,
  Polarity,
  Predicate,
  PublicationDate,
} from '@claimscope/schema';

/**
 * A span of the text, written as the text itself with the target in double brackets and optional
 * context around it: `'told the [[AP]], referring'`. The whole string must occur exactly once
 * (in the text, or in `block` when given). Inside the brackets, `...` stands for "any text on the
 * same line", so a long quote can be written `'[[De facto truces...in Syria,]]'`. Without brackets
 * the whole string is the target.
 */
export type AnchorSpec = string | { quote: string; block: number };

/** One surface form of an entity, found automatically everywhere in the text. */
export interface SurfaceFormSpec {
  /** Case-sensitive, word-bounded; where forms overlap, the longest match wins. */
  text: string;
  form: MentionForm;
  /** How many mentions this form yields, so that a change in the text fails loudly. */
  count: number;
  /** Why this form names the entity, when that is not obvious (kept as the alias note). */
  note?: string;
}

export interface EntitySpec {
  kind: EntityKind;
  name: string;
  description: string;
  /** Surface forms to find everywhere in the text. */
  forms?: SurfaceFormSpec[];
  /** Mentions that automatic finding cannot make (descriptors, or a form that is ambiguous). */
  mentions?: { anchor: AnchorSpec; form: MentionForm }[];
  /** Names the text does not use but that identify the entity (e.g. "AQAP"). */
  extraAliases?: { name: string; historical?: boolean; note?: string }[];
}

export interface ChannelSpec {
  kind: ChannelKind;
  /** Entity id of the outlet the words were given to or published by. */
  outlet?: string;
  /** The cue as written: "told VICE News". */
  cue?: string;
}

export interface ClaimSpec {
  kind: ClaimKind;
  /** Entity id. Defaults to the article's first author for `author_assertion`. */
  speaker?: string;
  /**
   * Defaults: `authorial` for author assertions; the continued claim's channel for continuations.
   * Required otherwise.
   */
  channel?: ChannelSpec;
  /**
   * The words naming the speaker in this attribution ("Matthew Levitt", "he", "analysts"): PARC's
   * Source. Every claim whose text names its speaker gives one.
   */
  source?: AnchorSpec;
  /** The attribution words in the text ("told VICE News", "he added"). */
  cue?: AnchorSpec;
  content: AnchorSpec[];
  statement: string;
  about: string[];
  modality?: Modality;
  polarity?: Polarity;
  /** A time expression as written; it must occur in the claim's blocks. Never resolved here. */
  time?: string;
  /** Key of the outer claim, for a quotation inside a quotation. */
  parent?: string;
  /** Key of the claim whose attribution this one continues ("he added"). */
  continues?: string;
  /** A reviewer's note kept in the claim's provenance. */
  note?: string;
}

export interface ClaimLinkSpec {
  from: string;
  kind: ClaimLinkKind;
  to: string;
  note: string;
}

export interface RelationSpec {
  subject: string;
  predicate: Predicate;
  object: string;
  evidence: AnchorSpec[];
  /** `'author'`, or the key of the claim through which a source asserts the relation. */
  assertedBy: 'author' | string;
  role?: string;
  certainty?: Certainty;
  past?: boolean;
  time?: string;
  note?: string;
}

export interface ArticleAnnotations {
  /** Short, stable article id; prefixes every block, mention, claim, link and relation id. */
  id: string;
  authorIds: string[];
  publisherId: string | null;
  published: PublicationDate;
  language: string;
  source: { origin: string; url: string | null };
  /**
   * The kind of each non-empty line of the text, in order, with the words the line starts with
   * (checked, so that the list cannot drift from the text).
   */
  blocks: [kind: BlockKind, startsWith: string][];
  entities: Record<string, EntitySpec>;
  /** Keys are local ids ("claim-07"); the article id is prefixed when built. */
  claims: Record<string, ClaimSpec>;
  links: Record<string, ClaimLinkSpec>;
  relations: Record<string, RelationSpec>;
}
