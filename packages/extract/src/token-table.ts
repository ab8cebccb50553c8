// The tokens of a text as parallel columns, built once from wink-nlp's output: one array per
// property instead of one object per token, so that an extraction allocates (and the garbage
// collector copies) a handful of arrays rather than thousands of small objects.

/** One entry per token, in text order. */
export interface TokenColumns {
  /** The token as written. */
  texts: string[];
  lowers: string[];
  /** Universal part-of-speech tags (PROPN, NOUN, VERB, AUX, PUNCT, …). */
  tags: string[];
  /**
   * Lower-cased lemmas, each filled on its first read: lemmatising is a good part of wink-nlp's
   * cost per token, and the rules read the lemma of few tokens (verbs, some nouns, "like").
   */
  lemmas: (string | undefined)[];
  /** The lower-cased lemma of the token at `k` in the columns. */
  lemmatise: (k: number) => string;
  /** Character offsets into the whole text (UTF-16 code units), end exclusive. */
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * A run of consecutive tokens (a whole text's, or a block's), read by index from 0. Every
 * accessor answers for any index: outside the run a string column gives `''` and an offset `-1`
 * (no token has either), so rules can look at the neighbours of the first and last token without
 * a bounds check of their own.
 */
export class TokenTable {
  constructor(
    private readonly columns: TokenColumns,
    /** Where the run starts in the columns. */
    private readonly first = 0,
    readonly length = columns.texts.length,
  ) {}

  /** Whether `i` is a token's index. */
  has(i: number): boolean {
    return i >= 0 && i < this.length;
  }

  text(i: number): string {
    return this.has(i) ? (this.columns.texts[this.first + i] as string) : '';
  }

  lower(i: number): string {
    return this.has(i) ? (this.columns.lowers[this.first + i] as string) : '';
  }

  pos(i: number): string {
    return this.has(i) ? (this.columns.tags[this.first + i] as string) : '';
  }

  lemma(i: number): string {
    if (!this.has(i)) return '';
    const k = this.first + i;
    const known = this.columns.lemmas[k];
    if (known !== undefined) return known;
    const lemma = this.columns.lemmatise(k);
    this.columns.lemmas[k] = lemma;
    return lemma;
  }

  start(i: number): number {
    return this.has(i) ? (this.columns.starts[this.first + i] as number) : -1;
  }

  end(i: number): number {
    return this.has(i) ? (this.columns.ends[this.first + i] as number) : -1;
  }

  /** Tokens `from` to `to` (exclusive) as a run of their own, indexed from 0 (nothing is copied). */
  slice(from: number, to: number): TokenTable {
    const f = Math.max(0, Math.min(from, this.length));
    const t = Math.max(f, Math.min(to, this.length));
    return new TokenTable(this.columns, this.first + f, t - f);
  }
}
