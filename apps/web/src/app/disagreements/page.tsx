import type { Metadata } from 'next';
import { ClaimPair, LinkKindBadge } from '~/components/claim-pair';
import { Pager } from '~/components/pager';
import {
  DISAGREEMENT_KINDS,
  DISAGREEMENT_SECTIONS,
  DISAGREEMENTS_PAGE_SIZE,
  type Disagreement,
  type DisagreementFilters,
  type DisagreementKind,
  type DisagreementSection,
  disagreementsInput,
  hasDisagreementFilters,
  parseDisagreementFilters,
  sectionPageLinks,
  speakerName,
  withoutFilter,
} from '~/lib/disagreements';
import { formatCount, LINK_KIND_LABEL, plural } from '~/lib/labels';
import { firstItemNumber } from '~/lib/page-links';
import { getQueryClient, isNotFound, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Disagreements' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** How many speakers of the chosen article the speaker select offers at most. */
const ARTICLE_SPEAKERS = 100;

type SectionPage = { items: Disagreement[]; nextCursor: string | null; total: number };

function Pairs({ links }: { links: Disagreement[] }) {
  return (
    <div className="card-list">
      {links.map((link) => (
        <ClaimPair
          key={link.id}
          linkId={link.id}
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
  kindCounts,
  speakers,
  articleHeadline,
  chosenSpeakerName,
}: {
  filters: DisagreementFilters;
  kindCounts: Record<DisagreementKind, number>;
  /** The chosen article's speakers; null without an article (the corpus has too many). */
  speakers: { id: string; name: string }[] | null;
  articleHeadline: string | null;
  chosenSpeakerName: string | null;
}) {
  const speakerInList = speakers?.some((s) => s.id === filters.speaker) ?? false;
  return (
    <form className="filters filters--inline" method="get" action="/disagreements">
      {filters.article ? <input type="hidden" name="article" value={filters.article} /> : null}
      {filters.speaker && !speakers ? (
        <input type="hidden" name="speaker" value={filters.speaker} />
      ) : null}
      <label className="field">
        Kind
        <select name="kind" defaultValue={filters.kind ?? ''}>
          <option value="">Both ({kindCounts.contradicts + kindCounts.qualifies})</option>
          {DISAGREEMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {LINK_KIND_LABEL[kind]} ({kindCounts[kind]})
            </option>
          ))}
        </select>
      </label>
      {speakers ? (
        <label className="field">
          Speaker in this article, on either side
          <select name="speaker" defaultValue={filters.speaker ?? ''}>
            <option value="">Anyone</option>
            {filters.speaker && !speakerInList ? (
              <option value={filters.speaker}>{chosenSpeakerName ?? filters.speaker}</option>
            ) : null}
            {speakers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit">Filter</button>
      {!speakers && !filters.speaker ? (
        <p className="muted small">
          For one speaker’s disagreements, follow “Disagreements involving …” on their page; an
          article’s disagreements offer its speakers here.
        </p>
      ) : null}
      {filters.article || (filters.speaker && !speakers) ? (
        <ul className="chip-row plain-list" aria-label="Chosen filters">
          {filters.article ? (
            <li>
              <span className="tag">
                In <a href={`/articles/${filters.article}`}>{articleHeadline ?? filters.article}</a>{' '}
                <a href={withoutFilter(filters, 'article')}>
                  (remove<span className="visually-hidden"> the article filter</span>)
                </a>
              </span>
            </li>
          ) : null}
          {filters.speaker && !speakers ? (
            <li>
              <span className="tag">
                Involving{' '}
                <a href={`/entities/${filters.speaker}`}>{chosenSpeakerName ?? filters.speaker}</a>{' '}
                <a href={withoutFilter(filters, 'speaker')}>
                  (remove<span className="visually-hidden"> the speaker filter</span>)
                </a>
              </span>
            </li>
          ) : null}
        </ul>
      ) : null}
      {hasDisagreementFilters(filters) ? <a href="/disagreements">Clear filters</a> : null}
    </form>
  );
}

function Section({
  section,
  filters,
  page,
  title,
  description,
}: {
  section: DisagreementSection;
  filters: DisagreementFilters;
  /** null: the URL names a page of this section that this site did not make. */
  page: SectionPage | null;
  title: string;
  description?: string;
}) {
  const { anchor } = DISAGREEMENT_SECTIONS[section];
  const position = filters.positions[section];
  const from = firstItemNumber(position, DISAGREEMENTS_PAGE_SIZE);
  const to = from + (page?.items.length ?? 0) - 1;
  const links = sectionPageLinks(
    filters,
    section,
    page?.nextCursor ?? null,
    (page?.total ?? 0) - to,
  );
  return (
    <section aria-labelledby={anchor}>
      <h2 id={anchor}>
        {title} <span className="muted small">({formatCount(page?.total ?? 0)})</span>
      </h2>
      {description ? <p className="muted small">{description}</p> : null}
      {page === null ? (
        <p className="status status--error" role="alert">
          This page of the list does not exist: the link names a page (<code>{section}</code>) this
          site did not make, or one of an older list.{' '}
          <a href={links.first}>Start from the first page</a>.
        </p>
      ) : page.items.length === 0 ? (
        <p className="muted">None match.</p>
      ) : (
        <Pairs links={page.items} />
      )}
      {page && page.items.length > 0 && (links.previous || links.next) ? (
        <p className="muted small">
          {formatCount(from)}–{formatCount(to)} of {formatCount(page.total)}
        </p>
      ) : null}
      <Pager
        label={`Pages of ${title.toLowerCase()}`}
        previous={links.previous}
        next={links.next}
      />
    </section>
  );
}

export default async function Disagreements({ searchParams }: Props) {
  const filters = parseDisagreementFilters(await searchParams);
  const queryClient = getQueryClient();
  const fetchPage = (input: ReturnType<typeof disagreementsInput>) =>
    queryClient.fetchQuery(trpc.claim.disagreements.queryOptions(input));
  const sectionPage = (section: DisagreementSection) =>
    fetchPage(disagreementsInput(filters, section)).catch((error: unknown) => {
      // A cursor this site did not make: say so in that section rather than fail the page.
      if (filters.positions[section].cursor && isNotFound(error)) return null;
      throw error;
    });
  // Each kind's count over both sections: the totals of one-link pages.
  const kindTotal = async (kind: DisagreementKind) =>
    (await fetchPage(disagreementsInput(filters, null, { kind, limit: 1 }))).total;
  const [between, own, contradicts, qualifies, article, articleStats] = await Promise.all([
    sectionPage('between'),
    sectionPage('own'),
    kindTotal('contradicts'),
    kindTotal('qualifies'),
    filters.article
      ? queryClient
          .fetchQuery(trpc.article.get.queryOptions({ id: filters.article }))
          .catch((error: unknown) => (isNotFound(error) ? null : Promise.reject(error)))
      : null,
    filters.article
      ? queryClient.fetchQuery(
          trpc.stats.queryOptions({ articleId: filters.article, topSpeakers: ARTICLE_SPEAKERS }),
        )
      : null,
  ]);
  const speakers = articleStats
    ? articleStats.topSpeakers.map((s) => s.speaker).sort((a, b) => a.name.localeCompare(b.name))
    : null;
  let chosenSpeakerName: string | null = null;
  if (filters.speaker) {
    chosenSpeakerName =
      speakerName([...(between?.items ?? []), ...(own?.items ?? [])], filters.speaker) ??
      speakers?.find((s) => s.id === filters.speaker)?.name ??
      (await queryClient
        .fetchQuery(
          trpc.entity.get.queryOptions({
            id: filters.speaker,
            mentionsLimit: 1,
            claimsLimit: 1,
            relationsLimit: 1,
          }),
        )
        .then(
          ({ entity }) => entity.name,
          (error: unknown) => (isNotFound(error) ? null : Promise.reject(error)),
        ));
  }
  const total = (between?.total ?? 0) + (own?.total ?? 0);
  const unknown = [
    filters.article && !article ? `No article “${filters.article}” is known in this corpus.` : '',
    filters.speaker && !chosenSpeakerName
      ? `No speaker “${filters.speaker}” is known in this corpus.`
      : '',
  ].filter(Boolean);
  return (
    <div className="page">
      <h1>Disagreements</h1>
      <p className="lede">
        Where one source <LinkKindBadge kind="contradicts" /> or <LinkKindBadge kind="qualifies" />{' '}
        another, side by side; then the speakers who qualify their own words.
      </p>
      <FilterForm
        filters={filters}
        kindCounts={{ contradicts, qualifies }}
        speakers={speakers}
        articleHeadline={article?.headline ?? null}
        chosenSpeakerName={chosenSpeakerName}
      />
      {unknown.length > 0 ? (
        <p className="status" role="status">
          {unknown.join(' ')} <a href="/disagreements">Clear filters</a>
        </p>
      ) : null}
      <p className="muted" role="status" data-testid="disagreement-count">
        {plural(total, 'link')}
        {hasDisagreementFilters(filters) ? ' match these filters' : ''}
      </p>
      {contradicts + qualifies === 0 && !hasDisagreementFilters(filters) ? (
        <p className="status">No contradicting or qualifying claims are recorded.</p>
      ) : null}
      <Section section="between" filters={filters} page={between} title="Sources against sources" />
      <Section
        section="own"
        filters={filters}
        page={own}
        title="Speakers qualifying their own words"
        description="The same speaker on both sides: a hedge or a correction, not a dispute between sources."
      />
    </div>
  );
}
