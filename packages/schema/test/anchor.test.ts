import { describe, expect, it } from 'vitest';
import { makeAnchor, QUOTE_CONTEXT_LENGTH } from '../src/index.js';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('makeAnchor', () => {
  it('keeps up to QUOTE_CONTEXT_LENGTH code units of context either side', () => {
    const text = `${'a'.repeat(50)}Ann Lee${'b'.repeat(50)}`;
    const anchor = makeAnchor(text, 'b1', 50, 57);
    expect(anchor.quote).toMatchObject({
      exact: 'Ann Lee',
      prefix: 'a'.repeat(QUOTE_CONTEXT_LENGTH),
      suffix: 'b'.repeat(QUOTE_CONTEXT_LENGTH),
    });
  });

  it('never cuts an emoji in half at the edge of its context', () => {
    // The 32-unit limit falls between the two halves of 🌊 on both sides.
    const before = `🌊${'x'.repeat(QUOTE_CONTEXT_LENGTH - 1)}`;
    const after = `${'y'.repeat(QUOTE_CONTEXT_LENGTH - 1)}🌊`;
    const text = `${before}Lee${after}`;
    const anchor = makeAnchor(text, 'b1', before.length, before.length + 3);
    expect(anchor.quote.prefix).toBe('x'.repeat(QUOTE_CONTEXT_LENGTH - 1));
    expect(anchor.quote.suffix).toBe('y'.repeat(QUOTE_CONTEXT_LENGTH - 1));
    expect(anchor.quote.prefix).not.toMatch(loneSurrogate);
    expect(anchor.quote.suffix).not.toMatch(loneSurrogate);
  });
});
