// Sentences, tokens, part-of-speech tags and lemmas from wink-nlp, with character offsets
// (UTF-16 code units, like the schema's) rebuilt from each token's preceding whitespace.
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { isWhitespace } from './chars.js';
import { TokenTable } from './token-table.js';

export { TokenTable } from './token-table.js';

export interface Sentence {
  /** Token indexes, `last` inclusive. */
  first: number;
  last: number;
}

export interface Analysis {
  tokens: TokenTable;
  sentences: Sentence[];
}

type Nlp = ReturnType<typeof winkNLP>;

/** A token that cannot open a sentence (module level: tsx rebuilds a `\p{…}` literal on every use). */
const CONTINUES_SENTENCE = /^(?:\p{Ll}|[,;])/u;

/** Whether `value` occurs in `text` at `at` (`startsWith` with a position costs several times more). */
function occursAt(text: string, value: string, at: number): boolean {
  if (at + value.length > text.length) return false;
  for (let k = 0; k < value.length; k++)
    if (text.charCodeAt(at + k) !== value.charCodeAt(k)) return false;
  return true;
}

/** `toLowerCase`, without the call for plain ASCII words that are lower case already (most). */
function lowerCase(word: string): string {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c > 127) return word.toLowerCase();
  }
  return word;
}

let loaded: Nlp | undefined;

/**
 * Lemmas already asked of wink-nlp, by tag and word. Outside a contraction ("ca" of "can't" is
 * "can"), wink-nlp's lemma of a token depends only on its text and its tag (the lexicon entry the
 * text names, its spelling variants and its rules), so a word is lemmatised once per process
 * rather than at each occurrence (and asking wink-nlp for one token's lemma builds an item object
 * of several closures).
 */
const knownLemmas = new Map<string, Map<string, string>>();
let knownLemmaCount = 0;

function rememberLemma(tag: string, word: string, lemma: string): void {
  if (knownLemmaCount >= 50_000) {
    knownLemmas.clear();
    knownLemmaCount = 0;
  }
  let byWord = knownLemmas.get(tag);
  if (!byWord) {
    byWord = new Map();
    knownLemmas.set(tag, byWord);
  }
  byWord.set(word, lemma);
  knownLemmaCount++;
}

let full: Nlp | undefined;

/**
 * The model loads once per process (~0.3 s), on first use. Only sentence splitting and
 * part-of-speech tagging run: wink-nlp's entity, negation and sentiment passes are not used here.
 */
function nlp(): Nlp {
  loaded ??= winkNLP(model, ['sbd', 'pos']);
  return loaded;
}

/** wink-nlp with its default pipeline (entities, negation, sentiment too): a second yardstick. */
function fullNlp(): Nlp {
  full ??= winkNLP(model);
  return full;
}

/**
 * The whole text analysed last, kept until `forgetAnalysis`: the attributions and the entities of
 * one extraction read the same analysis (`extract` forgets it when done, so no extraction ever
 * reuses another's work, and no document stays in memory).
 */
let lastWhole: { text: string; analysis: Analysis } | undefined;

/** Drops the kept analysis (the end of an extraction). */
export function forgetAnalysis(): void {
  lastWhole = undefined;
}

/**
 * Analyses `text.slice(start, end)`; offsets are into the whole `text`. A whole text's analysis is
 * kept until `forgetAnalysis`, so callers must not change it.
 */
export function analyse(text: string, start = 0, end = text.length): Analysis {
  if (start === 0 && end === text.length) {
    if (lastWhole?.text === text) return lastWhole.analysis;
    const analysis = analyseSlice(text, 0, text.length);
    lastWhole = { text, analysis };
    return analysis;
  }
  return analyseSlice(text, start, end);
}

