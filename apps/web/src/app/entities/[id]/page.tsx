import type { Metadata } from 'next';
import { CiteBox } from '~/components/cite-box';
import { ClaimSummary } from '~/components/claim-summary';
import { DownloadMenu } from '~/components/download-menu';
import { FocusOnArrival } from '~/components/focus-on-arrival';
import { RelationTable } from '~/components/relation-table';
import { ReviewBadge } from '~/components/review-badge';
import { ShowMore } from '~/components/show-more';
import { SnippetText } from '~/components/snippet-text';
import { articleDownloads, filteredClaimsCsvHref } from '~/lib/downloads';
import {
  arrivalAnchors,
  type EntityList,
  entityLimits,
  entityRecordAnchor,
  parseEntityShown,
} from '~/lib/entity-pages';
import { blockPlace, ENTITY_KIND_LABEL, formatCount, plural } from '~/lib/labels';
import { provenanceSentence, reviewMark } from '~/lib/review';
import { absoluteUrl, articleReference, relationContext } from '~/trpc/citations';
import { getQueryClient, isNotFound, orNotFound, trpc } from '~/trpc/server';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The page's own request, so the metadata and the page share one answer. */
async function entityRequest({ params, searchParams }: Props) {
  const { id } = await params;
  const shown = parseEntityShown(await searchParams);
  return { shown, input: { id, ...entityLimits(shown) } };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { input } = await entityRequest(props);
  try {
    const { entity } = await getQueryClient().fetchQuery(trpc.entity.get.queryOptions(input));
    return { title: entity.name, description: entity.description };
  } catch (error) {
    return { title: isNotFound(error) ? 'Entity not found' : 'Entity' };
  }
}

/** Each list's records carry ids (`claims-41`) that "Show more" lands on and focuses. */
const recordProps = (list: EntityList, index: number) => ({
  id: entityRecordAnchor(list, index),
  tabIndex: -1,
});

