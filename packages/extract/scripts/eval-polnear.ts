// Scores the extractor and the baseline on a PolNeAR split, with times per article.
import { performance } from 'node:perf_hooks';
import type { ArticleDocument } from '@claimscope/schema';
import { extract } from '../src/index.js';
import { winkBaseline } from '../src/nlp.js';
import { baselineAttributions } from './baseline.js';
import { loadSplit, type PolnearArticle, type ScoredAttribution } from './polnear.js';
import { emptyTally, isQuoted, prf, scoreArticle, type Tally } from './score.js';

/**
 * The document's claims as scored attributions: claims sharing a cue are one attribution, and a
 * continuation without a cue is more content of the attribution it continues (PARC's multi-span
 * content). Quotes inside quotes are left out: PolNeAR's texts rarely annotate them apart.
 */
export function documentAttributions(doc: ArticleDocument): ScoredAttribution[] {
  const byCue = new Map<string, ScoredAttribution>();
  const rootOf = new Map<string, ScoredAttribution>();
  const out: ScoredAttribution[] = [];
  const span = (a: { position: { start: number; end: number } }) => ({
    start: a.position.start,
    end: a.position.end,
  });
  for (const claim of doc.claims) {
    if (claim.kind === 'author_assertion' || claim.parentId !== null) continue;
    const content = claim.content.map(span);
    const continued = claim.continuesId ? rootOf.get(claim.continuesId) : undefined;
    if (!claim.cue && continued) {
      continued.content.push(...content);
      rootOf.set(claim.id, continued);
      continue;
    }
    const key = claim.cue ? `${claim.cue.position.start}:${claim.cue.position.end}` : '';
    const same = key ? byCue.get(key) : undefined;
    if (same) {
      same.content.push(...content);
      rootOf.set(claim.id, same);
      continue;
    }
    const attribution: ScoredAttribution = {
      source: claim.source ? [span(claim.source)] : null,
      cue: claim.cue ? [span(claim.cue)] : [],
      content,
    };
    rootOf.set(claim.id, attribution);
    if (key) byCue.set(key, attribution);
    out.push(attribution);
  }
  return out;
}

export interface SplitResult {
  articles: number;
  characters: number;
  extractor: { all: Tally; quoted: Tally };
  baseline: { all: Tally; quoted: Tally };
  msPerArticle: number;
  winkMsPerArticle: number;
  winkFullMsPerArticle: number;
}

function quotedOnly(text: string, list: ScoredAttribution[]) {
  return list.filter((a) => isQuoted(text, a));
}

/** Timed passes over a split (after one untimed warm-up pass). */
const TIMED_PASSES = 3;
/** Timed passes over the long texts (fewer texts, so more passes for each text's fastest). */
const LONG_PASSES = 10;

export async function evaluateSplit(articles: PolnearArticle[]): Promise<SplitResult> {
  const result: SplitResult = {
    articles: articles.length,
    characters: 0,
    extractor: { all: emptyTally(), quoted: emptyTally() },
    baseline: { all: emptyTally(), quoted: emptyTally() },
    msPerArticle: 0,
    winkMsPerArticle: 0,
    winkFullMsPerArticle: 0,
  };
  // Warm both up on every text first, untimed: neither pays the model load, and wink-nlp's
  // word cache is equally warm for both (whoever reads a new word first pays for looking it up).
  for (const article of articles) {
    await extract({ text: article.text }, { id: 'warm-up' });
    winkBaseline(article.text);
    winkBaseline(article.text, 'full');
  }
  let extractMs = 0;
  let winkMs = 0;
  let winkFullMs = 0;
  // Timing first, in a loop of its own: the scoring below allocates a lot, and its garbage
  // collection must not land in the extractor's time. Several passes over the same texts, each
  // text timed with both side by side, so a burst of other work on the machine moves both.
  const documents: ArticleDocument[] = [];
  for (const article of articles) result.characters += article.text.length;
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const article of articles) {
      const t0 = performance.now();
      const document = await extract({ text: article.text }, { id: 'polnear' });
      extractMs += performance.now() - t0;
      if (pass === 0) documents.push(document);
      const t1 = performance.now();
      winkBaseline(article.text);
      winkMs += performance.now() - t1;
      const t2 = performance.now();
      winkBaseline(article.text, 'full');
      winkFullMs += performance.now() - t2;
    }
  }
  articles.forEach((article, i) => {
    const predicted = documentAttributions(documents[i] as ArticleDocument);
    const base = baselineAttributions(article.text);
    const goldQuoted = quotedOnly(article.text, article.gold);
    scoreArticle(article.text, predicted, article.gold, result.extractor.all);
    scoreArticle(
      article.text,
      quotedOnly(article.text, predicted),
      goldQuoted,
      result.extractor.quoted,
    );
    scoreArticle(article.text, base, article.gold, result.baseline.all);
    scoreArticle(article.text, quotedOnly(article.text, base), goldQuoted, result.baseline.quoted);
  });
  const timed = Math.max(1, articles.length * TIMED_PASSES);
  result.msPerArticle = extractMs / timed;
  result.winkMsPerArticle = winkMs / timed;
  result.winkFullMsPerArticle = winkFullMs / timed;
  return result;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const prfText = (c: { predicted: number; gold: number; matched: number }) => {
  const { p, r, f } = prf(c);
  return `P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}`;
};

