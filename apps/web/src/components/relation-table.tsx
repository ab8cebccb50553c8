import type { RouterOutputs } from '@claimscope/client';
import { predicateLabel } from '~/lib/labels';

export type RelationView = RouterOutputs['relation']['list']['items'][number];

/** Relations as "subject – predicate – object" rows, each side a link to its entity. */
export function RelationTable({
  relations,
  caption,
}: {
  relations: RelationView[];
  caption: string;
}) {
  return (
    <>
      <p className="table-hint" aria-hidden="true">
        Swipe the table sideways for more columns →
      </p>
      {/* Focusable so keyboard users can scroll it; named by its caption. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section className="table-wrap" aria-label={caption} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Relation</th>
              <th scope="col">Object</th>
              <th scope="col">Qualifiers</th>
            </tr>
          </thead>
          <tbody>
            {relations.map((r) => (
              <tr key={r.id} data-relation={r.id}>
                <td>
                  <a href={`/entities/${r.subject.id}`} className={`kind kind--${r.subject.kind}`}>
                    {r.subject.name}
                  </a>
                </td>
                <td>{predicateLabel(r.predicate)}</td>
                <td>
                  <a href={`/entities/${r.object.id}`} className={`kind kind--${r.object.kind}`}>
                    {r.object.name}
                  </a>
                </td>
                <td className="muted">
                  {[
                    r.role,
                    r.certainty !== 'stated' ? r.certainty : null,
                    r.past ? 'in the past' : null,
                    r.time?.text,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
