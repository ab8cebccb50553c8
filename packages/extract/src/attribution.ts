// Finds attributions (PARC's source, cue and content) in the blocks of an article: direct quotes
// with their speakers, reported speech and beliefs, continuations and quotes inside quotes.
// Rules over wink-nlp's tokens and part-of-speech tags; no corpus-specific word lists.
import { NOT_NAMES } from './gazetteer.js';
import {
  CUE_AUXILIARIES,
  CUE_LEMMAS,
  CUE_PARTICLES,
  CUE_PHRASES,
  INTENTION_VERBS,
  POLL_NOUNS,
  QUOTE_ONLY_VERBS,
  RECIPIENT_VERBS,
  SPEECH_VERBS,
  STRONG_CUE_FORMS,
} from './lexicon.js';
import { type Analysis, analyseBlocks, type TokenTable } from './nlp.js';
import { findQuotes, type Quote, type Span, wordCount } from './quotes.js';

export type { Span } from './quotes.js';

export interface Attribution {
  kind: 'direct_quote' | 'indirect';
  /** The words naming the speaker; null when this attribution does not name one (a continuation). */
  source: Span | null;
  cue: Span | null;
  cueLemma: string | null;
  content: Span[];
  /** Index of the block (in the list given) that holds the cue, or the content when there is no cue. */
  block: number;
  /** The attribution whose speaker this one keeps ("he added", a following paragraph's quote). */
  continues: number | null;
  /** For a quote inside a quote: the outer attribution. */
  parent: number | null;
  /** Whom the words were given to ("told [the AP]"). */
  recipient: Span | null;
}

interface BlockContext {
  text: string;
  block: number;
  tokens: TokenTable;
  quotes: Quote[];
  /** For each token, the quote (index in `quotes`) it lies in, marks included, or -1. */
  quoteOf: number[];
  /** The sources (token ranges) of the attributions found so far in the current sentence. */
  sentenceSources: [number, number][];
}

const NP_TAGS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'PRON', 'NUM', 'X', 'SYM']);
const HEAD_TAGS = new Set(['PROPN', 'NOUN', 'PRON', 'NUM', 'X']);
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'that', 'what', 'where', 'when']);
const SUBJECT_PRONOUNS = new Set(['i', 'he', 'she', 'they', 'we', 'you', 'it', 'there']);
const NOT_SOURCE_DET = new Set([
  'the',
  'a',
  'an',
  'these',
  'those',
  'this',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
]);
const WH = new Set(['what', 'how', 'why', 'whether', 'if', 'who', 'when', 'where', 'which']);
const ADJUNCT_PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'during',
  'via',
  'last',
  'this',
  'earlier',
  'late',
  'to',
  'over',
  'after',
  'before',
  'through',
]);
const MAX_SOURCE_TOKENS = 16;
/** Verbs that come before their speaker in news prose ("…, said Smith"; not "…, criticized X"). */
const INVERTING_VERBS = new Set(
  `say add write tell ask note explain continue recall reply respond answer argue insist warn
  declare announce observe remark conclude counter quip joke muse predict complain acknowledge
  admit concede claim suggest tweet post report recount retort offer read begin chime interject
  caution contend assert maintain reason wonder`.split(/\s+/),
);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', '’s', "'s"]);
/** Subjects after which a cue the tagger read as a noun is a verb ("who claim …", "they fear …"). */
const PLURAL_SUBJECTS = new Set(['who', 'they', 'we', 'i', 'you']);
/** Words before a sourceless "asked" ("when asked whether …"). */
const ASKED_AFTER = new Set(['when', 'after', 'before', 'once', 'as', 'while', 'if', 'but', 'and']);

// Regular expressions with `\p{…}` live at module level: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which would build a new object on every call of the function holding it.
const UPPER_INITIAL = /^\p{Lu}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const FUNCTION_TAGS = new Set(['PUNCT', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'ADP', 'DET']);
/** The verbs that open a cue phrase or particle pair: no phrase is built for any other verb. */
const PHRASE_VERBS = new Set(
  [...CUE_PARTICLES, ...CUE_PHRASES].map((p) => p.split(' ')[0] as string),
);

const span = (tokens: TokenTable, first: number, last: number): Span => ({
  start: tokens.start(first),
  end: tokens.end(last),
});

function isNpToken(tokens: TokenTable, i: number): boolean {
  if (!tokens.has(i)) return false;
  const lower = tokens.lower(i);
  const pos = tokens.pos(i);
  const text = tokens.text(i);
  if (RELATIVE.has(lower) && pos !== 'DET') return false;
  if (NP_TAGS.has(pos)) return true;
  if (lower === "'s" || lower === '’s' || lower === "'" || lower === '’') return true;
  if (lower === 'of' || lower === 'and' || lower === '&') return true;
  // "the Center for Housing Studies": "for" between capitalised words is inside a name.
  if (
    lower === 'for' &&
    UPPER_INITIAL.test(tokens.text(i - 1)) &&
    UPPER_INITIAL.test(tokens.text(i + 1))
  )
    return true;
  // "Rep. Jane Doe (D-Ore.)": a bracketed label inside a name.
  if (text === '(' || text === ')') return true;
  const start = tokens.start(i);
  if (text === '-' && tokens.end(i - 1) === start) return true;
  // A capitalised word the tagger read otherwise ("Jolly said"), unless it is a function word.
  if (UPPER_INITIAL.test(text) && !NOT_NAMES.has(text) && !FUNCTION_TAGS.has(pos)) return true;
  // "A report released Friday says": a participle right after a noun, inside the phrase.
  if (
    pos === 'VERB' &&
    /(?:ed|en)$/.test(lower) &&
    /^(?:NOUN|PROPN)$/.test(tokens.pos(i - 1)) &&
    tokens.end(i - 1) !== start
  )
    return true;
  // A capitalised word the tagger read as a verb inside a name ("The Associated Press").
  if (pos === 'VERB' && /^[A-Z]/.test(text) && /^(?:PROPN|NOUN)$/.test(tokens.pos(i + 1)))
    return true;
  // Hyphens and dots inside names ("al-Tamimi", "U.S."): no space either side.
  if (
    (text === '-' || text === '.') &&
    tokens.has(i - 1) &&
    tokens.has(i + 1) &&
    tokens.end(i - 1) === start &&
    tokens.end(i) === tokens.start(i + 1)
  )
    return true;
  // "Clinton-backed", "so-called": participles glued to a name.
  if (
    pos === 'VERB' &&
    tokens.has(i - 1) &&
    tokens.end(i - 1) === start &&
    tokens.text(i - 1) === '-'
  )
    return true;
  return false;
}

const QUANTIFIER_SOURCES = new Set([
  'another',
  'some',
  'many',
  'most',
  'both',
  'few',
  'several',
  'others',
  'all',
]);
const TIME_HEADS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'night',
  'morning',
  'evening',
  'afternoon',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'hour',
  'hours',
  'minute',
  'minutes',
  'today',
  'yesterday',
  'time',
  'when',
]);

