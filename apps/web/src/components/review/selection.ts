import { makeAnchor } from '@claimscope/schema/display';
import type { ReviewDocument } from './review-queue';

/** The words selected inside the draft's text, as offsets into the article text; null when none. */
function selectedRange(container: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const offsetOf = (node: Node | null, offset: number) => {
    const element =
      node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
    const segment = element?.closest<HTMLElement>('[data-start]');
    if (!segment || !container.contains(segment)) return null;
    return Number(segment.dataset.start) + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
  };
  const a = offsetOf(selection.anchorNode, selection.anchorOffset);
  const b = offsetOf(selection.focusNode, selection.focusOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** The anchor for offsets, trimmed of surrounding spaces and kept within one block. */
function anchorFor(document: ReviewDocument, range: { start: number; end: number }) {
  const { text, blocks } = document.article;
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  const block = blocks.find((b) => b.start <= start && start < b.end);
  if (!block || end <= start) return null;
  return makeAnchor(text, block.id, start, Math.min(end, block.end));
}

export type TextAnchor = NonNullable<ReturnType<typeof anchorFor>>;

/** The anchor on the words selected in the review text, or null when nothing is selected there. */
export function selectedAnchor(
  document: ReviewDocument,
  container: HTMLElement | null,
): TextAnchor | null {
  const range = selectedRange(container);
  return range && anchorFor(document, range);
}

/** An id for a new annotation that no other has: `<article>:added-<kind><time>`. */
export const newAnnotationId = (document: ReviewDocument, kind: string) =>
  `${document.article.id}:added-${kind}${Date.now().toString(36)}`;
