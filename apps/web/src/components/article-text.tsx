import type { Block } from '@claimscope/schema';
import { claimLabel, claimNumber } from '@claimscope/schema/display';
import { Fragment, type ReactNode } from 'react';
import { type AttributionLine, attributionLines } from '~/lib/attribution';
import { claimTitle } from '~/lib/labels';
import type { ArticleDocument, Mark, ReaderIndex } from '~/lib/reader-index';
import { entityHref, isClaimShown, isMentionShown, type ReaderView } from '~/lib/reader-view';
import { provenanceSentence, reviewMark } from '~/lib/review';
import { nestSpans, type SpanNode } from '~/lib/spans';
import { channelText } from './claim-summary';
import { ReviewBadge } from './review-badge';

/*
 * The article as annotated text, rendered on the server only: every character of the article is a
 * React text node, never HTML. Each mention and claim carries its id in a data attribute, so the
 * reader's small client layer (reader-frame.tsx) can switch highlights and show cards without
 * re-rendering the text:
 *   mention  <a class="hl-mention" data-entity data-kind [data-review] [href]>   highlighted (and a link) iff href
 *   claim    <span class="hl-claim" data-claim data-speaker [data-shown] [data-review]>
 *   marker   <a class="claim-marker" data-claim [hidden]>n</a>      after a claim's last words
 * `data-review` (unreviewed, disputed, rejected) marks what no person has confirmed: a dashed line.
 * `view` only decides the first state of those attributes.
 */

