// Sentences, tokens, part-of-speech tags and lemmas from wink-nlp, with character offsets
// (UTF-16 code units, like the schema's) rebuilt from each token's preceding whitespace.
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export interface Token {
  /** The token as written. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Universal part-of-speech tag (PROPN, NOUN, VERB, AUX, PUNCT, …). */
  pos: string;
  lemma: string;
}

export interface Sentence {
  /** Token indexes, `last` inclusive. */
  first: number;
  last: number;
}

export interface Analysis {
  tokens: Token[];
  sentences: Sentence[];
}

type Nlp = ReturnType<typeof winkNLP>;
let loaded: Nlp | undefined;

/** The model loads once per process (~0.3 s), on first use. */
function nlp(): Nlp {
  loaded ??= winkNLP(model);
  return loaded;
}

/** Analyses `text.slice(start, end)`; offsets are into the whole `text`. */
export function analyse(text: string, start = 0, end = text.length): Analysis {
  const engine = nlp();
  const its = engine.its;
  const slice = text.slice(start, end);
  const doc = engine.readDoc(slice);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as typeof its.value) as string[];
  const tokens: Token[] = [];
  const kept: number[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    // wink-nlp keeps the token text verbatim; a mismatch would mean it normalised something.
    const at = slice.startsWith(value, offset) ? offset : slice.indexOf(value, offset);
    const pos = tags[i] ?? 'X';
    kept.push(tokens.length);
    if (pos !== 'SPACE' && at >= 0 && value.trim() !== '') {
      tokens.push({
        text: value,
        lower: value.toLowerCase(),
        start: start + at,
        end: start + at + value.length,
        pos,
        lemma: (lemmas[i] ?? value).toLowerCase(),
      });
    } else kept[kept.length - 1] = -1;
    if (at >= 0) offset = at + value.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [from, to] of spans) {
    let first = -1;
    let last = -1;
    for (let i = from; i <= to; i++) {
      const k = kept[i] ?? -1;
      if (k < 0) continue;
      if (first < 0) first = k;
      last = k;
    }
    if (first >= 0) sentences.push({ first, last });
  }
  return { tokens, sentences };
}

/** Loads the model now rather than on first use (so timing excludes it). */
export function warmUp(): void {
  nlp();
}

/** wink-nlp's own processing of a text, read out the way `analyse` reads it: the speed yardstick. */
export function winkBaseline(text: string): number {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  doc.tokens().out(its.pos);
  doc.tokens().out(its.lemma as typeof its.value);
  doc.sentences().out(its.span);
  return doc.tokens().length();
}
