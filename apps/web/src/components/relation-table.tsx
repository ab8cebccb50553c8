import type { RouterOutputs } from '@claimscope/client';
import { claimLabel } from '@claimscope/schema/display';
import { quoteOf } from '~/lib/citation';
import { predicateLabel } from '~/lib/labels';
import type { ArticleReference } from '~/trpc/citations';
import { CiteBox } from './cite-box';

export type RelationView = RouterOutputs['relation']['list']['items'][number];

/** What the table needs besides the relations to show evidence, who asserts them and citations. */
export interface RelationContext {
  /** The speaker of each claim that asserts a relation, by claim id. */
  asserters: Map<string, string>;
  /** Each relation's article, by id. */
  references: Map<string, ArticleReference>;
  /** This site's address, for permalinks ("https://host"). */
  origin: string;
}

export function relationAnchor(id: string): string {
  return `relation-${id}`;
}

/** Relations as "subject – predicate – object" rows, each side a link to its entity. */
export function RelationTable({
  relations,
  caption,
  context,
  permalinkPath = '/graph',
  sort,
}: {
  relations: RelationView[];
  caption: string;
  context: RelationContext;
  /** The page whose table rows the permalinks point at. */
  permalinkPath?: string;
  /** When given, the first three columns sort through links (the server orders the rows). */
  sort?: {
    by: 'subject' | 'relation' | 'object';
    descending: boolean;
    link: (by: 'subject' | 'relation' | 'object') => string;
  };
}) {
  const header = (by: 'subject' | 'relation' | 'object', label: string) => {
    if (!sort) return <th scope="col">{label}</th>;
    const active = sort.by === by;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <a className="sort" href={sort.link(by)}>
          {label} <span aria-hidden="true">{active ? (sort.descending ? '▼' : '▲') : '↕'}</span>
          <span className="visually-hidden">
            {active ? `, sorted ${sort.descending ? 'descending' : 'ascending'}` : ', sort'}
          </span>
        </a>
      </th>
    );
  };
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
              {header('subject', 'Subject')}
              {header('relation', 'Relation')}
              {header('object', 'Object')}
              <th scope="col">Qualifiers</th>
              <th scope="col">Evidence</th>
              <th scope="col">Asserted by</th>
            </tr>
          </thead>
          <tbody>
            {relations.map((r) => {
              const reference = context.references.get(r.articleId);
              const first = r.evidence[0];
              const paragraph = first ? (reference?.paragraphs.get(first.blockId) ?? null) : null;
              const quote = quoteOf(r.evidence.map((a) => a.quote.exact));
              const asserter =
                r.assertedBy.kind === 'author'
                  ? 'the author'
                  : (context.asserters.get(r.assertedBy.claimId) ?? r.assertedBy.claimId);
              const sentence = `${r.subject.name} ${predicateLabel(r.predicate)} ${r.object.name}`;
              return (
                <tr key={r.id} id={relationAnchor(r.id)} data-relation={r.id}>
                  <td>
                    <a
                      href={`/entities/${r.subject.id}`}
                      className={`kind kind--${r.subject.kind}`}
                    >
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
                  <td className="relation-evidence">
                    “{quote}”
                    {first ? (
                      <>
                        {' '}
                        <a
                          className="muted small"
                          href={`/articles/${r.articleId}#block-${first.blockId}`}
                        >
                          {paragraph ? `paragraph ${paragraph}` : 'in the article'}
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {r.assertedBy.kind === 'claim' ? (
                      <>
                        {asserter}{' '}
                        <a className="muted small" href={`/claims/${r.assertedBy.claimId}`}>
                          ({claimLabel(r.assertedBy.claimId)})
                        </a>
                      </>
                    ) : (
                      asserter
                    )}
                    {reference ? (
                      <CiteBox
                        citation={{
                          subject: `${sentence} (asserted by ${asserter})`,
                          quote,
                          paragraph,
                          source: reference.source,
                          permalink: `${context.origin}${permalinkPath}#${relationAnchor(r.id)}`,
                        }}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}
