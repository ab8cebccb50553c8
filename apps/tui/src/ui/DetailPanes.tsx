import { LINK_KIND_LABEL } from '@claimscope/schema/display';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { ClaimItem, Disagreement, EntityItem, RelationItem } from '../api/queries.js';
import {
  CERTAINTY_LABEL,
  channelLabel,
  claimKindLabel,
  claimLabel,
  entityCounts,
  entityKindLabel,
  modalityLabel,
  predicateLabel,
  reviewDescription,
} from './labels.js';
import { useTheme } from './theme.js';

/**
 * Who made an annotation nobody has reviewed, or who reviewed it (a published review says who and
 * what: "reviewed by ada (accepted at …)"); nothing for the curated corpus, reviewed by nobody named.
 */
function ReviewField({ provenance }: { provenance: EntityItem['provenance'] }) {
  const theme = useTheme();
  if (provenance.review.status === 'reviewed' && !provenance.review.by) return null;
  return (
    <Text wrap="wrap">
      <Text {...theme.marker}>Review: </Text>
      {reviewDescription(provenance)}
    </Text>
  );
}

function Field({ name, children }: { name: string; children: ReactNode }) {
  const theme = useTheme();
  return (
    <Text wrap="wrap">
      <Text {...theme.muted}>{name}: </Text>
      {children}
    </Text>
  );
}

export function EntityDetailPane({ entity }: { entity: EntityItem }) {
  const theme = useTheme();
  const aliases = entity.aliases.map((a) => (a.historical ? `${a.name} (earlier name)` : a.name));
  return (
    <Box flexDirection="column">
      <Text {...theme.accent} wrap="wrap">
        {entity.name}
      </Text>
      <Text {...theme.muted}>
        {entityKindLabel(entity.kind)} · {entityCounts(entity)}
      </Text>
      <Text wrap="wrap">{entity.description}</Text>
      <ReviewField provenance={entity.provenance} />
      {aliases.length > 0 ? <Field name="Also">{aliases.join('; ')}</Field> : null}
      <Text {...theme.muted}>Enter: its claims</Text>
    </Box>
  );
}

export function ClaimDetailPane({ claim }: { claim: ClaimItem }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text {...theme.accent} wrap="wrap">
        {claim.speaker.name}
      </Text>
      <Text {...theme.muted} wrap="wrap">
        {claimKindLabel(claim.kind)} · {modalityLabel(claim.modality)}
        {claim.polarity === 'negative' ? ' · negative' : ''}
      </Text>
      <ReviewField provenance={claim.provenance} />
      <Field name="Channel">{channelLabel(claim)}</Field>
      {claim.time ? (
        <Field name="When">
          {claim.time.resolved ? `${claim.time.text} (${claim.time.resolved})` : claim.time.text}
        </Field>
      ) : null}
      {claim.about.length > 0 ? (
        <Field name="About">{claim.about.map((e) => e.name).join(', ')}</Field>
      ) : null}
      <Field name="Claim">{claim.statement}</Field>
      <Text wrap="wrap" {...theme.reader.quote}>
        “{claim.text}”
      </Text>
      <Text {...theme.muted}>Enter: the quote in context</Text>
    </Box>
  );
}

/** Who states a relation: the article itself, or the speaker of the claim that does. */
export function statedBy(
  relation: Pick<RelationItem, 'assertedBy'>,
  speakerOf: (claimId: string) => string | undefined,
): string {
  if (relation.assertedBy.kind === 'author') return 'the article';
  const { claimId } = relation.assertedBy;
  return `${speakerOf(claimId) ?? 'a source'} (${claimLabel(claimId)})`;
}

export function RelationDetailPane({
  relation,
  speakerOf,
}: {
  relation: RelationItem;
  speakerOf: (claimId: string) => string | undefined;
}) {
  const theme = useTheme();
  const asserted = statedBy(relation, speakerOf);
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text {...theme.accent}>{relation.subject.name}</Text> {predicateLabel(relation.predicate)}{' '}
        <Text {...theme.accent}>{relation.object.name}</Text>
      </Text>
      <Text {...theme.muted}>
        {CERTAINTY_LABEL[relation.certainty]}
        {relation.past ? ' · in the past' : ''}
        {relation.role ? ` · as ${relation.role}` : ''}
      </Text>
      <ReviewField provenance={relation.provenance} />
      <Field name="Stated by">{asserted}</Field>
      {relation.time ? <Field name="When">{relation.time.text}</Field> : null}
      <Field name="Evidence">
        {relation.evidence.map((a) => `“${a.quote.exact}”`).join(' … ')}
      </Field>
      <Text {...theme.muted}>Enter: the evidence in context</Text>
    </Box>
  );
}

export function DisagreementDetailPane({ disagreement: d }: { disagreement: Disagreement }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text {...theme.accent}>{d.from.speaker.name}</Text> ({claimLabel(d.from.id)}){' '}
        {LINK_KIND_LABEL[d.kind]} <Text {...theme.accent}>{d.to.speaker.name}</Text> (
        {claimLabel(d.to.id)})
      </Text>
      <Field name="Why">{d.note}</Field>
      <Text wrap="wrap" {...theme.reader.quote}>
        “{d.from.text}”
      </Text>
      <Text wrap="wrap" {...theme.muted}>
        {LINK_KIND_LABEL[d.kind]}
      </Text>
      <Text wrap="wrap" {...theme.reader.quote}>
        “{d.to.text}”
      </Text>
      <Text {...theme.muted}>Enter: the first claim, with its links</Text>
    </Box>
  );
}
