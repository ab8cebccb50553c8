import type { RouterOutputs } from '@claimscope/client';
import { claimLabel } from '@claimscope/schema/display';
import type { Metadata } from 'next';
import { CiteBox } from '~/components/cite-box';
import { ClaimPair } from '~/components/claim-pair';
import { ClaimSummary } from '~/components/claim-summary';
import { ReviewBadge } from '~/components/review-badge';
import { SnippetText } from '~/components/snippet-text';
import { quoteOf } from '~/lib/citation';
import { blockPlace, CHANNEL_LABEL, CLAIM_KIND_LABEL, MODALITY_LABEL } from '~/lib/labels';
import { provenanceSentence } from '~/lib/review';
import { absoluteUrl, articleReference } from '~/trpc/citations';
import { getQueryClient, isNotFound, orNotFound, trpc } from '~/trpc/server';

type Props = { params: Promise<{ id: string }> };
type ClaimDetail = RouterOutputs['claim']['get'];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    const { claim } = await getQueryClient().fetchQuery(trpc.claim.get.queryOptions({ id }));
    return { title: `${claim.speaker.name}: ${claim.statement}` };
  } catch (error) {
    return { title: isNotFound(error) ? 'Claim not found' : 'Claim' };
  }
}

/** The paragraphs holding the claim, with its words marked. */
function QuoteInContext({ detail }: { detail: ClaimDetail }) {
  const { claim, blocks } = detail;
  return (
    <>
      {blocks.map((block) => (
        <blockquote
          key={block.id}
          className="context-paragraph"
          cite={`/articles/${claim.articleId}#block-${block.id}`}
        >
          <p>
            <SnippetText
              text={block.text}
              highlights={claim.content
                .filter((a) => a.blockId === block.id)
                .map((a) => ({
                  start: a.position.start - block.start,
                  end: a.position.end - block.start,
                }))}
            />
          </p>
          <footer className="small">
            <a href={`/articles/${claim.articleId}#block-${block.id}`}>
              {blockPlace(block)} in the article
            </a>
          </footer>
        </blockquote>
      ))}
    </>
  );
}

export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  const detail = await orNotFound(getQueryClient().fetchQuery(trpc.claim.get.queryOptions({ id })));
  const { claim, outlet, parent, children, chain, links } = detail;
  const [reference, permalink] = await Promise.all([
    articleReference(claim.articleId),
    absoluteUrl(`/claims/${claim.id}`),
  ]);
  const firstBlock = claim.content[0]?.blockId;
  const disagreements = links.filter((l) => l.kind !== 'supports');
  const supports = links.filter((l) => l.kind === 'supports');
  return (
    <div className="page page--narrow claim-page">
      <p className="eyebrow">
        <span className="claim-page__number">{claimLabel(claim.id)}</span> ·{' '}
        {CLAIM_KIND_LABEL[claim.kind]} · {MODALITY_LABEL[claim.modality]}{' '}
        <ReviewBadge provenance={claim.provenance} />
      </p>
      <h1>{claim.statement}</h1>
      <QuoteInContext detail={detail} />
      <CiteBox
        citation={{
          subject: `${claim.speaker.name} (${claimLabel(claim.id)})`,
          quote: quoteOf(claim.content.map((a) => a.quote.exact)),
          paragraph: detail.blocks.find((b) => b.id === firstBlock)?.paragraph ?? null,
          source: reference.source,
          permalink,
        }}
      />
      <dl className="facts">
        <dt>Speaker</dt>
        <dd>
          <a href={`/entities/${claim.speaker.id}`}>{claim.speaker.name}</a>
        </dd>
        <dt>Channel</dt>
        <dd>
          {CHANNEL_LABEL[claim.channel.kind]}
          {claim.channel.cue ? <> · “{claim.channel.cue}”</> : null}
          {outlet ? (
            <>
              {' · '}
              <a href={`/entities/${outlet.id}`}>{outlet.name}</a>
            </>
          ) : null}
        </dd>
        <dt>Modality</dt>
        <dd>
          {MODALITY_LABEL[claim.modality]}
          {claim.polarity === 'negative' ? ' · negative' : ''}
        </dd>
        <dt>When</dt>
        <dd>
          {claim.time ? (
            <>
              “{claim.time.text}”
              {claim.time.resolved ? (
                <>
                  {' '}
                  · <time>{claim.time.resolved}</time>
                </>
              ) : (
                ' · not resolved to a date'
              )}
            </>
          ) : (
            <span className="muted">No time expression</span>
          )}
        </dd>
        <dt>About</dt>
        <dd>
          {claim.about.length === 0 ? (
            <span className="muted">No entity recorded</span>
          ) : (
            claim.about.map((e, i) => (
              <span key={e.id}>
                {i > 0 ? ', ' : ''}
                <a href={`/entities/${e.id}`}>{e.name}</a>
              </span>
            ))
          )}
        </dd>
        <dt>Review</dt>
        <dd>{provenanceSentence(claim.provenance)}</dd>
      </dl>

      {disagreements.length > 0 ? (
        <section aria-labelledby="disagreements">
          <h2 id="disagreements">Disagreements</h2>
          <div className="card-list">
            {disagreements.map((link) =>
              link.direction === 'outgoing' ? (
                <ClaimPair
                  key={link.id}
                  from={claim}
                  to={link.other}
                  kind={link.kind}
                  note={link.note}
                />
              ) : (
                <ClaimPair
                  key={link.id}
                  from={link.other}
                  to={claim}
                  kind={link.kind}
                  note={link.note}
                />
              ),
            )}
          </div>
        </section>
      ) : null}

      {parent ? (
        <section aria-labelledby="parent">
          <h2 id="parent">Quoted inside</h2>
          <ClaimSummary claim={parent} />
        </section>
      ) : null}

      {children.length > 0 ? (
        <section aria-labelledby="children">
          <h2 id="children">Quotes nested in this claim</h2>
          <ul className="card-list plain-list">
            {children.map((c) => (
              <li key={c.id}>
                <ClaimSummary claim={c} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {chain.length > 1 ? (
        <section aria-labelledby="chain">
          <h2 id="chain">The whole statement</h2>
          <ol className="chain-list">
            {chain.map((c) => (
              <li key={c.id}>
                {c.id === claim.id ? (
                  <strong>{c.statement} (this claim)</strong>
                ) : (
                  <a href={`/claims/${c.id}`}>{c.statement}</a>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {supports.length > 0 ? (
        <section aria-labelledby="supports">
          <h2 id="supports">Supporting claims</h2>
          <ul className="card-list plain-list">
            {supports.map((l) => (
              <li key={l.id}>
                <ClaimSummary claim={l.other} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
