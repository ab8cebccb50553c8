// Words that attribute: written from general English usage (speech, belief, intention and
// evidence verbs, and the nouns and phrases reporters use), not mined from any corpus.
import type { Modality } from '@claimscope/schema';

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Verbs of saying and writing, by lemma. */
export const SPEECH_VERBS = words(`
  say tell add note explain argue claim insist warn predict suggest deny write tweet post report
  announce state declare acknowledge admit accuse ask answer reply respond recall  conclude
  complain contend assert stress emphasize emphasise remark comment testify speculate joke quip boast
  brag concede confirm charge allege maintain agree disagree caution criticize criticise praise
  blame describe estimate reveal indicate observe point mention repeat reiterate insinuate imply
  urge call demand propose recommend counter retort protest lament decry denounce condemn dismiss
  reject question wonder muse scoff snap shout yell whisper tout hail applaud brief inform assure
  reassure remind promise pledge vow threaten swear concur object disclose forecast project guess
  estimate calculate proclaim pronounce rule opine editorialize editorialise rail slam blast attack
  defend thank apologize apologise congratulate cite quote summarize summarise characterize
  characterise portray label dub term brand posit hint signal affirm reaffirm avow profess
  recount detail outline clarify elaborate specify theorize theorise surmise hypothesize
  hypothesise plead beg implore exclaim mutter murmur grumble gush rave rant sneer taunt chide
  scold rebuke lecture inquire enquire query dispute refute rebut contest attest certify verify
  interject complain acknowledge concede mention blog express voice discuss highlight underscore request advocate`);

/** Verbs that attribute only a direct quote ("…,” he continued): elsewhere they mean no speech. */
export const QUOTE_ONLY_VERBS = words(`continue begin start read laugh sigh cry scream holler
  shout chime interrupt finish conclude press pause smile grin deadpan`);

/** Verbs of belief, knowledge, perception and feeling that report a stance. */
export const BELIEF_VERBS = words(`
  believe think feel know fear hope expect worry doubt suspect reckon assume  presume
  understand  figure imagine  bet sense recognize recognise realize realise
  conclude find learn   notice  judge deem view infer deduce perceive remember forget envision
  envisage foresee anticipate`);

/** Verbs whose content is an infinitive ("wants to …", "vowed to …"). */
export const INTENTION_VERBS = words(`
  want plan prefer intend hope expect promise pledge vow threaten refuse decline seek aim agree
  wish  urge decide offer order encourage beg implore`);

/** Verbs of stance: endorsing, backing, opposing someone or something. */
export const STANCE_VERBS = words(`endorse support oppose back favor favour welcome embrace mock
  ridicule slam criticize criticise attack blast condemn praise hail laud challenge`);

/** Evidence verbs whose subject is a document or a study ("the poll showed …"). */
export const EVIDENCE_VERBS = words(`show find suggest indicate reveal demonstrate  confirm`);

/** Verbs that take a recipient before the content ("told reporters that …"). */
export const RECIPIENT_VERBS = words(`
  tell ask warn assure reassure inform remind promise brief advise urge convince persuade notify
  caution teach accuse order encourage beg implore`);

/** Every verb that can cue an attribution. */
export const CUE_LEMMAS = new Set([
  ...SPEECH_VERBS,
  ...QUOTE_ONLY_VERBS,
  ...STANCE_VERBS,
  ...BELIEF_VERBS,
  ...INTENTION_VERBS,
  ...EVIDENCE_VERBS,
]);

/** Inflected forms of the commonest cues, accepted whatever part of speech the tagger gives. */
export const STRONG_CUE_FORMS = words(`said says told tells added adds wrote writes tweeted
  argued argues noted notes warned warns insisted insists explained explains claimed claims
  predicted suggested denied announced acknowledged`);

/** Words between a source and its cue that belong to neither ("has also said"). */
export const CUE_AUXILIARIES = words(`has have had was were is are be been being will would could
  should may might must can shall do does did also later previously recently repeatedly often
  once again still then further even never not n't n’t reportedly publicly privately earlier
  initially first separately already long yet just frequently now since`);

/** Nouns that name a report or a statement as a channel ("in a statement"). */
export const CHANNEL_PHRASES: {
  pattern: RegExp;
  kind: 'statement' | 'letter' | 'interview' | 'report' | 'social_media';
}[] = [
  {
    pattern:
      /\b(?:in|via) (?:a|an|his|her|their|its|the) (?:\w+ ){0,2}(?:statement|press release|release|communiqué|communique)\b/i,
    kind: 'statement',
  },
  {
    pattern:
      /\b(?:in|via) (?:a|an|his|her|their|its|the) (?:\w+ ){0,2}(?:letter|memo|op-ed|essay|column|article|book|email|e-mail)\b/i,
    kind: 'letter',
  },
  {
    pattern:
      /\b(?:in|during) (?:a|an|his|her|their|its|the) (?:\w+ ){0,2}(?:interview|conversation|podcast|appearance)\b/i,
    kind: 'interview',
  },
  {
    pattern:
      /\b(?:on|in|via) (?:twitter|facebook|instagram|social media|x|a tweet|a post|a video)\b/i,
    kind: 'social_media',
  },
];

/** Nouns for a poll whose findings a clause reports ("in a new poll, 40 percent …"). */
export const POLL_NOUNS = words('poll survey');

/** Unnamed sources: the nouns of anonymous and collective attribution. */
export const UNNAMED_SOURCE_NOUNS = words(`
  analyst analysts official officials critic critics expert experts observer observers source sources
  aide aides adviser advisers advisor advisors spokesman spokeswoman spokesperson witness witnesses
  resident residents diplomat diplomats investigator investigators researcher researchers scholar
  scholars economist economists strategist strategists insider insiders supporter supporters
  opponent opponents lawmaker lawmakers legislator legislators activist activists commentator
  commentators pollster pollsters voter voters people person observers officers officer
  prosecutors prosecutor police authorities leader leaders members member someone some many others`);

/** The modality a cue lends its content. */
export function cueModality(lemma: string): Modality | null {
  if (
    ['predict', 'forecast', 'expect', 'project', 'promise', 'vow', 'pledge', 'threaten'].includes(
      lemma,
    )
  )
    return 'prediction';
  if (['deny', 'reject', 'dismiss', 'dispute', 'refute'].includes(lemma)) return 'denial';
  if (['suggest', 'speculate', 'guess', 'suspect', 'wonder', 'imply', 'insinuate'].includes(lemma))
    return 'hedged';
  if (['believe', 'think', 'feel', 'suppose', 'assume', 'reckon', 'fear', 'hope'].includes(lemma))
    return 'speculative';
  return null;
}

/** Three-word verb phrases that cue together ("made it clear that …"). */
export const CUE_PHRASES = new Set([
  'make it clear',
  'make it plain',
  'make the case',
  'raise the possibility',
  'raise questions about',
  'raise concerns about',
  'take issue with',
  'take aim at',
]);

/** Verb and particle pairs that cue together ("pointed out", "called for"). */
export const CUE_PARTICLES = new Set([
  'point out',
  'put it',
  'make clear',
  'point to',
  'call for',
  'call on',
  'go on',
  'follow up',
  'speak out',
  'weigh in',
  'lash out',
  'push back',
  'hit back',
  'fire back',
  'shoot back',
  'sign on',
  'rule out',
  'spell out',
  'refer to',
  'talk about',
  'speak about',
  'speak of',
  'write about',
  'complain about',
  'warn of',
  'warn about',
  'joke about',
  'boast about',
  'brag about',
  'comment on',
  'reflect on',
  'elaborate on',
  'ask about',
]);