export function ArticleText({
  doc,
  index,
  view,
}: {
  doc: ArticleDocument;
  index: ReaderIndex;
  view: ReaderView;
}) {
  const { article } = doc;

  const renderNodes = (nodes: SpanNode<Mark>[], insideLink: boolean): ReactNode[] =>
    nodes.map((node) => {
      // Plain strings: text needs no key, and keeps the page's payload small.
      if (node.type === 'text') return node.text;
      const mark = node.value;
      if (mark.type === 'mention') {
        const { entity } = mark;
        const review = reviewMark(mark.provenance);
        const attributes = {
          ...(node.first ? { id: `mention-${mark.id}` } : {}),
          className: `hl-mention kind--${entity.kind}`,
          'data-entity': entity.id,
          'data-kind': entity.kind,
          ...(review ? { 'data-review': review } : {}),
        };
        // A mention inside another mention's link cannot be a link itself.
        if (insideLink)
          return (
            <span key={`m${node.start}`} {...attributes}>
              {renderNodes(node.children, true)}
            </span>
          );
        return (
          <a
            key={`m${node.start}`}
            {...attributes}
            {...(isMentionShown(view, entity.kind) ? { href: entityHref(entity.id) } : {})}
          >
            {renderNodes(node.children, true)}
          </a>
        );
      }
      const { claim } = mark;
      const shown = isClaimShown(view, claim.speakerId);
      const speaker = index.entities.get(claim.speakerId)?.name ?? claim.speakerId;
      const withMarker = mark.last && node.end === mark.anchorEnd && !insideLink;
      const review = reviewMark(claim.provenance);
      return (
        // Siblings never overlap, so a start offset is a unique key among them.
        <span
          key={`c${node.start}`}
          className="hl-claim"
          data-claim={claim.id}
          data-speaker={claim.speakerId}
          {...(shown ? { 'data-shown': '' } : {})}
          {...(review ? { 'data-review': review } : {})}
        >
          {renderNodes(node.children, insideLink)}
          {withMarker ? (
            <a
              className="claim-marker"
              href={`/claims/${claim.id}`}
              data-claim={claim.id}
              {...(shown ? {} : { hidden: true })}
              aria-label={`${claimTitle(claim.id)} by ${speaker}: ${claim.statement}${review ? `. ${provenanceSentence(claim.provenance)}` : ''}`}
            >
              {claimNumber(claim.id) ?? claim.id}
            </a>
          ) : null}
        </span>
      );
    });

  const blockText = (block: Block) =>
    renderNodes(nestSpans(block.text, block.start, index.spansByBlock.get(block.id) ?? []), false);

  const attributionLine = (line: AttributionLine): ReactNode => {
    const { claim, cue, carriedCue, quotedIn } = line;
    const name = (id: string) => index.entities.get(id)?.name ?? id;
    const how = cue ?? (carriedCue ? null : channelText(claim));
    const outlet = claim.channel.outletId ? index.entities.get(claim.channel.outletId) : undefined;
    const said = `${how ?? ''} ${carriedCue?.text ?? ''}`;
    return (
      <li key={claim.id}>
        — <a href={entityHref(claim.speakerId)}>{name(claim.speakerId)}</a>
        {how ? `, ${how}` : ''}
        {outlet && !said.includes(outlet.name) ? ` (${outlet.name})` : ''}
        {carriedCue ? (
          <span className="quote-attribution__carried">
            {' '}
            · “{carriedCue.text}” carried over from{' '}
            <a href={`#block-${carriedCue.blockId}`}>
              {carriedCue.paragraph ? `paragraph ${carriedCue.paragraph}` : 'earlier'}
            </a>
          </span>
        ) : null}
        {quotedIn ? (
          <>
            {' '}
            · quoted by <a href={entityHref(quotedIn.speakerId)}>{name(quotedIn.speakerId)}</a>
          </>
        ) : null}{' '}
        ·{' '}
        <a href={`/claims/${claim.id}`} className="muted">
          {claimLabel(claim.id)}
        </a>
        {reviewMark(claim.provenance) ? (
          <>
            {' '}
            <ReviewBadge provenance={claim.provenance} />
          </>
        ) : null}
        {line.nested.length > 0 ? (
          <ul className="quote-attribution__nested" aria-label="Quoted inside this quote">
            {line.nested.map(attributionLine)}
          </ul>
        ) : null}
      </li>
    );
  };

  const attributions = (block: Block) => {
    const claims = index.attributionsByBlock.get(block.id);
    if (!claims?.length) return null;
    return (
      <ul className="quote-attribution" aria-label="Who said this">
        {attributionLines(claims, index.claims, index.paragraphs).map(attributionLine)}
      </ul>
    );
  };

  const renderBlock = (block: Block): ReactNode => {
    const id = `block-${block.id}`;
    switch (block.kind) {
      case 'banner':
        return (
          <p key={block.id} id={id} className="block article__banner">
            {blockText(block)}
          </p>
        );
      case 'headline':
        return (
          <h1 key={block.id} id={id} className="block article__headline">
            {blockText(block)}
          </h1>
        );
      case 'dek':
        return (
          <p key={block.id} id={id} className="block article__dek">
            {blockText(block)}
          </p>
        );
      case 'photo_credit':
        return (
          <p key={block.id} id={id} className="block article__credit">
            {blockText(block)}
          </p>
        );
      case 'related_link':
        return (
          <aside
            key={block.id}
            id={id}
            className="block article__related"
            aria-label="Related article"
          >
            <p className="eyebrow">Related</p>
            <p>{blockText(block)}</p>
          </aside>
        );
      case 'footer':
        return (
          <footer key={block.id} id={id} className="block article__footer">
            {blockText(block)}
          </footer>
        );
      default:
        return (
          <Fragment key={block.id}>
            <p id={id} className="block">
              {blockText(block)}
            </p>
            {attributions(block)}
          </Fragment>
        );
    }
  };

  const authors = article.authorIds.flatMap((a) => index.entities.get(a) ?? []);
  const publisher = article.publisherId ? index.entities.get(article.publisherId) : undefined;
  const headlineIndex = article.blocks.findIndex((b) => b.kind === 'headline');
  const beforeByline = article.blocks.slice(0, headlineIndex + 1);
  const afterByline = article.blocks.slice(headlineIndex + 1);
  const dek = afterByline[0]?.kind === 'dek' ? afterByline.shift() : undefined;

  return (
    <>
      {beforeByline.map(renderBlock)}
      {dek ? renderBlock(dek) : null}
      <p className="article__byline">
        {authors.length > 0 ? (
          <>
            By{' '}
            {authors.map((a, i) => (
              <Fragment key={a.id}>
                {i > 0 ? ', ' : ''}
                <a href={entityHref(a.id)}>{a.name}</a>
              </Fragment>
            ))}
          </>
        ) : (
          'Author not stated'
        )}
        {publisher ? (
          <>
            {' · '}
            <a href={entityHref(publisher.id)}>{publisher.name}</a>
          </>
        ) : null}
        {' · '}
        {article.published.status === 'known' ? (
          <time dateTime={article.published.date}>{article.published.date}</time>
        ) : (
          <span title={article.published.note}>Date unknown</span>
        )}
        {article.source.url ? (
          <>
            {' · '}
            <a href={article.source.url} rel="noreferrer noopener">
              Source
            </a>
          </>
        ) : null}
      </p>
      {afterByline.map(renderBlock)}
    </>
  );
}