function analyseSlice(text: string, start: number, end: number): Analysis {
  const engine = nlp();
  const its = engine.its;
  const slice = text.slice(start, end);
  const doc = engine.readDoc(slice);
  // Each column read once, in bulk; offsets are found by skipping whitespace to the next token
  // (wink-nlp keeps the token text verbatim), not read from a third column.
  const all = doc.tokens();
  // wink-nlp's columns are fresh arrays: the kept tokens are packed into them in place (and
  // the lower-cased forms into a copy of one), so the table costs no array of its own but one.
  // Lemmas are not read as a column: the table asks wink-nlp for a token's lemma when a rule
  // first reads it (see `TokenColumns.lemmas`).
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as string[];
  const lowers = values.slice();
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  const kept = new Int32Array(values.length).fill(-1);
  /** For each kept token, its index among wink-nlp's tokens. */
  const winkIndex = new Int32Array(values.length);
  let count = 0;
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const pos = tags[i] ?? 'X';
    if (pos === 'SPACE') continue;
    while (offset < slice.length && isWhitespace(slice.charCodeAt(offset))) offset++;
    const at = occursAt(slice, value, offset) ? offset : slice.indexOf(value, offset);
    if (at < 0) continue;
    offset = at + value.length;
    if (value.length === 0 || isWhitespace(value.charCodeAt(0))) continue;
    kept[i] = count;
    winkIndex[count] = i;
    values[count] = value;
    lowers[count] = lowerCase(value);
    tags[count] = pos;
    starts[count] = start + at;
    ends[count] = start + at + value.length;
    count++;
  }
  for (const column of [values, lowers, tags]) column.length = count;
  const lemmaOf = its.lemma as typeof its.value;
  const contractionFlagOf = its.contractionFlag as unknown as typeof its.value;
  let contractions: boolean[] | undefined;
  const tokens = new TokenTable({
    texts: values,
    lowers,
    tags,
    lemmas: new Array(count),
    lemmatise: (k) => {
      const value = values[k] as string;
      const tag = tags[k] as string;
      const original = winkIndex[k] as number;
      contractions ??= all.out(contractionFlagOf) as unknown as boolean[];
      const fromContraction = contractions[original] === true;
      if (!fromContraction) {
        const known = knownLemmas.get(tag)?.get(value);
        if (known !== undefined) return known;
      }
      const lemma = (all.itemAt(original).out(lemmaOf) as string | undefined) ?? value;
      // Most lemmas are the word itself: lower-cased once.
      const lower = lemma === value ? (lowers[k] as string) : lowerCase(lemma);
      if (!fromContraction) rememberLemma(tag, value, lower);
      return lower;
    },
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
  });
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [from, to] of spans) {
    let first = -1;
    let last = -1;
    for (let i = from; i <= to; i++) {
      const k = kept[i] as number;
      if (k < 0) continue;
      if (first < 0) first = k;
      last = k;
    }
    if (first < 0) continue;
    // A sentence cannot start in lower case or with a comma: wink-nlp split after "?”" or
    // "(D-Mo.)" mid-sentence ("“Who is it?” asked Smith", "Sen. X (D-Mo.), a chair, said"), so it
    // joins the one before.
    const previous = sentences[sentences.length - 1];
    if (previous && CONTINUES_SENTENCE.test(tokens.text(first))) previous.last = last;
    else sentences.push({ first, last });
  }
  return { tokens, sentences };
}

/** Loads the model now rather than on first use (so timing excludes it). */
export function warmUp(): void {
  nlp();
  fullNlp();
}

/**
 * wink-nlp's own processing of a text, read out the way `analyse` reads it: the speed yardstick,
 * with the pipeline the extractor uses, or (`full`) with wink-nlp's default pipeline.
 */
export function winkBaseline(text: string, pipeline: 'same' | 'full' = 'same'): number {
  const engine = pipeline === 'full' ? fullNlp() : nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  // The three columns `analyse` reads (a token's text is wink-nlp's work as much as its tag).
  doc.tokens().out(its.value);
  doc.tokens().out(its.pos);
  doc.tokens().out(its.lemma as typeof its.value);
  doc.sentences().out(its.span);
  return doc.tokens().length();
}

/**
 * Analyses the whole text once and splits the result by block (tokens outside every block are
 * dropped; a sentence never crosses a block's edge): cheaper than one analysis per block.
 */
export function analyseBlocks(text: string, blocks: { start: number; end: number }[]): Analysis[] {
  const whole = analyse(text);
  const { tokens } = whole;
  const count = tokens.length;
  const blockOfToken = new Int32Array(count).fill(-1);
  const indexInBlock = new Int32Array(count);
  // A block's tokens are consecutive in the whole text's: one range per block.
  const firstOfBlock = new Int32Array(blocks.length).fill(-1);
  const size = new Int32Array(blocks.length);
  let b = 0;
  for (let i = 0; i < count; i++) {
    const start = tokens.start(i);
    while (b < blocks.length && (blocks[b] as { end: number }).end <= start) b++;
    const block = blocks[b];
    if (!block || start < block.start || tokens.end(i) > block.end) continue;
    if (firstOfBlock[b] === -1) firstOfBlock[b] = i;
    blockOfToken[i] = b;
    indexInBlock[i] = size[b] as number;
    size[b] = (size[b] as number) + 1;
  }
  const out: Analysis[] = blocks.map((_, k) => {
    const from = firstOfBlock[k] as number;
    return {
      tokens: from < 0 ? tokens.slice(0, 0) : tokens.slice(from, from + (size[k] as number)),
      sentences: [],
    };
  });
  for (const sentence of whole.sentences) {
    let current = -1;
    let first = -1;
    let last = -1;
    for (let i = sentence.first; i <= sentence.last; i++) {
      const bi = blockOfToken[i] as number;
      if (bi < 0) continue;
      if (bi !== current) {
        if (current >= 0) (out[current] as Analysis).sentences.push({ first, last });
        current = bi;
        first = indexInBlock[i] as number;
      }
      last = indexInBlock[i] as number;
    }
    if (current >= 0) (out[current] as Analysis).sentences.push({ first, last });
  }
  return out;
}