export default async function EntityPage(props: Props) {
  const { shown, input } = await entityRequest(props);
  const detail = await orNotFound(getQueryClient().fetchQuery(trpc.entity.get.queryOptions(input)));
  const { entity, mentions, relations, totals } = detail;
  // One limit serves both claim lists; each shows as much as its own link asked for.
  const claimsBySpeaker = detail.claimsBySpeaker.slice(0, shown.claims);
  const claimsAbout = detail.claimsAbout.slice(0, shown.about);
  const firstMention = mentions[0];
  const citedArticle = firstMention?.articleId ?? entity.articleIds[0];
  const [relationsContext, reference, permalink] = await Promise.all([
    relationContext(relations),
    citedArticle ? articleReference(citedArticle) : null,
    absoluteUrl(`/entities/${entity.id}`),
  ]);
  return (
    <div className="page page--narrow entity-page">
      <FocusOnArrival ids={arrivalAnchors(shown)} />
      <p className="eyebrow">
        <span className={`kind kind--${entity.kind}`}>{ENTITY_KIND_LABEL[entity.kind]}</span>{' '}
        <ReviewBadge provenance={entity.provenance} />
      </p>
      <h1>{entity.name}</h1>
      <p className="lede">{entity.description}</p>
      {reviewMark(entity.provenance) ? (
        <p className="small muted">{provenanceSentence(entity.provenance)}</p>
      ) : null}
      {reference ? (
        <CiteBox
          citation={{
            subject: `${entity.name} (${ENTITY_KIND_LABEL[entity.kind].toLowerCase()})`,
            quote: firstMention?.anchor.quote.exact ?? null,
            paragraph: firstMention?.block.paragraph ?? null,
            source: reference.source,
            permalink,
          }}
        />
      ) : null}
      <p className="meta">
        <span>{plural(entity.mentionCount, 'mention')}</span>
        <span>{plural(entity.claimCount, 'claim')} made</span>
        <span>{plural(entity.aboutCount, 'claim')} about</span>
        <span>{plural(totals.relations, 'relation')}</span>
      </p>
      {entity.claimCount > 0 ? (
        <p className="small">
          <a href={`/disagreements?speaker=${encodeURIComponent(entity.id)}`}>
            Disagreements involving {entity.name}
          </a>
        </p>
      ) : null}
      <DownloadMenu
        links={[
          {
            label: `Claims ${entity.name} makes (CSV)`,
            hint: 'one row per claim, for spreadsheets',
            href: filteredClaimsCsvHref({ speakerId: entity.id }),
          },
          {
            label: `Claims about ${entity.name} (CSV)`,
            hint: 'one row per claim, for spreadsheets',
            href: filteredClaimsCsvHref({ aboutId: entity.id }),
          },
          // The articles that name the entity, whole, in every format (the first few).
          ...entity.articleIds.slice(0, 3).flatMap((articleId) =>
            articleDownloads(articleId).map((link) => ({
              ...link,
              label:
                entity.articleIds.length > 1
                  ? `${link.label} (${articleId})`
                  : `${link.label}, whole article`,
            })),
          ),
        ]}
      />

      {entity.aliases.length > 0 ? (
        <section aria-labelledby="aliases">
          <h2 id="aliases">Also called</h2>
          <ul className="chip-row plain-list">
            {entity.aliases.map((alias) => (
              <li key={alias.name} className="tag">
                {alias.name}
                {alias.historical ? ' (former name)' : ''}
                {alias.note ? ` — ${alias.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="mentions">
        <h2 id="mentions">Mentions in context</h2>
        {mentions.length === 0 ? (
          <p className="muted">Not mentioned by name in the text.</p>
        ) : (
          <ol className="card-list mention-list">
            {mentions.map((m, i) => (
              <li key={m.id} className="card" {...recordProps('mentions', i)}>
                <p className="small muted mention-list__where">
                  <a href={`/articles/${m.articleId}#mention-${m.id}`}>{blockPlace(m.block)}</a> · “
                  {m.anchor.quote.exact}” ({m.form.replaceAll('_', ' ')}){' '}
                  <ReviewBadge provenance={m.provenance} />
                </p>
                <p className="context-snippet">
                  <SnippetText text={m.context.text} highlights={m.context.highlights} />
                </p>
              </li>
            ))}
          </ol>
        )}
        <ShowMore list="mentions" shown={shown} total={totals.mentions} noun="mention" />
      </section>

      <section aria-labelledby="claims-by">
        <h2 id="claims-by">Claims {entity.name} makes</h2>
        {claimsBySpeaker.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="card-list plain-list">
            {claimsBySpeaker.map((c, i) => (
              <li key={c.id} {...recordProps('claims', i)}>
                <ClaimSummary claim={c} />
              </li>
            ))}
          </ul>
        )}
        <ShowMore
          list="claims"
          shown={shown}
          total={totals.claimsBySpeaker}
          noun="claim"
          elsewhere={{
            href: `/claims?speaker=${entity.id}`,
            label: 'See them all in the claim list',
          }}
        />
        {claimsBySpeaker.length > 0 ? (
          <p className="small">
            <a href={`/claims?speaker=${entity.id}`}>Filter the claim list by this speaker</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="claims-about">
        <h2 id="claims-about">Claims about {entity.name}</h2>
        {claimsAbout.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="card-list plain-list">
            {claimsAbout.map((c, i) => (
              <li key={c.id} {...recordProps('about', i)}>
                <ClaimSummary claim={c} />
              </li>
            ))}
          </ul>
        )}
        <ShowMore
          list="about"
          shown={shown}
          total={totals.claimsAbout}
          noun="claim"
          elsewhere={{
            href: `/claims?about=${entity.id}`,
            label: 'See them all in the claim list',
          }}
        />
      </section>

      <section aria-labelledby="relations">
        <h2 id="relations">Relations</h2>
        {detail.totals.relations > 0 ? (
          <p className="small">
            <a href={`/graph?entity=${entity.id}`}>Relations graph of {entity.name}</a> (all{' '}
            {formatCount(detail.totals.relations)})
          </p>
        ) : null}
        {relations.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <RelationTable
            relations={relations}
            caption={`Relations of ${entity.name}`}
            context={relationsContext}
            permalinkPath={`/entities/${entity.id}`}
          />
        )}
        <ShowMore
          list="relations"
          shown={shown}
          total={totals.relations}
          noun="relation"
          anchor="relations"
        />
      </section>
    </div>
  );
}
