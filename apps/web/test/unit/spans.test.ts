import { describe, expect, it } from 'vitest';
import { nestSpans, type Span, type SpanNode } from '~/lib/spans';

/** Renders the tree as text with [value ...] brackets, to compare shapes at a glance. */
function show(nodes: SpanNode<string>[]): string {
  return nodes
    .map((n) =>
      n.type === 'text' ? n.text : `[${n.value}${n.first ? '' : "'"}|${show(n.children)}]`,
    )
    .join('');
}

const span = (start: number, end: number, value: string, layer = 0): Span<string> => ({
  start,
  end,
  value,
  layer,
});

describe('nestSpans', () => {
  // Block text starts at offset 100 in the article.
  const text = 'Al Qaeda told the AP about Syria.';

  it('returns the text untouched when there are no spans', () => {
    expect(show(nestSpans(text, 100, []))).toBe(text);
  });

  it('wraps spans given as absolute article offsets', () => {
    expect(show(nestSpans(text, 100, [span(100, 108, 'aq'), span(118, 120, 'ap')]))).toBe(
      '[aq|Al Qaeda] told the [ap|AP] about Syria.',
    );
  });

  it('nests a mention inside the claim that contains it', () => {
    const nodes = nestSpans(text, 100, [span(127, 132, 'syria', 100), span(100, 133, 'claim', 0)]);
    expect(show(nodes)).toBe('[claim|Al Qaeda told the AP about [syria|Syria].]');
  });

  it('puts the lower layer outside when two spans cover the same range', () => {
    expect(
      show(nestSpans(text, 100, [span(100, 108, 'mention', 100), span(100, 108, 'claim', 0)])),
    ).toBe('[claim|[mention|Al Qaeda]] told the AP about Syria.');
  });

  it('splits a span that crosses another, marking only the first piece', () => {
    const nodes = nestSpans(text, 100, [span(100, 113, 'a'), span(109, 121, 'b')]);
    expect(show(nodes)).toBe("[a|Al Qaeda [b|told]][b'| the AP ]about Syria.");
  });

  it('clips spans that run past the block and marks a piece that started before it', () => {
    const nodes = nestSpans(text, 100, [span(90, 102, 'before'), span(130, 140, 'after')]);
    expect(show(nodes)).toBe("[before'|Al] Qaeda told the AP about Syr[after|ia.]");
  });

  it('keeps every character exactly once', () => {
    const flat = (nodes: SpanNode<string>[]): string =>
      nodes.map((n) => (n.type === 'text' ? n.text : flat(n.children))).join('');
    const spans = [
      span(100, 120, 'a'),
      span(105, 125, 'b'),
      span(110, 112, 'c'),
      span(111, 130, 'd'),
    ];
    expect(flat(nestSpans(text, 100, spans))).toBe(text);
  });

  it('counts offsets in UTF-16 code units, like the schema', () => {
    const emoji = 'Hi 👋 Zarqawi';
    // "👋" is two code units, so "Zarqawi" starts at 6.
    expect(show(nestSpans(emoji, 0, [span(6, 13, 'z')]))).toBe('Hi 👋 [z|Zarqawi]');
  });
});
