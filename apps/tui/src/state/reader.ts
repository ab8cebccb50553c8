import type { ArticleDocument, Block } from '@claimscope/schema';
import { type Span, wrapSpans } from '../ui/text.js';
import type { ReaderFocus } from './navigation.js';

/** How a run of article text is shown: the theme turns these into colours or plain emphasis. */
export type ReaderStyle =
  | 'plain'
  | 'heading'
  | 'aside'
  | 'mention'
  | 'quote'
  | 'quoteMention'
  | 'focus';

export interface ReaderLine {
  spans: Span<ReaderStyle>[];
  /** Part of the focused passage: the view marks it in the gutter. */
  marked: boolean;
  /** Claims whose words start on this line, in order. */
  claimIds: string[];
}

export interface ReaderLayout {
  lines: ReaderLine[];
  /** The first line of the focused passage, or null without a focus. */
  focusLine: number | null;
}

interface Range {
  start: number;
  end: number;
}

/** The article offsets the focus covers: the claim's words, the relation's evidence or the block. */
export function focusRanges(doc: ArticleDocument, focus: ReaderFocus | null): Range[] {
  if (!focus) return [];
  const pos = (a: { position: Range }) => ({ start: a.position.start, end: a.position.end });
  switch (focus.kind) {
    case 'claim':
      return doc.claims.find((c) => c.id === focus.id)?.content.map(pos) ?? [];
    case 'relation':
      return doc.relations.find((r) => r.id === focus.id)?.evidence.map(pos) ?? [];
    case 'block': {
      const block = doc.article.blocks.find((b) => b.id === focus.id);
      return block ? [{ start: block.start, end: block.end }] : [];
    }
  }
}

const ASIDE_KINDS: ReadonlySet<Block['kind']> = new Set([
  'banner',
  'photo_credit',
  'related_link',
  'footer',
]);

function styleAt(
  offset: number,
  block: Block,
  quotes: Range[],
  mentions: Range[],
  focus: Range[],
  focusIsBlock: boolean,
): ReaderStyle {
  const inside = (ranges: Range[]) => ranges.some((r) => r.start <= offset && offset < r.end);
  if (!focusIsBlock && inside(focus)) return 'focus';
  const mention = inside(mentions);
  if (inside(quotes)) return mention ? 'quoteMention' : 'quote';
  if (mention) return 'mention';
  if (block.kind === 'headline') return 'heading';
  return ASIDE_KINDS.has(block.kind) ? 'aside' : 'plain';
}

/** Splits a block into runs of one style, cutting only where some range starts or ends. */
function blockSpans(
  block: Block,
  quotes: Range[],
  mentions: Range[],
  focus: Range[],
  focusIsBlock: boolean,
): Span<ReaderStyle>[] {
  const cuts = new Set([block.start, block.end]);
  for (const r of [...quotes, ...mentions, ...focus]) {
    if (r.start > block.start && r.start < block.end) cuts.add(r.start);
    if (r.end > block.start && r.end < block.end) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const spans: Span<ReaderStyle>[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    spans.push({
      text: block.text.slice(start - block.start, end - block.start),
      style: styleAt(start, block, quotes, mentions, focus, focusIsBlock),
      offset: start,
    });
  }
  return spans;
}

/** Lays the article out as wrapped, styled lines for a text column `width` cells wide. */
export function layoutArticle(
  doc: ArticleDocument,
  width: number,
  focus: ReaderFocus | null,
): ReaderLayout {
  const quotes = doc.claims
    .filter((c) => c.kind !== 'author_assertion')
    .flatMap((c) => c.content.map((a) => a.position));
  const mentions = doc.mentions.map((m) => m.anchor.position);
  const focused = focusRanges(doc, focus);
  const focusIsBlock = focus?.kind === 'block';
  const claimStarts = doc.claims
    .map((c) => ({ id: c.id, start: Math.min(...c.content.map((a) => a.position.start)) }))
    .sort((a, b) => a.start - b.start);

  const lines: ReaderLine[] = [];
  let focusLine: number | null = null;
  for (const block of doc.article.blocks) {
    if (lines.length > 0) lines.push({ spans: [], marked: false, claimIds: [] });
    for (const spans of wrapSpans(
      blockSpans(block, quotes, mentions, focused, focusIsBlock),
      Math.max(1, width),
    )) {
      const first = spans[0];
      const last = spans[spans.length - 1];
      const start = first?.offset ?? block.start;
      const end = last ? last.offset + last.text.length : block.end;
      const marked = focused.some((r) => r.start < end && start < r.end);
      if (marked && focusLine === null) focusLine = lines.length;
      const claimIds = claimStarts
        .filter((c) => c.start >= start && c.start < end)
        .map((c) => c.id);
      lines.push({ spans, marked, claimIds });
    }
  }
  return { lines, focusLine };
}

/** The quotes in reading order, each with the line it starts on. */
export function quoteLines(layout: ReaderLayout): { id: string; line: number }[] {
  return layout.lines.flatMap((l, line) => l.claimIds.map((id) => ({ id, line })));
}

/**
 * The quote the article view has selected: the remembered one while it is on screen, else the
 * first that starts on screen, so what is highlighted is always what Enter opens.
 */
export function selectedQuote(
  quotes: { id: string; line: number }[],
  cursor: number,
  scroll: number,
  height: number,
): number | null {
  const visible = (i: number) => {
    const q = quotes[i];
    return q !== undefined && q.line >= scroll && q.line < scroll + height;
  };
  if (visible(cursor)) return cursor;
  const first = quotes.findIndex((_, i) => visible(i));
  return first === -1 ? null : first;
}

/**
 * `lines` with a claim's words styled as the focus and the lines they touch marked: what
 * `layoutArticle(doc, width, { kind: 'claim', id })` gives for those lines (wrapping depends only
 * on the text and the width), without laying the whole article out again.
 */
export function highlightClaim(
  lines: readonly ReaderLine[],
  doc: ArticleDocument,
  claimId: string,
): ReaderLine[] {
  const ranges = focusRanges(doc, { kind: 'claim', id: claimId });
  return lines.map((line) => {
    if (line.spans.length === 0) return line;
    const spans: Span<ReaderStyle>[] = [];
    const push = (piece: Span<ReaderStyle>) => {
      const last = spans[spans.length - 1];
      if (last && last.style === piece.style && last.offset + last.text.length === piece.offset)
        last.text += piece.text;
      else spans.push(piece);
    };
    for (const span of line.spans) {
      const end = span.offset + span.text.length;
      const cuts = new Set([span.offset, end]);
      for (const r of ranges) {
        if (r.start > span.offset && r.start < end) cuts.add(r.start);
        if (r.end > span.offset && r.end < end) cuts.add(r.end);
      }
      const points = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < points.length; i += 1) {
        const from = points[i] as number;
        const to = points[i + 1] as number;
        const inside = ranges.some((r) => r.start <= from && from < r.end);
        push({
          text: span.text.slice(from - span.offset, to - span.offset),
          style: inside ? 'focus' : span.style,
          offset: from,
        });
      }
    }
    const first = line.spans[0] as Span<ReaderStyle>;
    const last = line.spans[line.spans.length - 1] as Span<ReaderStyle>;
    const start = first.offset;
    const end = last.offset + last.text.length;
    return { ...line, spans, marked: ranges.some((r) => r.start < end && start < r.end) };
  });
}
