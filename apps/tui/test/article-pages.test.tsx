import { type ClaimStore, createMemoryStore } from '@claimscope/api';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../src/api/client.js';
import { createLocalClient } from '../src/api/local.js';
import { renderApp } from './render-app.js';

/**
 * A corpus longer than one page of the article list: start-up reads one page, not all of them;
 * the picker reads on as the selection nears the end, and a filter reads the rest.
 */

const ARTICLES = 250;
const ids = Array.from({ length: ARTICLES }, (_, i) => `story-${String(i + 1).padStart(3, '0')}`);
const ESC = '\u001b';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

let store: ClaimStore;
beforeAll(async () => {
  store = await createMemoryStore(ids.map((id) => makeFixtureDocument(id)));
}, 120_000);

/** The app over the store, counting the article-list pages it asks for (by cursor). */
function start(options: { articleId?: string } = {}) {
  const pagesAsked: string[] = [];
  const counted: ClaimStore = {
    ...store,
    listArticles: (query) => {
      const which = query.cursor === undefined || query.cursor === null ? 'first' : 'next';
      const by = query.sort && query.sort !== 'added' ? ` by ${query.sort}` : '';
      pagesAsked.push(query.text ? `${which}${by} with “${query.text}”` : `${which}${by}`);
      return store.listArticles(query);
    },
  };
  const connection: Connection = {
    client: createLocalClient(counted),
    source: { kind: 'local' },
  };
  return { ui: renderApp(connection, cleanups, { columns: 120, ...options }), pagesAsked };
}

const selected = (frame: string) => frame.split('\n').find((l) => l.startsWith('▶')) ?? '';
/** Waits until the selected row holds `text` (the rows of a new order come after its title). */
const selects = (ui: { frame: () => string }, text: string) =>
  vi.waitFor(() => expect(selected(ui.frame())).toContain(text), { timeout: 30_000 });

describe('a corpus of more articles than one page', () => {
  it('starts with one page of the list and reads the next as the selection nears its end', async () => {
    const { ui, pagesAsked } = start();
    await ui.see(/lines 1–/);
    expect(pagesAsked).toEqual(['first']);
    await ui.press('a', '100 of 250 articles');
    expect(selected(ui.frame())).toContain('story-001');
    // Down to the last rows read: the next page comes in, and then the one after.
    await ui.press('G');
    await ui.see('200 of 250 articles');
    await ui.press('G');
    await vi.waitFor(() => expect(ui.frame()).not.toContain('of 250 articles'), {
      timeout: 30_000,
    });
    expect(ui.frame()).toContain('250 articles');
    await ui.press('G');
    await vi.waitFor(() => expect(selected(ui.frame())).toContain('story-250'), {
      timeout: 30_000,
    });
    expect(pagesAsked).toEqual(['first', 'next', 'next']);
  });

  it('filters over every article, asking the API for the matches of the longest word', async () => {
    const { ui, pagesAsked } = start();
    await ui.see(/lines 1–/);
    await ui.press('a', '100 of 250 articles');
    await ui.press('/story-24');
    // story-240 to story-249: ten, all on the last page.
    await ui.see('10 of 250 match');
    expect(selected(ui.frame())).toContain('story-240');
    // One page of matches, not the 150 articles the list had not read.
    expect(pagesAsked).toEqual(['first', 'first with “story-24”']);
    // Enter ends the filter; Enter again shows the chosen article in every tab.
    await ui.press('\r');
    await ui.press('\r', /lines 1–/);
    await ui.press(`${ESC}a`, '100 of 250 articles');
    await ui.press('/story-240', '1 of 250 match');
    expect(selected(ui.frame())).toMatch(/^▶ ● .*story-240/);
    // Several words: the API narrows by the longest, the list keeps rows holding every word.
    await ui.press(`${ESC}${ESC}/24 story`);
    await ui.see('13 of 250 match');
    expect(pagesAsked).toContain('first with “story”');
  });

  it('changes the order with o, from the first row, reading the pages of that order', async () => {
    const { ui, pagesAsked } = start();
    await ui.see(/lines 1–/);
    await ui.press('a', 'in the order added  (o: order)');
    await ui.press('jj');
    await selects(ui, 'story-003');
    await ui.press('o', 'most recently added first  (o: order)');
    await selects(ui, 'story-250');
    expect(pagesAsked).toEqual(['first', 'first by recent']);
    await ui.press('G', '200 of 250 articles');
    expect(pagesAsked).toEqual(['first', 'first by recent', 'next by recent']);
    // A filter keeps the order.
    await ui.press('/story-24', '10 of 250 match');
    await selects(ui, 'story-249');
    await ui.press(`${ESC}`);
    // Every order in turn, then back to the order added (the fixture's dates, headlines and
    // claims are all alike: ties keep the order added).
    for (const label of [
      'newest published first',
      'oldest published first',
      'by headline, A to Z',
      'most claims first',
      'in the order added',
    ]) {
      await ui.press('o', `${label}  (o: order)`);
      await selects(ui, 'story-001');
    }
  });

  it('opens an article past the first page by its id, and names a missing one', async () => {
    const far = start({ articleId: 'story-231' });
    await far.ui.see(/lines 1–/);
    expect(far.pagesAsked).toEqual(['first']);
    await far.ui.press('a', '100 of 250 articles');
    await far.ui.press('/story-231', '1 of 250 match');
    expect(selected(far.ui.frame())).toMatch(/^▶ ● .*story-231/);
    const missing = start({ articleId: 'no-such-story' });
    await missing.ui.see('No article with id “no-such-story”.');
    expect(missing.ui.frame()).toContain(
      'Articles: story-001, story-002, story-003, story-004, story-005 and 245 more',
    );
  });
});
