import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderFrame } from '~/components/reader-frame';
import type { ReaderCards } from '~/lib/reader-index';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const cards: ReaderCards = {
  entities: {
    'al-qaeda': {
      id: 'al-qaeda',
      name: 'al Qaeda',
      kind: 'organization',
      description: 'The international jihadist network.',
      provenance: { agent: { kind: 'person', name: 'test' }, review: { status: 'reviewed' } },
      counts: { mentions: 24, claimsBy: 1, claimsAbout: 33 },
    },
  },
  claims: {},
};

/** The frame around a sliver of server-rendered text, as article-text.tsx writes it. */
function renderReader() {
  return render(
    <ReaderFrame
      language="en"
      kinds={[
        { kind: 'organization', count: 1 },
        { kind: 'place', count: 1 },
      ]}
      speakers={[{ id: 'levitt', name: 'Matthew Levitt', count: 1 }]}
      claimCount={1}
      cardsUrl="/articles/a/cards"
    >
      <p>
        <span className="hl-claim" data-claim="c1" data-speaker="levitt">
          <a
            className="hl-mention kind--organization"
            data-entity="al-qaeda"
            data-kind="organization"
            href="/entities/al-qaeda"
          >
            al Qaeda
          </a>{' '}
          left{' '}
          <a
            className="hl-mention kind--place"
            data-entity="syria"
            data-kind="place"
            href="/entities/syria"
          >
            Syria
          </a>
          <a className="claim-marker" href="/claims/c1" data-claim="c1" hidden>
            1
          </a>
        </span>
      </p>
    </ReaderFrame>,
  );
}

describe('<ReaderFrame>', () => {
  it('loads the card facts on first hover, once, and shows the entity card', async () => {
    const fetch = vi.fn(async () => Response.json(cards));
    vi.stubGlobal('fetch', fetch);
    renderReader();
    const mention = screen.getByText('al Qaeda');
    fireEvent.pointerOver(mention);
    const card = await screen.findByTestId('entity-card');
    expect(card.textContent).toContain('24 mentions');
    expect(mention.getAttribute('aria-describedby')).toBe(screen.getByRole('tooltip').id);
    fireEvent.pointerOver(screen.getByText('Syria'));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/articles/a/cards');
  });

  it('says the details could not be loaded, and still links the page, when the route fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('bad gateway', { status: 502 })),
    );
    renderReader();
    fireEvent.focus(screen.getByText('al Qaeda'));
    await waitFor(() =>
      expect(screen.getByRole('tooltip').textContent).toContain('could not be loaded'),
    );
    expect(screen.getByRole('link', { name: 'Open entity →' }).getAttribute('href')).toBe(
      '/entities/al-qaeda',
    );
  });

  it('switches highlights by attribute without re-rendering the text', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderReader();
    const text = screen.getByText('al Qaeda').closest('p');
    // Hiding places turns the place mention back into plain text, and only it.
    fireEvent.click(screen.getByRole('button', { name: /Place/ }));
    expect(screen.getByText('Syria').hasAttribute('href')).toBe(false);
    expect(screen.getByText('al Qaeda').getAttribute('href')).toBe('/entities/al-qaeda');
    // Claims on: the claim and its number show.
    fireEvent.click(screen.getByRole('button', { name: 'Highlight claims' }));
    expect(text?.querySelector<HTMLElement>('.claim-marker')?.hidden).toBe(false);
    expect(text?.querySelector('.hl-claim')?.hasAttribute('data-shown')).toBe(true);
    // Mentions off: no mention is a link any more.
    fireEvent.click(screen.getByRole('button', { name: 'Highlight entity mentions' }));
    expect(text?.querySelectorAll('a.hl-mention[href]')).toHaveLength(0);
    expect(screen.getByText('al Qaeda').closest('p')).toBe(text);
  });

  it('offers a skip link to the highlight controls before the first mention link', () => {
    vi.stubGlobal('fetch', vi.fn());
    const { container } = renderReader();
    const links = [...container.querySelectorAll('a[href], button')];
    const skip = screen.getByRole('link', { name: 'Skip to the highlight controls' });
    expect(links[0]).toBe(skip);
    const target = document.getElementById(skip.getAttribute('href')?.slice(1) ?? '');
    expect(target?.getAttribute('aria-label')).toBe('Highlighting');
    expect(target?.getAttribute('tabindex')).toBe('-1');
  });
});