/** The split's table: each metric for the extractor beside the baseline. */
export function formatSplit(name: string, r: SplitResult): string {
  const lines: string[] = [];
  const row = (label: string, ours: string, base: string) =>
    lines.push(`${label.padEnd(44)} ${ours.padEnd(34)} ${base}`);
  lines.push(`PolNeAR ${name}: ${r.articles} articles, ${r.characters} characters`);
  row('metric', 'extractor', 'baseline');
  const both = (
    label: string,
    pick: (t: Tally) => { predicted: number; gold: number; matched: number },
  ) => row(label, prfText(pick(r.extractor.all)), prfText(pick(r.baseline.all)));
  both('primary', (t) => t.primary);
  both('cue-anchored pairing', (t) => t.pairing);
  for (const role of ['source', 'cue', 'content', 'all'] as const)
    both(`cue-anchored exact ${role === 'all' ? 'all three' : role}`, (t) => t.exact[role]);
  for (const role of ['source', 'cue', 'content'] as const) {
    const o = (t: Tally) => {
      const x = t.overlap[role];
      return prfText({ predicted: x.predicted, gold: x.gold, matched: x.overlap });
    };
    row(`cue-anchored char overlap ${role}`, o(r.extractor.all), o(r.baseline.all));
  }
  const ggt = (t: Tally, key: '0.3' | '0.8') => {
    const x = t.ggt[key];
    const p = x.predicted ? x.correct / x.predicted : 0;
    const rec = x.gold ? x.found / x.gold : 0;
    const f = p + rec ? (2 * p * rec) / (p + rec) : 0;
    return `P ${pct(p)}  R ${pct(rec)}  F1 ${pct(f)}  spk ${pct(x.found ? x.speaker / x.found : 0)}`;
  };
  for (const key of ['0.3', '0.8'] as const)
    row(`GGT-style at ${key}`, ggt(r.extractor.all, key), ggt(r.baseline.all, key));
  row('quoted: primary', prfText(r.extractor.quoted.primary), prfText(r.baseline.quoted.primary));
  for (const key of ['0.3', '0.8'] as const)
    row(`quoted: GGT-style at ${key}`, ggt(r.extractor.quoted, key), ggt(r.baseline.quoted, key));
  const ratio = (x: number) => (r.msPerArticle / Math.max(0.001, x)).toFixed(2);
  lines.push(
    `time per article (mean ${Math.round(r.characters / Math.max(1, r.articles))} characters, ${TIMED_PASSES} passes): extractor ${r.msPerArticle.toFixed(1)} ms (${(1000 / r.msPerArticle).toFixed(0)} articles/s on one core); ` +
      `wink-nlp alone, same pipeline (sentences, tags) ${r.winkMsPerArticle.toFixed(1)} ms, ratio ${ratio(r.winkMsPerArticle)}×; ` +
      `wink-nlp default pipeline ${r.winkFullMsPerArticle.toFixed(1)} ms, ratio ${ratio(r.winkFullMsPerArticle)}×`,
  );
  return lines.join('\n');
}

export { loadSplit };

/**
 * Speed on texts of about 10,000 characters (consecutive articles joined until they reach it):
 * texts per second on one core, beside wink-nlp's own processing of the same texts.
 */
export async function timeLongTexts(articles: PolnearArticle[]): Promise<string> {
  const texts: string[] = [];
  let current = '';
  for (const article of articles) {
    current = current ? `${current}\n\n${article.text}` : article.text;
    if (current.length >= 10_000) {
      texts.push(current);
      current = '';
    }
  }
  for (const text of texts) {
    await extract({ text }, { id: 'warm-up' });
    winkBaseline(text);
  }
  let extractMs = 0;
  let winkMs = 0;
  // Each text's fastest pass too: other work on the machine only ever adds time, so the ratio of
  // the minima moves far less from run to run than the ratio of the sums.
  const fastestExtract = texts.map(() => Number.POSITIVE_INFINITY);
  const fastestWink = texts.map(() => Number.POSITIVE_INFINITY);
  for (let pass = 0; pass < LONG_PASSES; pass++) {
    for (const [k, text] of texts.entries()) {
      const t0 = performance.now();
      await extract({ text }, { id: 'long' });
      const e = performance.now() - t0;
      const t1 = performance.now();
      winkBaseline(text);
      const w = performance.now() - t1;
      extractMs += e;
      winkMs += w;
      fastestExtract[k] = Math.min(fastestExtract[k] as number, e);
      fastestWink[k] = Math.min(fastestWink[k] as number, w);
    }
  }
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  const mean = Math.round(texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length));
  const timed = Math.max(1, texts.length * LONG_PASSES);
  const per = extractMs / timed;
  return `${texts.length} texts of ≥10,000 characters (mean ${mean}), ${LONG_PASSES} passes: extractor ${per.toFixed(1)} ms each, ${(1000 / per).toFixed(0)} texts/s on one core; wink-nlp alone (same pipeline) ${(winkMs / timed).toFixed(1)} ms, ratio ${(extractMs / Math.max(0.001, winkMs)).toFixed(2)}×; each text's fastest pass: ratio ${(sum(fastestExtract) / Math.max(0.001, sum(fastestWink))).toFixed(2)}×`;
}
