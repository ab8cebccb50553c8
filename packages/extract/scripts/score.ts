// The attribution metrics of ../shared/polnear/README.md: the project's primary score,
// Citron-style cue-anchored scores and GGT-style content scores with speaker accuracy.
import type { Span } from '../src/quotes.js';
import type { ScoredAttribution } from './polnear.js';

export interface Counts {
  predicted: number;
  gold: number;
  matched: number;
}

export const prf = ({ predicted, gold, matched }: Counts) => {
  const p = predicted ? matched / predicted : 0;
  const r = gold ? matched / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const EDGE = /^[\s,.;:"“”‘’'«»]+|[\s,.;:"“”‘’'«»]+$/g;

/** Spans trimmed of whitespace, `, . ; :` and quotation marks at their edges. */
function trimmed(text: string, spans: Span[]): string {
  return spans
    .map((s) => {
      const raw = text.slice(s.start, s.end);
      const lead = raw.length - raw.replace(/^[\s,.;:"“”‘’'«»]+/, '').length;
      const body = raw.replace(EDGE, '');
      return body ? `${s.start + lead}:${s.start + lead + body.length}` : '';
    })
    .filter(Boolean)
    .sort()
    .join('|');
}

function chars(spans: Span[] | null): Set<number> {
  const set = new Set<number>();
  for (const s of spans ?? []) for (let i = s.start; i < s.end; i++) set.add(i);
  return set;
}

function overlapCount(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const i of a) if (b.has(i)) n++;
  return n;
}

const overlaps = (a: Span[] | null, b: Span[] | null) =>
  (a ?? []).some((x) => (b ?? []).some((y) => x.start < y.end && y.start < x.end));

/** Covers more than `share` of the gold content's characters. */
function covers(pred: ScoredAttribution, gold: ScoredAttribution, share: number): boolean {
  const g = chars(gold.content);
  return g.size > 0 && overlapCount(chars(pred.content), g) / g.size > share;
}

const sourceAgrees = (p: ScoredAttribution, g: ScoredAttribution) =>
  (p.source === null || p.source.length === 0) && (g.source === null || g.source.length === 0)
    ? true
    : overlaps(p.source, g.source);

export interface Tally {
  primary: Counts;
  pairing: Counts;
  exact: Record<'source' | 'cue' | 'content' | 'all', Counts>;
  overlap: Record<
    'source' | 'cue' | 'content',
    { overlap: number; predicted: number; gold: number }
  >;
  ggt: Record<
    '0.3' | '0.8',
    { found: number; gold: number; correct: number; predicted: number; speaker: number }
  >;
}

export function emptyTally(): Tally {
  const c = () => ({ predicted: 0, gold: 0, matched: 0 });
  const o = () => ({ overlap: 0, predicted: 0, gold: 0 });
  const g = () => ({ found: 0, gold: 0, correct: 0, predicted: 0, speaker: 0 });
  return {
    primary: c(),
    pairing: c(),
    exact: { source: c(), cue: c(), content: c(), all: c() },
    overlap: { source: o(), cue: o(), content: o() },
    ggt: { '0.3': g(), '0.8': g() },
  };
}

/** Adds one article's predictions against its gold attributions to the tally. */
export function scoreArticle(
  text: string,
  predicted: ScoredAttribution[],
  gold: ScoredAttribution[],
  t: Tally,
): void {
  // Primary: cue overlaps, content covered by more than half, source overlaps (or both none).
  const usedPrimary = new Set<number>();
  for (const p of predicted) {
    const g = gold.findIndex(
      (x, i) =>
        !usedPrimary.has(i) && overlaps(p.cue, x.cue) && covers(p, x, 0.5) && sourceAgrees(p, x),
    );
    if (g >= 0) usedPrimary.add(g);
  }
  t.primary.predicted += predicted.length;
  t.primary.gold += gold.length;
  t.primary.matched += usedPrimary.size;

  // Citron: pair on overlapping cues, then compare each role.
  const used = new Set<number>();
  const pairs: [ScoredAttribution, ScoredAttribution][] = [];
  for (const p of predicted) {
    const g = gold.findIndex((x, i) => !used.has(i) && overlaps(p.cue, x.cue));
    if (g >= 0) {
      used.add(g);
      pairs.push([p, gold[g] as ScoredAttribution]);
    }
  }
  t.pairing.predicted += predicted.length;
  t.pairing.gold += gold.length;
  t.pairing.matched += pairs.length;
  for (const role of ['source', 'cue', 'content', 'all'] as const) {
    t.exact[role].predicted += predicted.length;
    t.exact[role].gold += gold.length;
  }
  for (const [p, g] of pairs) {
    const same = {
      source: trimmed(text, p.source ?? []) === trimmed(text, g.source ?? []),
      cue: trimmed(text, p.cue) === trimmed(text, g.cue),
      content: trimmed(text, p.content) === trimmed(text, g.content),
    };
    for (const role of ['source', 'cue', 'content'] as const)
      if (same[role]) t.exact[role].matched++;
    if (same.source && same.cue && same.content) t.exact.all.matched++;
    for (const role of ['source', 'cue', 'content'] as const)
      t.overlap[role].overlap += overlapCount(chars(p[role]), chars(g[role]));
  }
  for (const role of ['source', 'cue', 'content'] as const) {
    for (const p of predicted) t.overlap[role].predicted += chars(p[role]).size;
    for (const g of gold) t.overlap[role].gold += chars(g[role]).size;
  }

  // GGT: a gold content is found when a prediction covers more than 30 % (80 %) of it.
  for (const [key, share] of [
    ['0.3', 0.3],
    ['0.8', 0.8],
  ] as const) {
    const x = t.ggt[key];
    x.gold += gold.length;
    x.predicted += predicted.length;
    for (const g of gold) {
      // The prediction that covers most of this content speaks for it.
      const gc = chars(g.content);
      let p: ScoredAttribution | undefined;
      let best: number = share;
      for (const q of predicted) {
        const covered = gc.size ? overlapCount(chars(q.content), gc) / gc.size : 0;
        if (covered > best) {
          best = covered;
          p = q;
        }
      }
      if (!p) continue;
      x.found++;
      if (sourceAgrees(p, g)) x.speaker++;
    }
    for (const p of predicted) if (gold.some((g) => covers(p, g, share))) x.correct++;
  }
}

const QUOTE_MARK = /["“”«»]/;

/** Holds a quotation mark in its content (or right at its edges, where predictions leave them out). */
export function isQuoted(text: string, a: ScoredAttribution): boolean {
  return a.content.some((s) => QUOTE_MARK.test(text.slice(Math.max(0, s.start - 1), s.end + 1)));
}
