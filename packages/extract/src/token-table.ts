// The tokens of a text as parallel columns, built once from wink-nlp's output: one array per
// property instead of one object per token, so that an extraction allocates (and the garbage
// collector copies) a handful of arrays rather than thousands of small objects.

/**
 * Tokens in text order, read by index. Every accessor answers for any index: outside the table a
 * string column gives `''` and an offset `-1` (no token has either), so rules can look at the
 * neighbours of the first and last token without a bounds check of their own.
 */
export class TokenTable {
  constructor(
    /** The token as written. */
    private readonly texts: readonly string[],
    private readonly lowers: readonly string[],
    /** Universal part-of-speech tags (PROPN, NOUN, VERB, AUX, PUNCT, …). */
    private readonly tags: readonly string[],
    /** Lower-cased lemmas. */
    private readonly lemmas: readonly string[],
    /** Character offsets into the whole text (UTF-16 code units), end exclusive. */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  get length(): number {
    return this.texts.length;
  }

  /** Whether `i` is a token's index. */
  has(i: number): boolean {
    return i >= 0 && i < this.texts.length;
  }

  text(i: number): string {
    return this.texts[i] ?? '';
  }

  lower(i: number): string {
    return this.lowers[i] ?? '';
  }

  pos(i: number): string {
    return this.tags[i] ?? '';
  }

  lemma(i: number): string {
    return this.lemmas[i] ?? '';
  }

  start(i: number): number {
    return this.starts[i] ?? -1;
  }

  end(i: number): number {
    return this.ends[i] ?? -1;
  }

  /** Tokens `from` to `to` (exclusive) as a table of their own, indexed from 0. */
  slice(from: number, to: number): TokenTable {
    return new TokenTable(
      this.texts.slice(from, to),
      this.lowers.slice(from, to),
      this.tags.slice(from, to),
      this.lemmas.slice(from, to),
      this.starts.subarray(from, to),
      this.ends.subarray(from, to),
    );
  }
}

/** Builds a `TokenTable` a token at a time (`analyse` reads wink-nlp's output into one). */
export class TokenTableBuilder {
  private readonly texts: string[] = [];
  private readonly lowers: string[] = [];
  private readonly tags: string[] = [];
  private readonly lemmas: string[] = [];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  /** `capacity`: at most this many tokens will be added. */
  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  get length(): number {
    return this.texts.length;
  }

  add(text: string, lower: string, pos: string, lemma: string, start: number, end: number): void {
    const i = this.texts.length;
    this.texts.push(text);
    this.lowers.push(lower);
    this.tags.push(pos);
    this.lemmas.push(lemma);
    this.starts[i] = start;
    this.ends[i] = end;
  }

  build(): TokenTable {
    const n = this.texts.length;
    return new TokenTable(
      this.texts,
      this.lowers,
      this.tags,
      this.lemmas,
      this.starts.subarray(0, n),
      this.ends.subarray(0, n),
    );
  }
}
