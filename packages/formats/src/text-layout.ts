import { createHash } from 'node:crypto';
import { type Anchor, type Block, makeAnchor } from '@claimscope/schema';

/** Lowercase hex sha256 of the UTF-8 bytes of `text`, as `Article.textSha256` records it. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Blocks of a plain text: its paragraphs (runs of non-blank lines, separated by blank lines),
 * without the whitespace around them. The first is the headline, the others paragraphs: what a
 * text file of a news article (PolNeAR's layout) says and no more.
 */
export function blocksOfPlainText(text: string): Block[] {
  const blocks: Block[] = [];
  const paragraph = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (const match of text.matchAll(paragraph)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const start = (match.index ?? 0) + lead;
    const end = start + raw.trim().length;
    blocks.push({
      id: `b${blocks.length}`,
      kind: blocks.length === 0 ? 'headline' : 'paragraph',
      index: blocks.length,
      start,
      end,
      text: text.slice(start, end),
    });
  }
  return blocks;
}

/**
 * Cuts the span `start`–`end` into one anchor per block it touches, clipped to the blocks (what
 * lies between blocks is whitespace). Empty when the span touches no block.
 */
export function anchorsInBlocks(
  text: string,
  blocks: readonly Block[],
  start: number,
  end: number,
): Anchor[] {
  const anchors: Anchor[] = [];
  for (const block of blocks) {
    const from = Math.max(start, block.start);
    const to = Math.min(end, block.end);
    if (from < to) anchors.push(makeAnchor(text, block.id, from, to));
  }
  return anchors;
}

/**
 * Converts between offsets in Unicode code points (brat's) and UTF-16 code units (claimscope's).
 * Both are the identity for a text without characters outside the Basic Multilingual Plane.
 */
export class OffsetConverter {
  private readonly unitsAt: number[] | null;
  private readonly pointsAt: Map<number, number> | null;

  constructor(text: string) {
    if (!/[\uD800-\uDBFF]/.test(text)) {
      this.unitsAt = null;
      this.pointsAt = null;
      return;
    }
    this.unitsAt = [];
    this.pointsAt = new Map();
    let unit = 0;
    let point = 0;
    for (const char of text) {
      this.unitsAt.push(unit);
      this.pointsAt.set(unit, point);
      unit += char.length;
      point += 1;
    }
    this.unitsAt.push(unit);
    this.pointsAt.set(unit, point);
  }

  toUtf16(codePoint: number): number {
    return this.unitsAt ? (this.unitsAt[codePoint] ?? Number.NaN) : codePoint;
  }

  toCodePoints(utf16: number): number {
    return this.pointsAt ? (this.pointsAt.get(utf16) ?? Number.NaN) : utf16;
  }
}

/** A readable id part made of words: "The New York Post" → "the-new-york-post". */
export function slugOf(words: string): string {
  const slug = words
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'x';
}
