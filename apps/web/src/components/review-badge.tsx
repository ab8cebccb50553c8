import './review-badge.css';
import type { Provenance } from '@claimscope/schema';
import { provenanceSentence, reviewBadgeText, reviewMark } from '~/lib/review';

/**
 * Marks an annotation nobody has reviewed (or one disputed or rejected); a reviewed one shows no
 * badge. The tooltip and the screen-reader text say who or what made it.
 */
export function ReviewBadge({ provenance }: { provenance: Provenance }) {
  const status = reviewMark(provenance);
  if (!status) return null;
  return (
    <span
      className={`review-badge review-badge--${status}`}
      data-review={status}
      title={provenanceSentence(provenance)}
    >
      {reviewBadgeText(provenance)}
    </span>
  );
}
