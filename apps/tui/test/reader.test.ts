import { loadCorpus } from '@claimscope/corpus';
import { describe, expect, it } from 'vitest';
import { highlightClaim, layoutArticle, quoteLines, selectedQuote } from '../src/state/reader.js';
import { cellWidth } from '../src/ui/text.js';

// The real seed article, laid out as the article view shows it.
const doc = loadCorpus()[0];
if (!doc) throw new Error('the corpus has no article');
const text = (line: { spans: { text: string }[] }) => line.spans.map((s) => s.text).join('');

describe('layoutArticle', () => {
  it('wraps every block to the width, with a blank line between blocks', () => {
    const { lines } = layoutArticle(doc, 60, null);
    for (const line of lines) expect(cellWidth(text(line))).toBeLessThanOrEqual(60);
    expect(lines.filter((l) => l.spans.length === 0)).toHaveLength(doc.article.blocks.length - 1);
  });

  it('keeps the text verbatim, apart from where lines break', () => {
    const { lines } = layoutArticle(doc, 50, null);
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(lines.map(text).join(''))).toBe(
      squash(doc.article.blocks.map((b) => b.text).join('')),
    );
  });

  it('marks mentions and quotes', () => {
    const styles = new Set(
      layoutArticle(doc, 80, null).lines.flatMap((l) => l.spans.map((s) => s.style)),
    );
    expect(styles).toContain('mention');
    expect(styles).toContain('quote');
    expect(styles).toContain('heading');
    expect(styles).not.toContain('focus');
  });

  it('opens at a claim: its words are the focus and their first line is known', () => {
    const claim = doc.claims.find((c) => c.kind === 'direct_quote');
    if (!claim) throw new Error('no direct quote');
    const layout = layoutArticle(doc, 80, { kind: 'claim', id: claim.id });
    const focused = layout.lines
      .flatMap((l) => l.spans.filter((s) => s.style === 'focus').map((s) => s.text))
      .join(' ');
    expect(focused.replace(/\s+/g, ' ')).toContain(
      (claim.content[0]?.quote.exact ?? '').replace(/\s+/g, ' ').slice(0, 20),
    );
    expect(layout.focusLine).not.toBeNull();
    expect(layout.lines[layout.focusLine ?? 0]?.marked).toBe(true);
  });
});

describe('quote selection', () => {
  const quotes = [
    { id: 'a', line: 2 },
    { id: 'b', line: 5 },
    { id: 'c', line: 40 },
  ];

  it('keeps the remembered quote while it is on screen', () => {
    expect(selectedQuote(quotes, 1, 0, 20)).toBe(1);
  });

  it('falls back to the first quote on screen after scrolling away', () => {
    expect(selectedQuote(quotes, 0, 30, 20)).toBe(2);
    expect(selectedQuote(quotes, 0, 10, 20)).toBeNull();
  });

  it('lists every claim of the article once, in reading order', () => {
    const lines = quoteLines(layoutArticle(doc, 80, null));
    expect(new Set(lines.map((q) => q.id)).size).toBe(doc.claims.length);
    expect(lines.map((q) => q.line)).toEqual([...lines.map((q) => q.line)].sort((x, y) => x - y));
  });
});

/** What a line looks like: its text in runs of one style, and whether it is marked. */
function shape(line: ReturnType<typeof layoutArticle>['lines'][number]) {
  const runs: { style: string; text: string }[] = [];
  for (const span of line.spans) {
    if (span.text === '') continue;
    const last = runs[runs.length - 1];
    if (last && last.style === span.style) last.text += span.text;
    else runs.push({ style: span.style, text: span.text });
  }
  return { marked: line.marked, runs };
}

describe('highlightClaim', () => {
  it('gives the lines layoutArticle gives with that claim as the focus, for every claim', () => {
    if (!doc) return;
    const plain = layoutArticle(doc, 70, null);
    for (const claim of doc.claims) {
      const focused = layoutArticle(doc, 70, { kind: 'claim', id: claim.id });
      expect(highlightClaim(plain.lines, doc, claim.id).map(shape)).toEqual(
        focused.lines.map(shape),
      );
    }
  });
});
