// The reference baseline of ../shared/STACK-NOTES.md, computed in the same run as the extractor:
// quotation marks paired with the nearest speech verb within 60 characters, plus "X said" clauses.
import type { ScoredAttribution } from './polnear.js';

const VERB =
  /\b(said|says|told|tells|added|adds|wrote|writes|asked|according to|stated|explained|noted|argued)\b/g;
const SAID_CLAUSE = /\b((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*)*|he|she|they|it|we|I) (said|says)\b/g;

export function baselineAttributions(text: string): ScoredAttribution[] {
  const out: ScoredAttribution[] = [];
  const taken = new Set<number>();
  const quote = /["“]([^"“”\n]{2,}?)["”]/g;
  for (let m = quote.exec(text); m !== null; m = quote.exec(text)) {
    const start = m.index + 1;
    const end = m.index + m[0].length - 1;
    let best: { start: number; end: number; distance: number } | null = null;
    const windowStart = Math.max(0, m.index - 60);
    const around = text.slice(windowStart, Math.min(text.length, end + 61));
    for (let v = VERB.exec(around); v !== null; v = VERB.exec(around)) {
      const vs = windowStart + v.index;
      const ve = vs + v[0].length;
      if (vs >= m.index && ve <= end + 1) continue;
      const distance = vs > end ? vs - end : m.index - ve;
      if (!best || distance < best.distance) best = { start: vs, end: ve, distance };
    }
    VERB.lastIndex = 0;
    if (!best) continue;
    taken.add(best.start);
    // The source: the capitalised words or pronoun next to the verb.
    const before = /((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*)*|he|she|they|it|we|I)\s*$/.exec(
      text.slice(Math.max(0, best.start - 40), best.start).trimEnd(),
    );
    const after = /^\s*((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*)*|he|she|they)/.exec(
      text.slice(best.end, best.end + 40),
    );
    let source: ScoredAttribution['source'] = null;
    if (before?.[1]) {
      const s =
        best.start -
        (text.slice(Math.max(0, best.start - 40), best.start).length -
          text.slice(Math.max(0, best.start - 40), best.start).trimEnd().length) -
        before[1].length;
      source = [{ start: s, end: s + before[1].length }];
    } else if (after?.[1]) {
      const s = best.end + after[0].length - after[1].length;
      source = [{ start: s, end: s + after[1].length }];
    }
    out.push({ source, cue: [{ start: best.start, end: best.end }], content: [{ start, end }] });
  }
  // "X said" clauses outside quotes: content is the rest of the sentence, or the sentence before.
  for (let m = SAID_CLAUSE.exec(text); m !== null; m = SAID_CLAUSE.exec(text)) {
    const cueStart = m.index + (m[1]?.length ?? 0) + 1;
    if (taken.has(cueStart)) continue;
    const cueEnd = cueStart + (m[2]?.length ?? 0);
    const sentenceEnd = text.slice(cueEnd).search(/[.!?](\s|$)/);
    const lineStart = Math.max(
      text.lastIndexOf('\n', m.index) + 1,
      text.lastIndexOf('. ', m.index) + 2,
    );
    const after = sentenceEnd > 3 ? { start: cueEnd + 1, end: cueEnd + sentenceEnd } : null;
    const before = m.index - lineStart > 3 ? { start: lineStart, end: m.index } : null;
    const content = after ?? before;
    if (!content) continue;
    out.push({
      source: [{ start: m.index, end: m.index + (m[1]?.length ?? 0) }],
      cue: [{ start: cueStart, end: cueEnd }],
      content: [content],
    });
  }
  return out;
}
