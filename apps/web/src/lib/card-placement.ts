/** The card's width in CSS (min(22rem, 80vw)), to keep it inside the column. */
export const CARD_WIDTH = 352;
/** A tall card (a claim with a cue, an outlet and a time): room needed below before flipping. */
export const CARD_HEIGHT = 260;
const GAP = 6;

export interface CardPlacement {
  /** Offsets in the reader frame: of the card's top edge below, of its bottom edge above. */
  top: number;
  left: number;
  above: boolean;
}

type Box = Pick<DOMRect, 'top' | 'bottom' | 'left' | 'width'>;

/**
 * Where a hover card goes for an annotation: under it, unless the window has too little room
 * below and more above, then above it (the card's bottom edge at `top`), so it stays in view.
 */
export function cardPlacement(annotation: Box, frame: Box, viewportHeight: number): CardPlacement {
  const roomBelow = viewportHeight - annotation.bottom;
  const above = roomBelow < CARD_HEIGHT + GAP && annotation.top > roomBelow;
  return {
    top: above ? annotation.top - frame.top - GAP : annotation.bottom - frame.top + GAP,
    left: Math.max(0, Math.min(annotation.left - frame.left, frame.width - CARD_WIDTH)),
    above,
  };
}
