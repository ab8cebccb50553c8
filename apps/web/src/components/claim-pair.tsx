import type { ClaimLinkKind } from '@claimscope/schema';
import { LINK_KIND_LABEL } from '~/lib/labels';
import { ClaimSummary, type ClaimView } from './claim-summary';

/** A sign for each kind of link, so a contradiction and a qualification differ at a glance. */
const LINK_KIND_SIGN: Record<ClaimLinkKind, string> = {
  contradicts: '✕',
  qualifies: '≈',
  supports: '✓',
};

/** How one claim bears on another, as a badge: sign, word and colour per kind. */
export function LinkKindBadge({ kind }: { kind: ClaimLinkKind }) {
  return (
    <span className={`link-badge link-kind--${kind}`}>
      <span aria-hidden="true">{LINK_KIND_SIGN[kind]} </span>
      {LINK_KIND_LABEL[kind]}
    </span>
  );
}

/** Two claims side by side with how the first bears on the second, and why. */
export function ClaimPair({
  from,
  to,
  kind,
  note,
  headingLevel = 3,
  linkId,
}: {
  from: ClaimView;
  to: ClaimView;
  kind: ClaimLinkKind;
  note: string;
  headingLevel?: 2 | 3;
  /** The claim link's id, for scripts and tests that follow a pair. */
  linkId?: string;
}) {
  return (
    <section
      className={`versus versus--${kind}`}
      data-kind={kind}
      data-link-id={linkId}
      aria-label={`${from.speaker.name} ${LINK_KIND_LABEL[kind]} ${to.speaker.name}`}
    >
      <ClaimSummary claim={from} headingLevel={headingLevel} />
      <p className="versus__link">
        <span aria-hidden="true">→ </span>
        <LinkKindBadge kind={kind} />
        <span aria-hidden="true"> →</span>
      </p>
      <ClaimSummary claim={to} headingLevel={headingLevel} />
      <p className="versus__note">{note}</p>
    </section>
  );
}
