import type { Entity } from '@claimscope/schema';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimCard, EntityCard } from '~/components/annotation-cards';

const provenance = {
  agent: { kind: 'person' as const, name: 'test' },
  review: { status: 'reviewed' as const },
};

afterEach(cleanup);

describe('<ClaimCard>', () => {
  const claim = {
    id: 'c-truce',
    kind: 'direct_quote' as const,
    statement: 'Al Qaeda wants a truce in Syria.',
    modality: 'hedged' as const,
    channel: { kind: 'interview' as const, outletId: 'ap', cue: 'told the AP' },
    time: { text: 'earlier this week', resolved: null },
    provenance,
  };

  it('shows who said it, through which channel and outlet, and how surely', () => {
    render(
      <ClaimCard
        claim={claim}
        speaker={{ id: 'tom-joscelyn', name: 'Tom Joscelyn' }}
        outlet={{ id: 'ap', name: 'AP' }}
      />,
    );
    const card = screen.getByTestId('claim-card');
    expect(card.textContent).toContain('Al Qaeda wants a truce in Syria.');
    expect(card.textContent).toContain('Speaker Tom Joscelyn');
    expect(card.textContent).toContain('Channel Interview (“told the AP”), AP');
    expect(card.textContent).toContain('Modality Hedged');
    expect(card.textContent).toContain('When earlier this week');
    expect(screen.getByRole('link', { name: 'Open c-truce →' }).getAttribute('href')).toBe(
      '/claims/c-truce',
    );
  });

  it('leaves out the cue, outlet and time when the claim has none', () => {
    render(
      <ClaimCard
        claim={{
          ...claim,
          channel: { kind: 'unspecified', outletId: null, cue: null },
          time: null,
        }}
        speaker={{ id: 'analysts', name: 'analysts' }}
        outlet={null}
      />,
    );
    const card = screen.getByTestId('claim-card');
    expect(card.textContent).toContain('Channel Channel not stated');
    expect(card.textContent).not.toContain('When');
  });

  it('is built from spans, so it can sit inside a paragraph', () => {
    const { container } = render(
      <ClaimCard claim={claim} speaker={{ id: 'x', name: 'X' }} outlet={null} />,
    );
    const blockElements = container.querySelectorAll('div, p, dl, h1, h2, h3, ul, ol');
    expect(blockElements).toHaveLength(0);
  });
});

describe('<EntityCard>', () => {
  const entity: Entity = {
    id: 'nusra-front',
    kind: 'organization',
    name: 'Nusra Front',
    aliases: [],
    description: 'Al Qaeda’s affiliate in Syria.',
    provenance,
  };

  it('shows kind, description and counts, and links to the entity page', () => {
    render(<EntityCard entity={entity} counts={{ mentions: 4, claimsBy: 1, claimsAbout: 2 }} />);
    const card = screen.getByTestId('entity-card');
    expect(card.textContent).toContain('Organization');
    expect(card.textContent).toContain('Al Qaeda’s affiliate in Syria.');
    expect(card.textContent).toContain('4 mentions · 1 claim made · 2 claims about');
    expect(screen.getByRole('link').getAttribute('href')).toBe('/entities/nusra-front');
  });
});

describe('<ClaimSummary>', () => {
  it('labels a claim in a list with the number its id ends with', async () => {
    const { ClaimSummary } = await import('~/components/claim-summary');
    render(
      <ClaimSummary
        claim={
          {
            id: 'vice.claim-11',
            articleId: 'vice',
            kind: 'direct_quote',
            statement: 'Al Qaeda wants a truce.',
            text: 'Let’s just have a truce',
            content: [
              {
                blockId: 'b1',
                position: { type: 'TextPositionSelector', start: 0, end: 23 },
                quote: { type: 'TextQuoteSelector', exact: 'Let’s just have a truce' },
              },
            ],
            speaker: { id: 'al-qaeda', name: 'al Qaeda', kind: 'organization' },
            channel: { kind: 'interview', outletId: 'ap', cue: 'told the AP' },
            modality: 'asserted',
            time: null,
            provenance,
          } as unknown as Parameters<typeof ClaimSummary>[0]['claim']
        }
      />,
    );
    const label = screen.getByRole('link', { name: 'claim 11' });
    expect(label.getAttribute('href')).toBe('/claims/vice.claim-11');
  });
});

describe('<QuotedWords>', () => {
  it('joins the spans of a quote with a marked gap, not an ellipsis like the article’s own', async () => {
    const { QuotedWords } = await import('~/components/claim-summary');
    const anchor = (start: number, exact: string) => ({
      blockId: 'b1',
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    });
    const { container } = render(
      <blockquote>
        <QuotedWords
          content={
            [anchor(0, 'They are not going to merge'), anchor(80, 'It would take years…')] as never
          }
        />
      </blockquote>,
    );
    const gaps = container.querySelectorAll('.quote-gap');
    expect(gaps).toHaveLength(1);
    expect(container.textContent).not.toContain(' … ');
    expect(container.textContent).toContain('(words left out)');
    expect(container.textContent).toMatch(/^They are not going to merge.*It would take years…$/);
  });
});