function hasHead(tokens: TokenTable, first: number, last: number): boolean {
  // "Tuesday said", "A few minutes later said": a time is not a speaker.
  if (TIME_HEADS.has(tokens.lower(last)) && last - first < 3) return false;
  // "another says", "some argue": a quantifier alone names its speakers.
  if (first === last && QUANTIFIER_SOURCES.has(tokens.lower(first))) return true;
  for (let i = first; i <= last; i++) {
    const pos = tokens.pos(i);
    if (HEAD_TAGS.has(pos)) return true;
    // A name the tagger read as a verb ("Cross wrote"), when it cannot open the sentence.
    if (
      pos === 'VERB' &&
      CAPITALISED.test(tokens.text(i)) &&
      i > 0 &&
      tokens.pos(i - 1) === 'PUNCT'
    )
      return !NOT_NAMES.has(tokens.text(i));
  }
  return false;
}

const DAYS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight'.split(' '),
);
const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night']);

/** Steps back over a time right before a cue ("on Thursday evening", "last week"). */
function skipTimeBack(tokens: TokenTable, s: number, floor: number): number {
  let k = s;
  const at = (j: number) => tokens.lower(j);
  if (DAY_PARTS.has(at(k))) k--;
  if (DAYS.has(at(k))) {
    k--;
    if (['on', 'last', 'late', 'early'].includes(at(k))) k--;
  } else if (['week', 'month', 'year'].includes(at(k)) && ['last', 'this'].includes(at(k - 1))) {
    k -= 2;
  } else return s;
  // Only when a noun phrase is left to be the source.
  return k >= floor && k < s && isNpToken(tokens, k) ? k : s;
}

