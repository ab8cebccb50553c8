import type { EntityKind } from '@claimscope/schema';
import { ENTITY_KIND_LABEL } from '~/lib/labels';

export function KindBadge({ kind }: { kind: EntityKind }) {
  return <span className={`kind kind--${kind}`}>{ENTITY_KIND_LABEL[kind]}</span>;
}
