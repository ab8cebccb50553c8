import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, cardPlacement } from '~/lib/card-placement';

const frame = { top: -2000, bottom: 3000, left: 100, width: 900 };
const at = (top: number) => ({ top, bottom: top + 20, left: 300, width: 80 });

describe('cardPlacement', () => {
  it('puts the card under an annotation with room below', () => {
    const placement = cardPlacement(at(200), frame, 800);
    expect(placement).toEqual({ top: 2000 + 220 + 6, left: 200, above: false });
  });

  it('flips the card above an annotation near the bottom of the window, so it stays in view', () => {
    const bottom = 800 - CARD_HEIGHT / 2;
    const placement = cardPlacement(at(bottom), frame, 800);
    expect(placement.above).toBe(true);
    // Its bottom edge sits just above the annotation.
    expect(placement.top).toBe(2000 + bottom - 6);
  });

  it('keeps the card under an annotation when a short window has even less room above', () => {
    expect(cardPlacement(at(40), frame, 200).above).toBe(false);
  });

  it('keeps the card inside the frame sideways', () => {
    expect(cardPlacement({ ...at(200), left: 950 }, frame, 800).left).toBe(900 - 352);
    expect(cardPlacement({ ...at(200), left: 50 }, frame, 800).left).toBe(0);
  });
});
