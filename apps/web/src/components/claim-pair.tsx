import type { ClaimLinkKind } from '@claimscope/schema';
import { LINK_KIND_LABEL } from '~/lib/labels';
import { ClaimSummary, type ClaimView } from './claim-summary';

/** Two claims side by side with how the first bears on the second, and why. */
export function ClaimPair({
  from,
  to,
  kind,
  note,
  headingLevel = 3,
}: {
  from: ClaimView;
  to: ClaimView;
  kind: ClaimLinkKind;
  note: string;
  headingLevel?: 2 | 3;
}) {
  return (
    <section
      className="versus"
      aria-label={`${from.speaker.name} ${LINK_KIND_LABEL[kind]} ${to.speaker.name}`}
    >
      <ClaimSummary claim={from} headingLevel={headingLevel} />
      <p className={`versus__link link-kind--${kind}`}>
        <span aria-hidden="true">→ </span>
        {LINK_KIND_LABEL[kind]}
        <span aria-hidden="true"> →</span>
      </p>
      <ClaimSummary claim={to} headingLevel={headingLevel} />
      <p className="versus__note">{note}</p>
    </section>
  );
}