/** Drops leading connectives and trailing "of"/"and" from a token range. */
function trimRange(tokens: TokenTable, first: number, last: number): [number, number] {
  let f = first;
  let l = last;
  const edge = (k: number) => {
    const pos = tokens.pos(k);
    const lower = tokens.lower(k);
    return (
      pos === 'ADP' ||
      pos === 'CCONJ' ||
      pos === 'PUNCT' ||
      pos === 'SCONJ' ||
      lower === 'of' ||
      lower === 'and'
    );
  };
  while (f <= l && edge(f)) f++;
  while (l >= f && edge(l) && !/^['’]s?$/.test(tokens.lower(l))) l--;
  // "Sen. X (D-Mo.)": a bracket opened inside the range closes inside it.
  const close = tokens.text(l + 1) === ')' ? l + 1 : tokens.text(l + 2) === ')' ? l + 2 : -1;
  if (close > 0 && close <= last) {
    for (let k = l; k >= f && l - k < 6; k--) if (tokens.text(k) === '(') return [f, close];
  }
  return [f, l];
}

function isCue(ctx: BlockContext, i: number): boolean {
  const { tokens } = ctx;
  const pos = tokens.pos(i);
  const lower = tokens.lower(i);
  // Only verbs, nouns, "like" and the strong forms can be cues: most tokens stop here, without
  // their lemma (wink-nlp lemmatises on demand). Besides verbs and nouns, only words spelt "lik…"
  // have the lemma "like" (every word of wink-nlp's lexicon checked in test/token-table.test.ts;
  // its rules for other words only strip "-er"/"-est").
  if (
    pos !== 'VERB' &&
    pos !== 'NOUN' &&
    !STRONG_CUE_FORMS.has(lower) &&
    !(lower.startsWith('lik') && tokens.lemma(i) === 'like')
  )
    return false;
  const prev = tokens.lower(i - 1);
  if (NOT_SOURCE_DET.has(prev)) return false;
  if (prev === 'to' && !INTENTION_VERBS.has(tokens.lemma(i))) return false;
  if (STRONG_CUE_FORMS.has(lower)) return true;
  // "would like to see …": a wish.
  if (/^(?:would|'d|’d)$/.test(prev) && tokens.lower(i + 1) === 'to' && tokens.lemma(i) === 'like')
    return true;
  if (pos === 'VERB') {
    const lemma = tokens.lemma(i);
    // "sees the deal as a mistake": seeing something as something is a view held.
    if (lemma === 'see') {
      for (let k = i + 1; k <= i + 7 && isNpToken(tokens, k); k++)
        if (tokens.lower(k + 1) === 'as') return k > i;
      return false;
    }
    return (
      CUE_LEMMAS.has(lemma) ||
      (PHRASE_VERBS.has(lemma) &&
        (CUE_PARTICLES.has(`${lemma} ${tokens.lower(i + 1)}`) ||
          CUE_PHRASES.has(`${lemma} ${tokens.lower(i + 1)} ${tokens.lower(i + 2)}`)))
    );
  }
  // "polls show …", "critics fear …": a plural subject, then a cue the tagger read as a noun.
  return (
    pos === 'NOUN' &&
    CUE_LEMMAS.has(lower) &&
    tokens.lemma(i) === lower &&
    tokens.has(i - 1) &&
    ((/^(?:NOUN|PROPN)$/.test(tokens.pos(i - 1)) && /[^s]s$/.test(prev)) ||
      PLURAL_SUBJECTS.has(prev)) &&
    (!tokens.has(i + 1) ||
      ['DET', 'PROPN', 'PRON', 'PUNCT', 'SCONJ', 'ADJ', 'NUM'].includes(tokens.pos(i + 1)) ||
      tokens.lower(i + 1) === 'that')
  );
}

/**
 * The subject a preposed cue follows ("Tom Joscelyn, who tracks …, told"): token range, or null.
 * `last` is the token just before the cue's auxiliaries.
 */
function leftSource(ctx: BlockContext, last: number, floor: number): [number, number] | null {
  const { tokens } = ctx;
  if (!tokens.has(last) || last < floor) return null;
  const lower = tokens.lower(last);
  if (tokens.text(last) === ',') {
    // An appositive or relative clause between commas: the head is before the previous comma.
    // A short title in quotation marks ("the author of “Going Viral,”") belongs to the aside.
    const title = (k: number) => {
      const q = ctx.quotes[ctx.quoteOf[k] ?? -1];
      return q !== undefined && !q.open && wordCount(ctx.text, q.inner) <= 5;
    };
    let j = last - 1;
    while (
      j >= floor &&
      (tokens.text(j) !== ',' || (title(j) && ctx.quoteOf[last] === -1)) &&
      (ctx.quoteOf[j] === ctx.quoteOf[last] || (ctx.quoteOf[last] === -1 && title(j))) &&
      last - j < 25
    )
      j--;
    if (j < floor || tokens.text(j) !== ',') return null;
    let head = leftSource(ctx, j - 1, floor);
    if (!head) return null;
    // "Ann Lee, 58, who lives …,": an age between commas is an aside to the name before.
    if (head[0] === head[1] && tokens.pos(head[0]) === 'NUM' && tokens.text(head[0] - 1) === ',') {
      const name = leftSource(ctx, head[0] - 2, floor);
      if (name) head = [name[0], head[1]];
    }
    // ", celebrating a victory,", ", 59,", ", for instance,": an aside, not part of who speaks.
    const aside = tokens.pos(j + 1);
    if (
      tokens.has(j + 1) &&
      ((aside === 'VERB' && /ing$/.test(tokens.lower(j + 1))) ||
        (aside === 'NUM' && j + 2 === last) ||
        (['ADV', 'ADP'].includes(aside) && last - j <= 4))
    )
      return head;
    return [head[0], last - 1];
  }
  // ", who said …": the relative pronoun is the source (its antecedent is the speaker).
  if (lower === 'who' || ((lower === 'which' || lower === 'that') && tokens.text(last - 1) === ','))
    return [last, last];
  let k = last;
  while (
    k > floor &&
    isNpToken(tokens, k - 1) &&
    ctx.quoteOf[k - 1] === -1 &&
    last - k < MAX_SOURCE_TOKENS
  )
    k--;
  if (!isNpToken(tokens, k) || ctx.quoteOf[k] !== -1) return null;
  const [f, l] = trimRange(tokens, k, last);
  if (f > l || !hasHead(tokens, f, l)) return null;
  // A source never starts with a bare adjective run that a determiner could have led.
  return [f, l];
}

/** The noun phrase a sentence opens with (after an introductory phrase), up to `limit`. */
function sentenceSubject(ctx: BlockContext, first: number, limit: number): [number, number] | null {
  const { tokens } = ctx;
  // The subject of the sentence's first finite verb ("Hours later, Trump tweeted …, telling").
  for (let v = first; v < limit; v++) {
    const pos = tokens.pos(v);
    if (ctx.quoteOf[v] !== -1 || (pos !== 'VERB' && pos !== 'AUX')) continue;
    let s = v - 1;
    while (
      s >= first &&
      (CUE_AUXILIARIES.has(tokens.lower(s)) || tokens.pos(s) === 'AUX' || tokens.pos(s) === 'ADV')
    )
      s--;
    // "Speaking to reporters, the mayor said …": an opening participle has no subject of its own.
    const subject = s >= first ? leftSource(ctx, s, first) : null;
    if (subject) return subject;
  }
  return null;
}

/** The words up to the next comma outside quotes (at most 25 tokens): a loosely built source. */
function phraseUntilComma(ctx: BlockContext, first: number, last: number): [number, number] | null {
  let l = first;
  while (l + 1 <= last && ctx.tokens.text(l + 1) !== ',' && l - first < 25) l++;
  if (ctx.tokens.text(l) === '.') l--;
  const [f, ll] = trimRange(ctx.tokens, first, l);
  return f <= ll && hasHead(ctx.tokens, f, ll) ? [f, ll] : null;
}

/** The source after an inverted cue ("…, said Tom Smith, a spokesman."). */
function rightSource(
  ctx: BlockContext,
  first: number,
  sentenceLast: number,
): [number, number] | null {
  const { tokens } = ctx;
  let l = first;
  if (!isNpToken(tokens, first)) return null;
  while (l + 1 <= sentenceLast && isNpToken(tokens, l + 1) && ctx.quoteOf[l + 1] === -1) l++;
  const isRelative = (k: number) => ['who', 'whose'].includes(tokens.lower(k));
  const toSentenceEnd = () => {
    while (
      l + 1 <= sentenceLast &&
      ctx.quoteOf[l + 1] === -1 &&
      !['.', '!', '?'].includes(tokens.text(l + 1))
    )
      l++;
  };
  if ((tokens.text(l + 1) === ',' && isRelative(l + 2)) || isRelative(l + 1)) {
    // ", who leads X" (or "a voter who asked not to be named"): a relative clause belongs to
    // the source, up to the sentence's end.
    toSentenceEnd();
  } else if (tokens.text(l + 1) === ',' && tokens.has(l + 2) && NP_TAGS.has(tokens.pos(l + 2))) {
    // ", a spokesman for X": the appositive, and a relative clause after it.
    let m = l + 2;
    while (
      m + 1 <= sentenceLast &&
      (isNpToken(tokens, m + 1) || tokens.pos(m + 1) === 'ADP') &&
      ctx.quoteOf[m + 1] === -1
    )
      m++;
    l = m;
    // "…, a former aide and now director of …": a relative clause or a second, coordinated
    // appositive runs to the sentence's end.
    if (
      isRelative(l + 1) ||
      (tokens.text(l + 1) === ',' && isRelative(l + 2)) ||
      tokens.lower(l) === 'and'
    )
      toSentenceEnd();
  }
  const [f, ll] = trimRange(tokens, first, l);
  return f <= ll && hasHead(tokens, f, ll) ? [f, ll] : null;
}

/** Skips a recipient noun phrase ("told [MSNBC's “Morning Joe”] that"). */
function skipRecipient(ctx: BlockContext, r: number, last: number): number {
  const { tokens } = ctx;
  let i = r;
  while (i <= last) {
    const q = ctx.quoteOf[i] ?? -1;
    if (q >= 0) {
      const quote = ctx.quotes[q] as Quote;
      if (wordCount(ctx.text, quote.inner) <= 3 && !quote.open) {
        i++;
        continue;
      }
      break;
    }
    const lower = tokens.lower(i);
    if (lower === 'that' || SUBJECT_PRONOUNS.has(lower) || WH.has(lower)) break;
    if (!isNpToken(tokens, i)) break;
    // A second determiner starts the content's subject ("told the Post the campaign …").
    if (i > r && tokens.pos(i) === 'DET' && HEAD_TAGS.has(tokens.pos(i - 1))) break;
    i++;
  }
  return i;
}

/** Skips time and channel adjuncts after a cue ("said [on Monday] [in a statement] that"). */
function skipAdjuncts(ctx: BlockContext, r: number, last: number): number {
  const { tokens } = ctx;
  if (!tokens.has(r) || ctx.quoteOf[r] !== -1) return r;
  const text = tokens.text(r);
  // ", however," / ", if elected," right after the cue: a short aside between commas.
  if (text === ',') {
    let j = r + 1;
    while (j <= last && j - r <= 10 && tokens.text(j) !== ',' && ctx.quoteOf[j] === -1) j++;
    const aside = tokens.has(r + 1);
    const after = tokens.lower(j + 1);
    // A short aside of any kind when a subject follows it ("says, win or lose, he's staying").
    const shortAside = j - r <= 5 && aside && ['ADV', 'SCONJ', 'ADP'].includes(tokens.pos(r + 1));
    const subjectNext = SUBJECT_PRONOUNS.has(after) || after === 'that';
    if (tokens.text(j) === ',' && j > r + 1 && aside && (shortAside || subjectNext) && j < last)
      return skipAdjuncts(ctx, j + 1, last);
    return r;
  }
  // "said — in a radio interview, no less — that …": an aside between dashes.
  if (text === '—' || text === '–' || text === '--') {
    let j = r + 1;
    while (j <= last && j - r <= 12 && tokens.text(j) !== text && ctx.quoteOf[j] === -1) j++;
    if (tokens.text(j) === text && j > r + 1 && j < last) return skipAdjuncts(ctx, j + 1, last);
    return r;
  }
  // Time and channel adjuncts: "[in an interview with the AP last week] that …".
  const timeWord = (lower: string) =>
    ADJUNCT_PREPOSITIONS.has(lower) ||
    /day$/.test(lower) ||
    [
      'recently',
      'repeatedly',
      'again',
      'earlier',
      'later',
      'week',
      'month',
      'year',
      'night',
      'morning',
      'evening',
    ].includes(lower);
  if (!timeWord(tokens.lower(r))) return r;
  let j = r;
  while (
    j <= last &&
    j - r < 14 &&
    ctx.quoteOf[j] === -1 &&
    tokens.lower(j) !== 'that' &&
    (NP_TAGS.has(tokens.pos(j)) ||
      tokens.pos(j) === 'ADP' ||
      tokens.lower(j) === "'s" ||
      timeWord(tokens.lower(j))) &&
    !(j > r && SUBJECT_PRONOUNS.has(tokens.lower(j)))
  )
    j++;
  // Only an adjunct when what follows it starts the content or ends the clause.
  if (
    j > last ||
    !tokens.has(j) ||
    tokens.lower(j) === 'that' ||
    [',', ':', '.', '!', '?'].includes(tokens.text(j)) ||
    SUBJECT_PRONOUNS.has(tokens.lower(j)) ||
    ctx.quoteOf[j] !== -1
  )
    return j;
  return r;
}

/** Token `i` is the opening mark of a quote. */
function opensQuote(ctx: BlockContext, i: number): boolean {
  const q = ctx.quotes[ctx.quoteOf[i] ?? -1];
  return q !== undefined && ctx.tokens.start(i) === q.outer.start;
}

/** Token `i` is (or ends with) the closing mark of a quote. */
function closesQuote(ctx: BlockContext, i: number): boolean {
  const q = ctx.quotes[ctx.quoteOf[i] ?? -1];
  return q !== undefined && !q.open && ctx.tokens.end(i) === q.outer.end;
}

/** The run of quotes in the block that starts at token `i`'s quote: one quote, possibly more. */
function quoteAt(ctx: BlockContext, i: number): Quote | null {
  const q = ctx.quoteOf[i] ?? -1;
  return q >= 0 ? (ctx.quotes[q] ?? null) : null;
}

function contentRange(ctx: BlockContext, first: number, last: number): Span | null {
  const [f, trimmed] = trimRange(ctx.tokens, first, last);
  if (f > trimmed) return null;
  // A clause can end with a particle ("the story has moved on"): only punctuation goes.
  let l = trimmed;
  while (l + 1 <= last && ctx.tokens.pos(l + 1) === 'ADP') l++;
  // Keep a leading "that" ("whether") and a trailing closing mark: both are content in PARC.
  const lead = ctx.tokens.lower(first);
  const start =
    lead === 'that' || ((lead === 'whether' || lead === 'if') && f === first + 1)
      ? ctx.tokens.start(first)
      : ctx.tokens.start(f);
  return { start, end: ctx.tokens.end(l) };
}

interface Found {
  attribution: Attribution;
  /** Quotes (indexes) this attribution consumed as content. */
  quotes: number[];
}

/** Whether a token from `from` up to `to` (exclusive) outside quotes has one of the `tags`. */
function hasVerb(ctx: BlockContext, from: number, to: number, tags: string[]): boolean {
  for (let k = from; k < to; k++)
    if (tags.includes(ctx.tokens.pos(k)) && ctx.quoteOf[k] === -1) return true;
  return false;
}

/** Whether `test` holds for an index from `from` up to `to` (exclusive). */
function someBetween(from: number, to: number, test: (k: number) => boolean): boolean {
  for (let k = from; k < to; k++) if (test(k)) return true;
  return false;
}

function attributeCue(
  ctx: BlockContext,
  i: number,
  sentenceFirst: number,
  sentenceLast: number,
): Found | null {
  const { tokens } = ctx;
  // The cue's own token: its lemma, lower-cased form and text.
  const lemma = tokens.lemma(i);
  const lower = tokens.lower(i);
  // The cue keeps its auxiliaries and adverbs ("has also said") and particles ("pointed out").
  let cueFirst = i;
  while (
    cueFirst - 1 >= sentenceFirst &&
    (CUE_AUXILIARIES.has(tokens.lower(cueFirst - 1)) || tokens.pos(cueFirst - 1) === 'AUX') &&
    ctx.quoteOf[cueFirst - 1] === -1
  )
    cueFirst--;
  let cueLast = i;
  const particle = tokens.has(i + 1);
  if (particle && CUE_PARTICLES.has(`${lemma} ${tokens.lower(i + 1)}`)) cueLast = i + 1;
  else if (particle && CUE_PHRASES.has(`${lemma} ${tokens.lower(i + 1)} ${tokens.lower(i + 2)}`))
    cueLast = i + 2;
  const cue: Span = {
    start: tokens.start(cueFirst),
    end: tokens.end(cueLast),
  };
  const make = (
    kind: Attribution['kind'],
    source: [number, number],
    content: Span,
    quotes: number[],
    recipient: Span | null,
  ): Found => ({
    attribution: {
      kind,
      source: span(tokens, source[0], source[1]),
      cue,
      cueLemma: lemma,
      content: [content],
      block: ctx.block,
      continues: null,
      parent: null,
      recipient,
    },
    quotes,
  });
  /** The quote that ends at token `b` (or at the token before a comma there). */
  const quoteEndingAt = (b: number): number => {
    let k = b;
    if (k >= 0 && tokens.text(k) === ',') k--;
    return k >= sentenceFirst - 1 && k >= 0 && closesQuote(ctx, k)
      ? (ctx.quoteOf[k] as number)
      : -1;
  };
  /** The clause before a comma at `boundary`, as content. */
  const clauseBefore = (boundary: number): Span | null => {
    if (boundary < 0 || tokens.text(boundary) !== ',' || boundary - sentenceFirst < 3) return null;
    return contentRange(ctx, sentenceFirst, boundary - 1);
  };
  const recipientVerb = RECIPIENT_VERBS.has(lemma);

  // Inverted: "…," said Tom Smith, a spokesman.
  const before = tokens.text(i - 1);
  if (
    !recipientVerb &&
    INVERTING_VERBS.has(lemma) &&
    !/ing$/.test(lower) &&
    tokens.has(i - 1) &&
    i - 1 >= sentenceFirst &&
    (before === ',' || closesQuote(ctx, i - 1))
  ) {
    const src = rightSource(ctx, i + 1, sentenceLast);
    // Only when the name ends the clause ("…, said Tom Smith." / ", said Smith, who …").
    const afterSource = src ? src[1] + 1 : -1;
    const endsClause =
      !tokens.has(afterSource) ||
      src === null ||
      src[1] >= sentenceLast ||
      [',', '.', '!', '?', ';', ':', '—'].includes(tokens.text(afterSource)) ||
      tokens.pos(afterSource) === 'ADP';
    // A quote closing right before the cue is enough: "…," said Tom Smith, a planner four years ago.
    const q = src ? quoteEndingAt(i - 1) : -1;
    if (src && q >= 0) return make('direct_quote', src, (ctx.quotes[q] as Quote).inner, [q], null);
    if (src && endsClause) {
      // "The plan will fail, said Smith": the words before the comma must hold a verb.
      const clause = clauseBefore(i - 1);
      if (clause && hasVerb(ctx, sentenceFirst, i - 1, ['VERB', 'AUX']))
        return make('indirect', src, clause, [], null);
    }
  }
  // Sentence-initial "Said Tom Smith, a spokesman, “…”": the source follows, then the quote.
  if (
    i === sentenceFirst &&
    INVERTING_VERBS.has(lemma) &&
    UPPER_INITIAL.test(tokens.text(i)) &&
    !/ing$/.test(lower)
  ) {
    const src = rightSource(ctx, i + 1, sentenceLast);
    const after = src ? src[1] + 1 : -1;
    const at = [',', ':'].includes(tokens.text(after)) ? after + 1 : after;
    const q = src && at > 0 && opensQuote(ctx, at) ? quoteAt(ctx, at) : null;
    if (src && q) return make('direct_quote', src, q.inner, [ctx.quoteOf[at] as number], null);
  }
  // Auxiliaries and adverbs between the source and the cue belong to neither, nor does a time
  // ("Smith on Thursday evening said").
  let s = skipTimeBack(tokens, i - 1, sentenceFirst);
  while (
    s >= sentenceFirst &&
    (CUE_AUXILIARIES.has(tokens.lower(s)) ||
      tokens.pos(s) === 'AUX' ||
      (tokens.pos(s) === 'ADV' && !/^(?:who|that|which)$/.test(tokens.lower(s))))
  )
    s--;
  // "Graham called … and said …": the subject of the first verb speaks.
  const coordinated =
    s >= sentenceFirst &&
    ['and', 'but'].includes(tokens.lower(s)) &&
    (tokens.pos(s - 1) !== 'PROPN' ||
      tokens.text(s - 1) === ',' ||
      // "Obama met survivors on Thursday and said …": a verb before "and" (unlike "Smith and
      // Jones said").
      hasVerb(ctx, sentenceFirst, s, ['VERB']));
  // "began by telling …", "while insisting …": a gerund after a preposition has the sentence's subject.
  const gerund =
    /ing$/.test(lower) &&
    s >= sentenceFirst &&
    ['by', 'while', 'after', 'before', 'without', 'in', 'when', 'since'].includes(tokens.lower(s));
  const participle = (/ing$/.test(lower) && before === ',') || coordinated || gerund;
  // ", adding that …" after an attribution: the same source; else the sentence's subject.
  const left = participle
    ? (ctx.sentenceSources[ctx.sentenceSources.length - 1] ??
      sentenceSubject(ctx, sentenceFirst, i - 1))
    : leftSource(ctx, s, sentenceFirst);

  // Whom the words went to ("told [the AP]"), then time and channel adjuncts.
  let r = cueLast + 1;
  let recipient: Span | null = null;
  if (recipientVerb) {
    const after = skipRecipient(ctx, r, sentenceLast);
    if (after > r) recipient = span(tokens, r, after - 1);
    r = after;
  }
  r = skipAdjuncts(ctx, r, sentenceLast);
  // The token after the cue and its adjuncts.
  const next = tokens.has(r);
  const nextText = tokens.text(r);
  const nextLower = tokens.lower(r);
  const nextPos = tokens.pos(r);
  const atEnd = r > sentenceLast || !next || ['.', '!', '?'].includes(nextText);

  // A passive cue names no source ("is expected to win", "was asked whether …", "it was
  // revealed that …"): the subject is part of the content, unless it is the one asked or told.
  const passive =
    !participle &&
    cueFirst < i &&
    someBetween(cueFirst, i, (k) => BE_FORMS.has(tokens.lower(k))) &&
    lower !== lemma &&
    !/ing$/.test(lower);
  // "was first reported by a local paper": the agent after "by" is the source.
  const agent = passive && nextLower === 'by' ? rightSource(ctx, r + 1, sentenceLast) : null;
  if (passive && next && !atEnd && (nextLower !== 'by' || agent)) {
    const c0 = agent ? skipAdjuncts(ctx, agent[1] + 1, sentenceLast) : r;
    const c = tokens.text(c0) === ':' ? c0 + 1 : c0;
    const q = opensQuote(ctx, c) ? quoteAt(ctx, c) : null;
    const tail = q ? q.inner : sentenceLast - c >= 1 ? contentRange(ctx, c, sentenceLast) : null;
    const content: Span[] = [];
    const expletive = left && left[0] === left[1] && tokens.lower(left[0]) === 'it';
    if (left && !expletive && !recipientVerb) content.push(span(tokens, left[0], left[1]));
    if (tail) content.push(tail);
    if (tail || (agent && content.length > 0)) {
      return {
        attribution: {
          kind: q ? 'direct_quote' : 'indirect',
          source: agent ? span(tokens, agent[0], agent[1]) : null,
          cue,
          cueLemma: lemma,
          content,
          block: ctx.block,
          continues: null,
          parent: null,
          recipient: null,
        },
        quotes: q ? [ctx.quoteOf[c] as number] : [],
      };
    }
  }
  // Postposed direct quote: "…," Tom Smith said (the quote closes right before the source).
  if (left && !participle) {
    const q = quoteEndingAt(left[0] - 1);
    if (
      q >= 0 &&
      (atEnd ||
        nextText === ',' ||
        nextPos === 'ADP' ||
        // "…," Jones told the station then.
        (nextPos === 'ADV' && /^[.,!?;]$/.test(tokens.has(r + 1) ? tokens.text(r + 1) : '.')) ||
        nextPos === 'SCONJ' ||
        opensQuote(ctx, r + 1) ||
        opensQuote(ctx, r))
    )
      return make('direct_quote', left, (ctx.quotes[q] as Quote).inner, [q], recipient);
  }
  // "Asked whether …, she said": the question, put by someone the sentence does not name.
  // The question may come after an adverb, a channel or the asker ("Asked on the radio who …",
  // "When asked by a caller whether …", "When asked to confirm …").
  let question0 = r;
  if (!left && lemma === 'ask' && next && !WH.has(nextLower) && nextLower !== 'about') {
    let k = cueLast + 1;
    while (
      k <= sentenceLast &&
      k - cueLast <= 8 &&
      ctx.quoteOf[k] === -1 &&
      !WH.has(tokens.lower(k)) &&
      !['about', 'to'].includes(tokens.lower(k)) &&
      (isNpToken(tokens, k) || ['ADV', 'ADP'].includes(tokens.pos(k)))
    )
      k++;
    const at = tokens.lower(k);
    if (tokens.has(k) && k > cueLast + 1 && (WH.has(at) || at === 'about' || at === 'to'))
      question0 = k;
  }
  const asker =
    question0 !== r && tokens.lower(cueLast + 1) === 'by' && question0 - 1 > cueLast + 1
      ? trimRange(tokens, cueLast + 2, question0 - 1)
      : null;
  const questionWord = tokens.lower(question0);
  if (
    !left &&
    lemma === 'ask' &&
    tokens.has(question0) &&
    (WH.has(questionWord) || questionWord === 'about' || (question0 !== r && questionWord === 'to'))
  ) {
    if (cueFirst === sentenceFirst || ASKED_AFTER.has(tokens.lower(cueFirst - 1))) {
      const r = question0;
      let l = r;
      while (l + 1 <= sentenceLast && !(tokens.text(l + 1) === ',' && ctx.quoteOf[l + 1] === -1))
        l++;
      const question = l > r ? contentRange(ctx, r, l) : null;
      if (question)
        return {
          attribution: {
            kind: 'indirect',
            source: asker && asker[0] <= asker[1] ? span(tokens, asker[0], asker[1]) : null,
            cue,
            cueLemma: lemma,
            content: [question],
            block: ctx.block,
            continues: null,
            parent: null,
            recipient: null,
          },
          quotes: [],
        };
    }
  }
  if (!left) return null;
  // Preposed: "Tom Smith said (that) …", "told reporters: “…”".
  if (!atEnd && next) {
    let c = r;
    if (nextText === ':' || (nextText === ',' && opensQuote(ctx, r + 1))) c = r + 1;
    const q = quoteAt(ctx, c);
    if (q && opensQuote(ctx, c))
      return make('direct_quote', left, q.inner, [ctx.quoteOf[c] as number], recipient);
    if (nextLower === 'to' && INTENTION_VERBS.has(lemma)) {
      const sp = contentRange(ctx, r, sentenceLast);
      if (sp) return make('indirect', left, sp, [], recipient);
    } else if (
      !['ADP', 'PUNCT', 'CCONJ'].includes(nextPos) ||
      nextLower === 'that' ||
      WH.has(nextLower) ||
      c !== r
    ) {
      const sp = contentRange(ctx, c, sentenceLast);
      if (sp && sentenceLast - c >= 2) return make('indirect', left, sp, [], recipient);
    }
  }
  // Postposed indirect: "<content>, Tom Smith said."
  if (participle) return null;
  const clause = clauseBefore(left[0] - 1);
  if (clause) return make('indirect', left, clause, [], recipient);
  // A parenthetical cue: "The ferry, she says, is late again."
  if (
    nextText === ',' &&
    left[0] - 2 >= sentenceFirst &&
    sentenceLast - r >= 3 &&
    tokens.text(left[0] - 1) === ','
  ) {
    const head = contentRange(ctx, sentenceFirst, left[0] - 2);
    const tail = contentRange(ctx, r + 1, sentenceLast);
    if (head && tail) {
      const found = make('indirect', left, head, [], recipient);
      found.attribution.content.push(tail);
      return found;
    }
  }
  return null;
}

/**
 * "In a Register poll released Monday, 50 percent …": a poll or survey that a preposition
 * introduces is the source of the clause it sits in, with "in" as the cue.
 */
function attributePoll(
  ctx: BlockContext,
  i: number,
  sentenceFirst: number,
  sentenceLast: number,
): Found | null {
  const { tokens } = ctx;
  // The noun phrase, its head a poll word within a few tokens ("the latest CNN/ORC poll").
  let h = i + 1;
  while (
    h <= sentenceLast &&
    h - i <= 8 &&
    !POLL_NOUNS.has(tokens.lower(h)) &&
    ctx.quoteOf[h] === -1 &&
    (isNpToken(tokens, h) || /^[/-]$/.test(tokens.text(h)))
  )
    h++;
  // One poll the sentence names ("a Gazette poll", "the same survey"), not a candidate's standing
  // "in the polls" or "in national polls".
  if (h > sentenceLast || !POLL_NOUNS.has(tokens.lower(h)) || tokens.pos(i + 1) !== 'DET')
    return null;
  // "… poll released Monday", "… poll last month": a participle or a time runs with it.
  let last = h;
  const next = tokens.lower(last + 1);
  if (tokens.pos(last + 1) === 'VERB' && /ed$/.test(next)) {
    last++;
    while (
      last + 1 <= sentenceLast &&
      tokens.text(last + 1) !== ',' &&
      (NP_TAGS.has(tokens.pos(last + 1)) || tokens.pos(last + 1) === 'ADP') &&
      last - h < 8
    )
      last++;
  } else if (['last', 'this'].includes(next) && tokens.pos(last + 2) === 'NOUN') {
    last += 2;
  }
  const before = i - 1 >= sentenceFirst ? contentRange(ctx, sentenceFirst, i - 1) : null;
  const afterFirst = tokens.text(last + 1) === ',' ? last + 2 : last + 1;
  const after = sentenceLast - afterFirst >= 2 ? contentRange(ctx, afterFirst, sentenceLast) : null;
  const content = [before, after].filter((c): c is Span => c !== null);
  // A clause with a verb must hold the finding.
  const verbIn = (f: number, l: number) =>
    someBetween(f, l + 1, (k) => tokens.pos(k) === 'VERB' || tokens.pos(k) === 'AUX');
  if (content.length === 0 || !(verbIn(sentenceFirst, i - 1) || verbIn(afterFirst, sentenceLast)))
    return null;
  return {
    attribution: {
      kind: 'indirect',
      source: span(tokens, i + 1, last),
      cue: span(tokens, i, i),
      cueLemma: 'in',
      content,
      block: ctx.block,
      continues: null,
      parent: null,
      recipient: null,
    },
    quotes: [],
  };
}

/** "according to <source>, <content>" and "<content>, according to <source>". */
function attributeAccording(
  ctx: BlockContext,
  i: number,
  sentenceFirst: number,
  sentenceLast: number,
): Found | null {
  const { tokens } = ctx;
  // At the start of a sentence the source runs to the comma; later, it is a noun phrase.
  const src =
    i - sentenceFirst < 3
      ? phraseUntilComma(ctx, i + 2, sentenceLast)
      : (rightSource(ctx, i + 2, sentenceLast) ?? phraseUntilComma(ctx, i + 2, sentenceLast));
  if (!src) return null;
  const cue = span(tokens, i, i + 1);
  const source = span(tokens, src[0], src[1]);
  const base = {
    source,
    cue,
    cueLemma: 'according to',
    block: ctx.block,
    continues: null,
    parent: null,
    recipient: null,
  };
  let content: Span | null = null;
  if (i - sentenceFirst >= 3) {
    content = contentRange(ctx, sentenceFirst, i - 1);
    // "“… the fares. Who pays?” the clerk said, according to the Ledger": the sentence
    // began inside a quote, and the whole quote is what the Ledger reports.
    const q = ctx.quotes[ctx.quoteOf[sentenceFirst] ?? -1];
    if (content && q && q.inner.start < content.start)
      content = { start: q.inner.start, end: content.end };
  } else if (sentenceLast - src[1] >= 3) content = contentRange(ctx, src[1] + 1, sentenceLast);
  return content
    ? { attribution: { ...base, kind: 'indirect', content: [content] }, quotes: [] }
    : null;
}

/** A headline or sentence led by a name and a colon: "Sanders: Clinton needs …". */
function attributeColon(
  ctx: BlockContext,
  sentenceFirst: number,
  sentenceLast: number,
): Found | null {
  const { tokens } = ctx;
  let i = sentenceFirst;
  while (i <= sentenceLast && i - sentenceFirst < 5 && tokens.pos(i) === 'PROPN') i++;
  if (i === sentenceFirst || tokens.text(i) !== ':' || sentenceLast - i < 3) return null;
  const content = contentRange(ctx, i + 1, sentenceLast);
  if (!content) return null;
  return {
    attribution: {
      kind: 'indirect',
      source: span(tokens, sentenceFirst, i - 1),
      cue: span(tokens, i, i),
      cueLemma: ':',
      content: [content],
      block: ctx.block,
      continues: null,
      parent: null,
      recipient: null,
    },
    quotes: [],
  };
}

/**
 * A reported clause ends where the next attribution of its sentence begins ("X said that A,
 * adding that B": A is X's first content, not "A, adding that B").
 */
function trimContents(text: string, found: Attribution[]): void {
  for (const a of found) {
    if (a.kind !== 'indirect' || a.content.length !== 1) continue;
    const content = a.content[0] as Span;
    let end = content.end;
    for (const b of found) {
      if (b === a || !b.cue) continue;
      // Only a participial cue after a comma starts a new attribution inside the clause.
      const participial =
        /ing$/.test(text.slice(b.cue.start, b.cue.end)) &&
        /,\s*$/.test(text.slice(Math.max(0, b.cue.start - 3), b.cue.start));
      if (participial && b.cue.start > content.start + 2 && b.cue.start < end) end = b.cue.start;
    }
    if (end === content.end) continue;
    // Back over the comma, dash or conjunction that joined the two.
    const kept = text
      .slice(content.start, end)
      .replace(/[\s,;:—–-]*(?:\b(?:and|but|while|as)\s*)?$/u, '');
    if (kept.length >= 3) a.content = [{ start: content.start, end: content.start + kept.length }];
  }
}

/**
 * "“…,” Smith said, according to the Globe": the words reach the reader through the Globe, so
 * the sentence's last attribution ("according to") takes over the one its content holds: its
 * source and cue, the inner cue's quote as content.
 */
function nestInAccording(out: Attribution[], here: number[], from: number): void {
  const outer = out[out.length - 1];
  if (!outer || out.length - 1 <= from || outer.cueLemma !== 'according to') return;
  const reach = outer.content[0];
  if (!reach) return;
  const innerIndex = out.findIndex(
    (a, k) =>
      k >= from &&
      k < out.length - 1 &&
      a.cue !== null &&
      a.kind === 'direct_quote' &&
      a.cue.start >= reach.start &&
      a.cue.end <= reach.end,
  );
  const inner = out[innerIndex];
  if (!inner) return;
  out[innerIndex] = { ...inner, source: outer.source, cue: outer.cue, cueLemma: outer.cueLemma };
  out.pop();
  here.pop();
}

/**
 * "Most voters want change, the poll found": a wish, belief or finding inside the words a later
 * attribution of the sentence reports belongs to them (as for one found after its reporter).
 */
function dropNestedStances(out: Attribution[], here: number[], from: number): void {
  const sentence = out.slice(from);
  const kept = sentence.filter(
    (a) =>
      !a.cue ||
      !a.cueLemma ||
      !CUE_LEMMAS.has(a.cueLemma) ||
      SPEECH_VERBS.has(a.cueLemma) ||
      !sentence.some(
        (b) =>
          b !== a &&
          b.cue !== null &&
          b.content.some((c) => c.start <= (a.cue as Span).start && (a.cue as Span).end <= c.end),
      ),
  );
  if (kept.length === sentence.length) return;
  out.length = from;
  out.push(...kept);
  const before = here.filter((k) => k < from);
  here.length = 0;
  here.push(...before, ...kept.map((_, k) => from + k));
}

/** Speech quotes are sentences, not titles or scare quotes. */
function isSpeechQuote(text: string, q: Quote): boolean {
  return (
    wordCount(text, q.inner) >= 4 || /[.!?,]$/.test(text.slice(q.inner.start, q.inner.end).trim())
  );
}

/**
 * Whether an attribution from `out[from]` on (only those with a cue, unless `withCue` is false)
 * reports words that hold `start`–`end`.
 */
function reportedIn(
  out: Attribution[],
  from: number,
  start: number,
  end: number,
  withCue = true,
): boolean {
  for (let k = from; k < out.length; k++) {
    const a = out[k] as Attribution;
    if ((a.cue || !withCue) && a.content.some((c) => c.start <= start && end <= c.end)) return true;
  }
  return false;
}

/** The first index below `count` for which `test` holds, or -1. */
function indexWhere(count: number, test: (k: number) => boolean): number {
  for (let k = 0; k < count; k++) if (test(k)) return k;
  return -1;
}

/** Finds every attribution in `blocks` (spans of `text`, in reading order). */
export function findAttributions(text: string, blocks: Span[]): Attribution[] {
  const out: Attribution[] = [];
  /** The last attribution of the previous block that holds one, and whether its quote ran on. */
  let previous: { index: number; openQuote: boolean; block: number } | null = null;
  let pendingColon: { block: number; attribution: Attribution } | null = null;
  const analyses = analyseBlocks(text, blocks);
  blocks.forEach((block, blockIndex) => {
    const { tokens, sentences } = analyses[blockIndex] as Analysis;
    const quotes = findQuotes(text, block.start, block.end);
    // The quote holding each token, or -1: quotes and tokens are both in text order and quotes do
    // not overlap, so one sweep finds them.
    const quoteOf: number[] = new Array(tokens.length);
    for (let k = 0, q = 0; k < tokens.length; k++) {
      while (q < quotes.length && (quotes[q] as Quote).outer.end < tokens.end(k)) q++;
      const quote = quotes[q];
      quoteOf[k] = quote && tokens.start(k) >= quote.outer.start ? q : -1;
    }
    const ctx: BlockContext = {
      text,
      block: blockIndex,
      tokens,
      quotes,
      quoteOf,
      sentenceSources: [],
    };
    const used = new Set<number>();
    const here: number[] = [];
    const add = (found: Found | null) => {
      if (!found) return;
      for (const q of found.quotes) used.add(q);
      const src = found.attribution.source;
      if (src) {
        const first = indexWhere(tokens.length, (k) => tokens.start(k) === src.start);
        const last = indexWhere(tokens.length, (k) => tokens.end(k) === src.end);
        if (first >= 0 && last >= first) ctx.sentenceSources.push([first, last]);
      }
      here.push(out.length);
      out.push(found.attribution);
    };
    // A cue that ended the previous paragraph with a colon ("Karadsheh says:"): this paragraph's
    // opening quote, or the paragraph itself, is its content.
    if (pendingColon && pendingColon.block === blockIndex - 1 && tokens.length > 0) {
      const opening = quotes[0];
      const startsWithQuote = opening && text.slice(block.start, opening.outer.start).trim() === '';
      const content = startsWithQuote ? opening.inner : { start: block.start, end: block.end };
      if (startsWithQuote) used.add(0);
      here.push(out.length);
      out.push({
        ...pendingColon.attribution,
        kind: startsWithQuote ? 'direct_quote' : 'indirect',
        content: [content],
      });
    }
    pendingColon = null;
    let sentenceStartIndex = out.length;
    for (const sentence of sentences) {
      const { first, last } = sentence;
      ctx.sentenceSources = [];
      add(attributeColon(ctx, first, last));
      for (let i = first; i <= last; i++) {
        if (quoteOf[i] !== -1) continue;
        const lower = tokens.lower(i);
        if (lower === 'according' && tokens.lower(i + 1) === 'to') {
          add(attributeAccording(ctx, i, first, last));
          i++;
          continue;
        }
        if (lower === 'in') {
          const poll = attributePoll(ctx, i, first, last);
          if (poll) {
            add(poll);
            continue;
          }
        }
        if (!isCue(ctx, i)) continue;
        const lemma = tokens.lemma(i);
        // "said they want …", "said polls show …": a wish, belief or finding inside reported
        // words belongs to them (speech inside speech is reported on its own).
        if (
          !SPEECH_VERBS.has(lemma) &&
          reportedIn(out, sentenceStartIndex, tokens.start(i), tokens.end(i))
        )
          continue;
        const found = attributeCue(ctx, i, first, last);
        // "continued", "read": speech only when they introduce a quotation.
        if (
          found &&
          QUOTE_ONLY_VERBS.has(lemma) &&
          !SPEECH_VERBS.has(lemma) &&
          found.attribution.kind !== 'direct_quote'
        )
          continue;
        add(found);
      }
      nestInAccording(out, here, sentenceStartIndex);
      dropNestedStances(out, here, sentenceStartIndex);
      trimContents(text, out.slice(sentenceStartIndex));
      sentenceStartIndex = out.length;
    }
    // Quotes no cue claimed: the rest of a split or continued quote, or a new paragraph's quote.
    quotes.forEach((q, qi) => {
      if (used.has(qi) || !isSpeechQuote(text, q)) return;
      // Only this block's attributions can hold it (not every one found so far in the text).
      if (reportedIn(out, here[0] ?? out.length, q.inner.start, q.inner.end, false)) return;
      const before = here.filter((k) => (out[k] as Attribution).kind === 'direct_quote');
      const owner = before.length > 0 ? before[before.length - 1] : undefined;
      if (owner !== undefined) {
        const a = out[owner] as Attribution;
        out.push({ ...a, content: [q.inner], continues: owner, parent: null });
        here.push(out.length - 1);
        used.add(qi);
        return;
      }
      const startsBlock = text.slice(block.start, q.outer.start).trim() === '';
      if (startsBlock && previous && blockIndex - previous.block <= 2) {
        const a = out[previous.index] as Attribution;
        out.push({
          ...a,
          kind: 'direct_quote',
          source: null,
          cue: null,
          cueLemma: null,
          content: [q.inner],
          block: blockIndex,
          continues: previous.index,
          parent: null,
          recipient: null,
        });
        here.push(out.length - 1);
        used.add(qi);
      }
    });
    // A quoted phrase inside reported speech ("accusing its members of “smearing the
    // reputation” of …"): the speaker's own words, a direct quote nested in the report.
    for (const k of [...here]) {
      const a = out[k] as Attribution;
      if (a.kind !== 'indirect') continue;
      quotes.forEach((q, qi) => {
        if (
          used.has(qi) ||
          q.open ||
          !a.content.some((c) => c.start <= q.outer.start && q.outer.end <= c.end)
        )
          return;
        if (wordCount(text, q.inner) < 2) return;
        used.add(qi);
        out.push({ ...a, kind: 'direct_quote', content: [q.inner], continues: null, parent: k });
      });
    }
    // Quotes inside quotes: "When Zawahiri said, 'you have …'".
    for (const k of [...here]) {
      const a = out[k] as Attribution;
      if (a.kind !== 'direct_quote') continue;
      for (const q of quotes) {
        if (!a.content.some((c) => c.start === q.inner.start && c.end === q.inner.end)) continue;
        for (const inner of q.nested) {
          const lead = text.slice(Math.max(q.inner.start, inner.start - 80), inner.start - 1);
          const m =
            /(\b[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*|\b(?:the|a|an|his|her|their|its) [a-z]+(?: [a-z]+)?|\b(?:he|she|they|we|I)) (said|says|told [\w ]+?|asked|wrote|added|replied|answered)[,:]?\s*$/u.exec(
              lead,
            );
          if (!m || m[1] === undefined || m[2] === undefined) continue;
          // "When Zawahiri said": a leading function word is not part of the name.
          const leadWord = /^(\S+)\s/.exec(m[1]);
          let skip = 0;
          if (leadWord?.[1] && NOT_NAMES.has(leadWord[1])) skip = leadWord[0].length;
          const sourceStart = inner.start - 1 - lead.length + m.index + skip;
          const cueStart = sourceStart - skip + m[1].length + 1;
          out.push({
            kind: 'direct_quote',
            source: { start: sourceStart, end: sourceStart + m[1].length - skip },
            cue: { start: cueStart, end: cueStart + m[2].length },
            cueLemma:
              m[2].split(' ')[0] === 'told'
                ? 'tell'
                : (m[2].split(' ')[0] ?? '').replace(/s$|ed$|id$/, ''),
            content: [inner],
            block: blockIndex,
            continues: null,
            parent: k,
            recipient: null,
          });
        }
      }
    }
    // Does this paragraph end with a cue and a colon?
    const lastSentence = sentences[sentences.length - 1];
    if (
      lastSentence &&
      tokens.text(lastSentence.last) === ':' &&
      ctx.quoteOf[lastSentence.last] === -1
    ) {
      for (let i = lastSentence.last - 1; i >= lastSentence.first; i--) {
        if (!isCue(ctx, i)) continue;
        let s = i - 1;
        while (
          s >= lastSentence.first &&
          (CUE_AUXILIARIES.has(tokens.lower(s)) || tokens.pos(s) === 'AUX')
        )
          s--;
        const source = leftSource(ctx, s, lastSentence.first);
        if (source)
          pendingColon = {
            block: blockIndex,
            attribution: {
              kind: 'direct_quote',
              source: span(tokens, source[0], source[1]),
              cue: span(tokens, i, i),
              cueLemma: tokens.lemma(i),
              content: [],
              block: blockIndex,
              continues: null,
              parent: null,
              recipient: null,
            },
          };
        break;
      }
    }
    if (here.length > 0) {
      const lastIndex = here[here.length - 1] as number;
      const lastQuote = quotes[quotes.length - 1];
      previous = { index: lastIndex, openQuote: lastQuote?.open ?? false, block: blockIndex };
    }
  });
  return out;
}
