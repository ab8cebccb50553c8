import type { RouterOutputs } from '@claimscope/client';
import { claimLabel } from '@claimscope/schema/display';
import { Fragment } from 'react';
import { CHANNEL_LABEL, CLAIM_KIND_LABEL, MODALITY_LABEL } from '~/lib/labels';
import { reviewMark } from '~/lib/review';
import { ReviewBadge } from './review-badge';

export type ClaimView = RouterOutputs['claim']['list']['items'][number];

/** How the words reached the article: the cue as written, else the channel kind. */
export function channelText(claim: Pick<ClaimView, 'channel'>): string {
  return claim.channel.cue ?? CHANNEL_LABEL[claim.channel.kind];
}

/**
 * A claim's words, span by span. Where the article leaves words out between two spans, a marked
 * gap stands, which cannot be taken for an ellipsis the article itself wrote.
 */
export function QuotedWords({ content }: { content: ClaimView['content'] }) {
  return content.map((anchor, i) => (
    <Fragment key={`${anchor.position.start}`}>
      {i > 0 ? (
        <span
          className="quote-gap"
          title="Words of the article left out between two parts of the quote"
        >
          <span aria-hidden="true">⋯</span>
          <span className="visually-hidden"> (words left out) </span>
        </span>
      ) : null}
      {anchor.quote.exact}
    </Fragment>
  ));
}

/** A claim in a list: what is claimed, the words, and who said it how. */
export function ClaimSummary({
  claim,
  headingLevel = 3,
}: {
  claim: ClaimView;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article
      className="card claim-card"
      aria-labelledby={`claim-${claim.id}-title`}
      {...(reviewMark(claim.provenance) ? { 'data-review': reviewMark(claim.provenance) } : {})}
    >
      <Heading className="claim-card__statement" id={`claim-${claim.id}-title`}>
        <a href={`/claims/${claim.id}`}>{claim.statement}</a>
      </Heading>
      <blockquote className="claim-card__quote">
        <QuotedWords content={claim.content} />
      </blockquote>
      <p className="claim-card__attribution">
        <a href={`/entities/${claim.speaker.id}`}>{claim.speaker.name}</a>
        {' · '}
        {channelText(claim)}
        {' · '}
        {CLAIM_KIND_LABEL[claim.kind]}
        {' · '}
        <span className={`modality modality--${claim.modality}`}>
          {MODALITY_LABEL[claim.modality]}
        </span>
        {claim.time ? ` · ${claim.time.text}` : ''}
        {' · '}
        <a href={`/claims/${claim.id}`} className="claim-card__number">
          {claimLabel(claim.id)}
        </a>
        {reviewMark(claim.provenance) ? (
          <>
            {' · '}
            <ReviewBadge provenance={claim.provenance} />
          </>
        ) : null}
      </p>
    </article>
  );
}
