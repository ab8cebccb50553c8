import { makeMachineDraftDocument } from '@claimscope/api/testing/machine-draft';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimCard, EntityCard } from '~/components/annotation-cards';
import { ArticleText } from '~/components/article-text';
import { ClaimSummary, type ClaimView } from '~/components/claim-summary';
import { EntityList } from '~/components/entity-list';
import { ReaderControls } from '~/components/reader-controls';
import { ReviewBadge } from '~/components/review-badge';
import { buildReaderIndex, readerCards } from '~/lib/reader-index';
import { readerViewFromParams } from '~/lib/reader-view';

afterEach(cleanup);

/* Machine-made annotations nobody has reviewed must look different from reviewed ones everywhere. */

const doc = makeMachineDraftDocument('draft');
const claimById = (id: string) => {
  const claim = doc.claims.find((c) => c.id === id);
  if (!claim) throw new Error(id);
  return claim;
};

describe('the reader text', () => {
  function renderText() {
    return render(
      <article>
        <ArticleText
          doc={doc}
          index={buildReaderIndex(doc)}
          view={readerViewFromParams(new URLSearchParams('claims=on'))}
        />
      </article>,
    );
  }

  it('marks unreviewed and disputed claims and mentions, and leaves reviewed ones plain', () => {
    const { container } = renderText();
    const review = (selector: string) =>
      (container.querySelector(selector) as HTMLElement | null)?.dataset.review;
    expect(review('.hl-claim[data-claim="draft.c-joscelyn"]')).toBe('unreviewed');
    expect(review('.hl-claim[data-claim="draft.c-sanderson-stronger"]')).toBe('disputed');
    expect(review('.hl-claim[data-claim="draft.c-sanderson-merge"]')).toBeUndefined();
    expect(review('#mention-draft\\.m7')).toBe('unreviewed');
    expect(review('#mention-draft\\.m4')).toBeUndefined();
  });

  it('says in the attribution line under a paragraph that a quote is an unreviewed machine draft', () => {
    const { container } = renderText();
    const lines = [...container.querySelectorAll('.quote-attribution li')].map(
      (li) => li.textContent ?? '',
    );
    expect(lines.find((l) => l.startsWith('— Tom Joscelyn'))).toContain(
      'Machine draft · unreviewed',
    );
    expect(lines.find((l) => l.includes('VICE News'))).not.toContain('unreviewed');
  });

  it('names the machine in the claim number’s accessible name', () => {
    const { container } = renderText();
    const marker = container.querySelector('.claim-marker[data-claim="draft.c-joscelyn"]');
    expect(marker?.getAttribute('aria-label')).toContain(
      'Made by the model attribution-tagger 2; not yet reviewed by a person.',
    );
  });
});

describe('hover cards', () => {
  const cards = readerCards(doc);

  it('badge an unreviewed claim and say who made it', () => {
    const claim = cards.claims['draft.c-analysts'];
    if (!claim) throw new Error('no card');
    render(<ClaimCard claim={claim} speaker={claim.speaker} outlet={claim.outlet} />);
    const card = screen.getByTestId('claim-card');
    expect(card.textContent).toContain('Machine draft · unreviewed');
    expect(card.textContent).toContain(
      'Provenance Made by the rule claimscope-extract 0.1.0; not yet reviewed by a person.',
    );
  });

  it('show no badge on a reviewed claim, and badge a machine-made entity', () => {
    const claim = cards.claims['draft.c-author'];
    const entity = cards.entities.analysts;
    if (!claim || !entity) throw new Error('no card');
    render(<ClaimCard claim={claim} speaker={claim.speaker} outlet={claim.outlet} />);
    expect(screen.getByTestId('claim-card').textContent).not.toContain('unreviewed');
    cleanup();
    render(<EntityCard entity={entity} counts={entity.counts} />);
    expect(screen.getByTestId('entity-card').textContent).toContain('Machine draft · unreviewed');
  });
});

describe('lists and the legend', () => {
  it('badge a claim in a list by its review status', () => {
    const view = (id: string) =>
      ({
        ...claimById(id),
        articleId: 'draft',
        text: '',
        speaker: { id: 'x', name: 'X', kind: 'person' },
        about: [],
      }) as ClaimView;
    const { container } = render(
      <>
        <ClaimSummary claim={view('draft.c-joscelyn')} />
        <ClaimSummary claim={view('draft.c-sanderson-stronger')} />
        <ClaimSummary claim={view('draft.c-author')} />
      </>,
    );
    const cards = [...container.querySelectorAll('article')];
    expect(cards.map((c) => c.getAttribute('data-review'))).toEqual([
      'unreviewed',
      'disputed',
      null,
    ]);
    expect(cards[0]?.textContent).toContain('Machine draft · unreviewed');
    expect(cards[1]?.textContent).toContain('Disputed');
  });

  it('say “Unreviewed” for a person’s unreviewed annotation and nothing for a reviewed one', () => {
    const { container } = render(
      <>
        <ReviewBadge
          provenance={{ agent: { kind: 'person', name: 'ann' }, review: { status: 'unreviewed' } }}
        />
        <ReviewBadge
          provenance={{ agent: { kind: 'person', name: 'ann' }, review: { status: 'reviewed' } }}
        />
      </>,
    );
    expect(container.textContent).toBe('Unreviewed');
  });

  it('explain the dashed mark in the reader’s legend when the article has unreviewed annotations', () => {
    const props = {
      view: readerViewFromParams(new URLSearchParams()),
      onChange: () => {},
      kinds: [],
      speakers: [],
      claimCount: 7,
    };
    const index = buildReaderIndex(doc);
    expect(index.unreviewedCount).toBe(6);
    render(<ReaderControls {...props} unreviewedCount={index.unreviewedCount} />);
    expect(screen.getByTestId('review-legend').textContent).toMatch(
      /Dashed lines and badges mark the 6 annotations no person has reviewed yet/,
    );
    cleanup();
    render(<ReaderControls {...props} unreviewedCount={0} />);
    expect(screen.queryByTestId('review-legend')).toBeNull();
  });
});

describe('the entity list', () => {
  const items = doc.entities.map((e) => ({
    ...e,
    articleIds: ['draft'],
    articleCount: 1,
    mentionCount: 1,
    claimCount: 0,
    aboutCount: 0,
  }));

  it('badges the drafts nobody has reviewed, and only them', () => {
    render(<EntityList entities={items} />);
    expect(screen.getAllByText('Machine draft · unreviewed')).toHaveLength(2);
    cleanup();
    const reviewed = items.filter((e) => e.provenance.review.status === 'reviewed');
    render(<EntityList entities={reviewed} />);
    expect(screen.queryByText('Machine draft · unreviewed')).toBeNull();
  });
});
