// Blocks of a plain-text article: paragraphs separated by blank lines (or one per line when the
// text is not hard-wrapped), with the headline first and furniture told apart from the body.
import type { BlockKind } from '@claimscope/schema';
import type { Span } from './quotes.js';

export interface TextBlock extends Span {
  kind: BlockKind;
}

const FURNITURE: [BlockKind, RegExp][] = [
  [
    'banner',
    /^(?:this (?:story|article) is (?:over|more than) \d+ \w+ old|advertisement|breaking news)\.?$/i,
  ],
  [
    'photo_credit',
    /^(?:\(?(?:photo|image|picture|video|graphic)s?\s*(?:via|by|credit|courtesy|:)|\(?(?:ap|afp|reuters|getty) (?:photo|images)\b)/i,
  ],
  [
    'related_link',
    /^(?:[^.!?]{0,200}[.!?]\s+)?(?:read (?:more|the rest|the full story)(?: here| at [^.]+)?|related:.*|see also:.*|watch:.*|click here.*)\.?$/i,
  ],
  [
    'footer',
    /^(?:follow [^.]{1,80} on (?:twitter|facebook|instagram)|copyright|©|all rights reserved|contact the author|this (?:story|article) (?:was|has been) (?:updated|corrected))/i,
  ],
];

/** Every related link holds one of these (a cheap test before the pattern). */
const RELATED_LINK_WORDS = /read |related:|see also:|watch:|click here/i;

/** What a reader would call this line, when it is not running text. */
export function furnitureKind(line: string): BlockKind | null {
  const trimmed = line.trim();
  if (trimmed.length > 400) return null;
  for (const [kind, pattern] of FURNITURE) {
    // The related-link pattern backtracks over a leading sentence: tried only when one of its
    // phrases is there at all.
    if (kind === 'related_link' && !RELATED_LINK_WORDS.test(trimmed)) continue;
    if (pattern.test(trimmed)) return kind;
  }
  return null;
}

/** Splits a text into its non-empty paragraphs (offsets into `text`, whitespace trimmed). */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const chunks = /[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*/g;
  for (let m = chunks.exec(text); m !== null; m = chunks.exec(text)) {
    const lines = m[0].split('\n');
    // A chunk of several lines is one hard-wrapped paragraph when most lines run on mid-sentence.
    const runOn = lines.slice(0, -1).filter((l) => !/[.!?:"”)\]]\s*$/.test(l)).length;
    const wrapped = lines.length >= 3 && runOn > (lines.length - 1) / 2;
    const parts = wrapped ? [{ start: m.index, text: m[0] }] : splitLines(m.index, lines);
    for (const part of parts) {
      const lead = part.text.length - part.text.trimStart().length;
      const body = part.text.trim();
      if (body) spans.push({ start: part.start + lead, end: part.start + lead + body.length });
    }
  }
  return spans;
}

function splitLines(start: number, lines: string[]): { start: number; text: string }[] {
  let at = start;
  return lines.map((line) => {
    const part = { start: at, text: line };
    at += line.length + 1;
    return part;
  });
}

/** Types each paragraph: furniture by its wording, the first body line is the headline. */
export function textBlocks(text: string): TextBlock[] {
  const spans = paragraphSpans(text);
  const blocks: TextBlock[] = [];
  let headline = false;
  for (const span of spans) {
    const line = text.slice(span.start, span.end);
    const furniture = furnitureKind(line);
    if (furniture && (furniture !== 'banner' || !headline)) {
      blocks.push({ ...span, kind: furniture });
      continue;
    }
    if (!headline) {
      blocks.push({ ...span, kind: 'headline' });
      headline = true;
      continue;
    }
    blocks.push({ ...span, kind: 'paragraph' });
  }
  // A short line between the headline and a photo credit or the body's first paragraph, with no
  // full stop inside it, reads as a standfirst.
  const h = blocks.findIndex((b) => b.kind === 'headline');
  const next = blocks[h + 1];
  const after = blocks[h + 2];
  if (h >= 0 && next && next.kind === 'paragraph' && after?.kind === 'photo_credit')
    next.kind = 'dek';
  if (!blocks.some((b) => b.kind === 'paragraph')) {
    const last = blocks[blocks.length - 1];
    if (last && last.kind !== 'headline') last.kind = 'paragraph';
  }
  return blocks;
}
