// The token table the rules read: wink-nlp's tokens of a text as columns, split by block.
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { analyse, analyseBlocks, forgetAnalysis } from '../src/nlp.js';

const TEXT = 'The Mayor said “no.”\n\nVoters  disagreed, polls show.';

describe('the token table of a text', () => {
  it('holds each token as written, lower-cased, tagged and lemmatised, with its offsets', () => {
    const { tokens } = analyse(TEXT);
    forgetAnalysis();
    const mayor = 1;
    expect(tokens.text(mayor)).toBe('Mayor');
    expect(tokens.lower(mayor)).toBe('mayor');
    expect(TEXT.slice(tokens.start(mayor), tokens.end(mayor))).toBe('Mayor');
    const said = 2;
    expect(tokens.pos(said)).toBe('VERB');
    expect(tokens.lemma(said)).toBe('say');
    // Every token's offsets point at its text (the double space is no token).
    for (let i = 0; i < tokens.length; i++)
      expect(TEXT.slice(tokens.start(i), tokens.end(i))).toBe(tokens.text(i));
  });

  it('answers an empty string and -1 outside the run, so neighbours need no bounds check', () => {
    const { tokens } = analyse(TEXT);
    forgetAnalysis();
    for (const i of [-1, tokens.length]) {
      expect(tokens.has(i)).toBe(false);
      expect([tokens.text(i), tokens.lower(i), tokens.pos(i), tokens.lemma(i)]).toEqual([
        '',
        '',
        '',
        '',
      ]);
      expect([tokens.start(i), tokens.end(i)]).toEqual([-1, -1]);
    }
  });

  it("gives each block its own run of the text's tokens, indexed from 0", () => {
    const second = TEXT.indexOf('Voters');
    const [first, next] = analyseBlocks(TEXT, [
      { start: 0, end: TEXT.indexOf('\n') },
      { start: second, end: TEXT.length },
    ]);
    forgetAnalysis();
    expect(first?.tokens.text(0)).toBe('The');
    expect(next?.tokens.text(0)).toBe('Voters');
    expect(next?.tokens.start(0)).toBe(second);
    // The block's first token has no neighbour before it, though the text has.
    expect(next?.tokens.has(-1)).toBe(false);
    expect(next?.tokens.text(-1)).toBe('');
    const words: string[] = [];
    for (let i = 0; i < (next?.tokens.length ?? 0); i++) words.push(next?.tokens.text(i) ?? '');
    expect(words).toEqual(['Voters', 'disagreed', ',', 'polls', 'show', '.']);
    expect(next?.sentences).toEqual([{ first: 0, last: 5 }]);
  });

  it('lemmatises on demand, and gives the lemma "like" only to verbs, nouns and words spelt "lik…"', () => {
    // The cue rules skip the lemma of every other word (`isCue` in src/attribution.ts): every
    // word of wink-nlp's lexicon is read here, so a model that broke the rule would fail this.
    const core = (
      model as unknown as { core(): { features: { lexeme: { list: unknown[] } } } }
    ).core();
    const words = core.features.lexeme.list.filter(
      (w): w is string => typeof w === 'string' && /^\S+$/.test(w),
    );
    expect(words.length).toBeGreaterThan(50_000);
    const strays: string[] = [];
    for (let k = 0; k < words.length; k += 5000) {
      const { tokens } = analyse(words.slice(k, k + 5000).join(' . '));
      forgetAnalysis();
      for (let i = 0; i < tokens.length; i++) {
        const pos = tokens.pos(i);
        if (pos === 'VERB' || pos === 'NOUN' || tokens.lower(i).startsWith('lik')) continue;
        if (tokens.lemma(i) === 'like') strays.push(tokens.text(i));
      }
    }
    expect(strays).toEqual([]);
    const { tokens } = analyse('She would like that. He liked it.');
    forgetAnalysis();
    expect([tokens.lemma(2), tokens.lemma(6)]).toEqual(['like', 'like']);
  });

  it("gives wink-nlp's own lemmas, for words met before and inside contractions too", () => {
    const text =
      "They can't say. He said he'd go, and they wouldn't. She says it isn't so; we can say more.";
    const nlp = winkNLP(model, ['sbd', 'pos']);
    const own = nlp
      .readDoc(text)
      .tokens()
      .out(nlp.its.lemma as typeof nlp.its.value)
      .map((lemma) => lemma.toLowerCase());
    // Twice: the second time every word outside a contraction has been lemmatised before.
    for (let round = 0; round < 2; round++) {
      const { tokens } = analyse(text);
      forgetAnalysis();
      const lemmas: string[] = [];
      for (let i = 0; i < tokens.length; i++) lemmas.push(tokens.lemma(i));
      expect(lemmas).toEqual(own);
    }
  });
});
