import type { Metadata } from 'next';
import { plural } from '~/components/annotation-cards';
import { ClaimPair, LinkKindBadge } from '~/components/claim-pair';
import {
  DISAGREEMENT_KINDS,
  type Disagreement,
  type DisagreementFilters,
  groupDisagreements,
  parseDisagreementFilters,
} from '~/lib/disagreements';
import { LINK_KIND_LABEL } from '~/lib/labels';
import { getQueryClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Disagreements' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Pairs({ links }: { links: Disagreement[] }) {
  return (
    <div className="card-list">
      {links.map((link) => (
        <ClaimPair
          key={link.id}
          from={link.from}
          to={link.to}
          kind={link.kind}
          note={link.note}
          headingLevel={3}
        />
      ))}
    </div>
  );
}

/** A plain GET form: the server filters, so it works before (and without) any script. */
function FilterForm({
  filters,
  groups,
}: {
  filters: DisagreementFilters;
  groups: ReturnType<typeof groupDisagreements>;
}) {
  return (
    <form className="filters filters--inline" method="get" action="/disagreements">
      <label className="field">
        Kind
        <select name="kind" defaultValue={filters.kind ?? ''}>
          <option value="">
            Both ({groups.kindCounts.contradicts + groups.kindCounts.qualifies})
          </option>
          {DISAGREEMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {LINK_KIND_LABEL[kind]} ({groups.kindCounts[kind]})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Speaker, on either side
        <select name="speaker" defaultValue={filters.speaker ?? ''}>
          <option value="">Anyone</option>
          {groups.speakers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Filter</button>
      {filters.kind || filters.speaker ? <a href="/disagreements">Clear filters</a> : null}
    </form>
  );
}

export default async function Disagreements({ searchParams }: Props) {
  const filters = parseDisagreementFilters(await searchParams);
  const links = await getQueryClient().fetchQuery(trpc.claim.disagreements.queryOptions({}));
  const groups = groupDisagreements(links, filters);
  const shown = groups.betweenSources.length + groups.ownWords.length;
  return (
    <div className="page">
      <h1>Disagreements</h1>
      <p className="lede">
        Where one source <LinkKindBadge kind="contradicts" /> or <LinkKindBadge kind="qualifies" />{' '}
        another, side by side; then the speakers who qualify their own words.
      </p>
      <FilterForm filters={filters} groups={groups} />
      <p className="muted" role="status" data-testid="disagreement-count">
        {plural(shown, 'link')}
        {filters.kind || filters.speaker ? ' match these filters' : ''}
      </p>
      {links.length === 0 ? (
        <p className="status">No contradicting or qualifying claims are recorded.</p>
      ) : null}
      <section aria-labelledby="between-sources">
        <h2 id="between-sources">
          Sources against sources{' '}
          <span className="muted small">({groups.betweenSources.length})</span>
        </h2>
        {groups.betweenSources.length === 0 ? (
          <p className="muted">None match.</p>
        ) : (
          <Pairs links={groups.betweenSources} />
        )}
      </section>
      <section aria-labelledby="own-words">
        <h2 id="own-words">
          Speakers qualifying their own words{' '}
          <span className="muted small">({groups.ownWords.length})</span>
        </h2>
        <p className="muted small">
          The same speaker on both sides: a hedge or a correction, not a dispute between sources.
        </p>
        {groups.ownWords.length === 0 ? (
          <p className="muted">None match.</p>
        ) : (
          <Pairs links={groups.ownWords} />
        )}
      </section>
    </div>
  );
}
