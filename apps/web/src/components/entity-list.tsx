import type { RouterOutputs } from '@claimscope/client';
import { ENTITY_KIND_LABEL, plural } from '~/lib/labels';
import { ReviewBadge } from './review-badge';

export type EntityListItem = RouterOutputs['entity']['list']['items'][number];

/** One page of entities as cards: name, kind, counts, review badge and description. */
export function EntityList({ entities }: { entities: EntityListItem[] }) {
  return (
    <ul className="card-list entity-list">
      {entities.map((e) => (
        <li key={e.id} className="card">
          <h2>
            <a href={`/entities/${e.id}`}>{e.name}</a>
          </h2>
          <p className="meta">
            <span className={`kind kind--${e.kind}`}>{ENTITY_KIND_LABEL[e.kind]}</span>
            <span>{plural(e.mentionCount, 'mention')}</span>
            <span>{plural(e.claimCount, 'claim')} made</span>
            <span>{plural(e.aboutCount, 'claim')} about</span>
            <ReviewBadge provenance={e.provenance} />
          </p>
          <p className="small entity-description">{e.description}</p>
        </li>
      ))}
    </ul>
  );
}
