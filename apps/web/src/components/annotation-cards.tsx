import type { Claim, Entity } from '@claimscope/schema';
import { claimLabel } from '@claimscope/schema/display';
import Link from 'next/link';
import {
  CHANNEL_LABEL,
  CLAIM_KIND_LABEL,
  ENTITY_KIND_LABEL,
  MODALITY_LABEL,
  plural,
} from '~/lib/labels';
import type { EntityCounts } from '~/lib/reader-index';
import { provenanceSentence } from '~/lib/review';
import { ReviewBadge } from './review-badge';

/*
 * Cards shown when a highlight is hovered or focused. They sit inside running text (a <p>), so
 * they are built from <span>s only.
 */

export function EntityCard({
  entity,
  counts,
}: {
  entity: Pick<Entity, 'id' | 'name' | 'kind' | 'description' | 'provenance'>;
  counts: EntityCounts;
}) {
  return (
    <span className="card-body" data-testid="entity-card">
      <span className="card-title">{entity.name}</span>
      <span className={`kind kind--${entity.kind}`}>{ENTITY_KIND_LABEL[entity.kind]}</span>
      <ReviewBadge provenance={entity.provenance} />
      <span className="card-text">{entity.description}</span>
      <span className="card-counts">
        {plural(counts.mentions, 'mention')} · {plural(counts.claimsBy, 'claim')} made ·{' '}
        {plural(counts.claimsAbout, 'claim')} about
      </span>
      <Link prefetch={false} className="card-link" href={`/entities/${entity.id}`}>
        Open {entity.name} →
      </Link>
    </span>
  );
}

export interface ClaimCardProps {
  claim: Pick<Claim, 'id' | 'kind' | 'statement' | 'modality' | 'channel' | 'time' | 'provenance'>;
  speaker: { id: string; name: string };
  outlet: { id: string; name: string } | null;
}

export function ClaimCard({ claim, speaker, outlet }: ClaimCardProps) {
  return (
    <span className="card-body" data-testid="claim-card">
      <span className="card-title">{claim.statement}</span>
      <ReviewBadge provenance={claim.provenance} />
      <span className="card-facts">
        <span className="card-fact">
          <span className="card-fact__label">Speaker</span> {speaker.name}
        </span>
        <span className="card-fact">
          <span className="card-fact__label">Channel</span> {CHANNEL_LABEL[claim.channel.kind]}
          {claim.channel.cue ? ` (“${claim.channel.cue}”)` : ''}
          {outlet ? `, ${outlet.name}` : ''}
        </span>
        <span className="card-fact">
          <span className="card-fact__label">Modality</span> {MODALITY_LABEL[claim.modality]}
        </span>
        <span className="card-fact">
          <span className="card-fact__label">Kind</span> {CLAIM_KIND_LABEL[claim.kind]}
        </span>
        {claim.time ? (
          <span className="card-fact">
            <span className="card-fact__label">When</span> {claim.time.text}
          </span>
        ) : null}
        <span className="card-fact">
          <span className="card-fact__label">Provenance</span>{' '}
          {provenanceSentence(claim.provenance)}
        </span>
      </span>
      <Link prefetch={false} className="card-link" href={`/claims/${claim.id}`}>
        Open {claimLabel(claim.id)} →
      </Link>
    </span>
  );
}
