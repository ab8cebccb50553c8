import { createServer as createNetServer, type Socket } from 'node:net';
import { claimLabel, claimNumber } from '@claimscope/schema/display';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Connection, connectLocal, connectRemote } from '../src/api/client.js';
import type { TabId } from '../src/state/navigation.js';
import { freePort, startServer } from './e2e/harness.js';
import { renderApp } from './render-app.js';

/**
 * The whole UI at fixed sizes, over the real router in-process (and, for errors, over HTTP to
 * the built server), driven by key presses as a user would.
 */

const ESC = '\u001b';
const ENTER = '\r';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(
  options: { columns?: number; rows?: number; tab?: TabId; connection?: Connection } = {},
) {
  const connection = options.connection ?? (await connectLocal());
  return renderApp(connection, cleanups, {
    columns: options.columns,
    rows: options.rows,
    tab: options.tab,
  });
}

/** The row the cursor is on. */
const selectedRow = (frame: string) => frame.split('\n').find((line) => line.startsWith('▶'));

describe('tabs and the article', () => {
  it('opens on the article text with the footer generated from the keymap', async () => {
    const ui = await start();
    await ui.see('Al Qaeda Seems to Want to Be Best Friends');
    expect(ui.frame()).toContain('1 Article');
    expect(ui.frame()).toMatch(/lines 1–\d+ of \d+/);
    expect(ui.frame()).toContain('? help');
    expect(ui.frame()).toContain('q quit');
  });

  it('switches tabs with digits and with [ and ]', async () => {
    const ui = await start();
    await ui.see('lines 1–');
    await ui.press('2', '60 entities');
    await ui.press(']', /\d+ claims/);
    await ui.press(']', /\d+ relations/);
    await ui.press('[', /\d+ claims/);
    await ui.press('\t', /\d+ relations/);
    await ui.press(`${ESC}[Z`, /\d+ claims/);
  });

  it('scrolls the article with j and PgDn', async () => {
    const ui = await start({ rows: 24 });
    await ui.see('lines 1–');
    await ui.press('j', 'lines 2–');
    await ui.press(`${ESC}[6~`, /lines 19–/);
    await ui.press('\u0015', /lines 11–/);
  });
});

describe('quotes in the article', () => {
  it('selects quotes with n and N and opens the selected one', async () => {
    const ui = await start();
    await ui.see('claim 1 (1 of 70)');
    await ui.press('nnn', 'claim 4 (4 of 70)');
    await ui.press('N', 'claim 3 (3 of 70)');
    await ui.press(ENTER, 'Article › “al Qaeda publicly rejected');
    await ui.see('Enter: the speaker');
  });
});

describe('lists', () => {
  it('shows only the visible rows and where they are', async () => {
    const ui = await start({ tab: 'entities', rows: 24 });
    await ui.see('1–17 of 60');
    expect(
      ui
        .frame()
        .split('\n')
        .filter((l) => /^(▶| ) \S/.test(l) && !l.startsWith('  Name')).length,
    ).toBeLessThanOrEqual(17);
    await ui.press('G', '44–60 of 60');
    await ui.press('g', '1–17 of 60');
    await ui.press('\u0004');
    await vi.waitFor(() => expect(selectedRow(ui.frame())).toContain('United States'), {
      timeout: 30_000,
    });
  });

  it('moves the selection with j and k and shows its details beside the list when wide', async () => {
    const ui = await start({ tab: 'entities' });
    await ui.see('60 entities');
    expect(selectedRow(ui.frame())).toContain('Islamic State');
    await ui.press('jjk');
    await vi.waitFor(() => expect(selectedRow(ui.frame())).toContain('al Qaeda'), {
      timeout: 30_000,
    });
    expect(ui.frame()).toContain('│ The international jihadist network');
  });

  it('uses one pane under 80 columns', async () => {
    const ui = await start({ tab: 'entities', columns: 70, rows: 24 });
    await ui.see('60 entities');
    expect(ui.frame()).not.toContain('│');
  });

  it('filters as you type, types q instead of quitting, and clears on Esc', async () => {
    const ui = await start({ tab: 'entities' });
    await ui.see('60 entities');
    // al-Maqdisi's description names his pupil al-Zarqawi.
    await ui.press('/zarq', '2 of 60 match');
    expect(ui.frame()).toContain('Abu Musab al-Zarqawi');
    await ui.press('q', '0 of 60 match');
    await ui.see('No entities match “zarqq”.');
    await ui.press(ESC, '60 entities');
  });

  it('keeps a filter after Enter so you can open a match', async () => {
    const ui = await start({ tab: 'entities' });
    await ui.see('60 entities');
    await ui.press('/matthew levitt', '3 of 60 match');
    await ui.press(ENTER);
    await ui.press(ENTER, 'Entities › Matthew Levitt');
  });
});

describe('drilling in and back', () => {
  it('goes entity → its claims → a quote in context → its speaker, and back again', async () => {
    const ui = await start({ tab: 'entities' });
    await ui.see('60 entities');
    await ui.press('jjjj', 'Matthew Levitt');
    await vi.waitFor(() => expect(selectedRow(ui.frame())).toContain('Matthew Levitt'), {
      timeout: 30_000,
    });
    await ui.press(ENTER, 'Entities › Matthew Levitt');
    await ui.see('12 claims');
    await ui.press('j');
    await vi.waitFor(() => expect(selectedRow(ui.frame())).toContain('A lot of p'), {
      timeout: 30_000,
    });
    await ui.press(ENTER, 'Entities › Matthew Levitt › “A lot of people');
    await ui.see('▌');
    await ui.see('Enter: the speaker');
    await ui.press(ENTER, /› “A lot of people.*› Matthew Levitt/);
    await ui.press(ESC, /Matthew Levitt › “A lot of people[^›]*$/m);
    await ui.press(ESC, '12 claims');
    // The claims list kept its selection.
    expect(selectedRow(ui.frame())).toContain('A lot of p');
    await ui.press(ESC, '60 entities');
    expect(selectedRow(ui.frame())).toContain('Matthew Levitt');
  });

  it('names the speaker who states a relation, and tells certainties apart', async () => {
    const connection = await connectLocal();
    const relations = await connection.client.relation.list.query({ limit: 100 });
    const bySource = relations.items.find((r) => r.assertedBy.kind === 'claim');
    if (bySource?.assertedBy.kind !== 'claim') throw new Error('no relation stated by a source');
    const claim = await connection.client.claim.get.query({ id: bySource.assertedBy.claimId });
    const label = claimLabel(claim.claim.id);

    const ui = await start({ tab: 'relations', connection });
    await ui.see(/\d+ relations/);
    await ui.press(`/${label}`, /1 of \d+ match/);
    await ui.see(`Stated by: ${claim.claim.speaker.name} (${label})`);
    await ui.press(ESC, /\d+ relations/);
    // Two rows that differ only in how certain the text is.
    await ui.press('/baghdadi leader of islamic', /2 of \d+ match/);
    const rows = ui
      .frame()
      .split('\n')
      .filter((l) => /^(▶| ) Abu Bakr al/.test(l));
    expect(rows.map((r) => /(Stated|Implied|Hedged)/.exec(r)?.[1]).sort()).toEqual([
      'Implied',
      'Stated',
    ]);
  });

  it('opens a relation’s evidence in the article', async () => {
    const ui = await start({ tab: 'relations' });
    await ui.see(/\d+ relations/);
    await ui.press(ENTER, 'the evidence is marked ▌');
  });
});

describe('claim links', () => {
  it('lists disagreements, and a claim’s links on its screen, each of which opens', async () => {
    const ui = await start({ tab: 'disagreements' });
    await ui.see('10 disagreements');
    await ui.see(/▶ claim 11 .* qualifies +claim 12/);
    await ui.press(ENTER, 'Disagreements › “That is what');
    await ui.see('5 linked claims');
    expect(ui.frame()).toMatch(/continues +claim 9 +Tom Joscelyn/);
    expect(ui.frame()).toMatch(/supported by +claim 16/);
    expect(ui.frame()).toMatch(/qualifies +claim 12 +Alice Speri/);
    await ui.see('Enter: the speaker');
    await ui.press('n', 'Enter: claim 9');
    await ui.press(ENTER, /Disagreements › “That is what.* › “Al Qaeda is saying/);
    await ui.see(/quotes +claim 10 +al Qaeda/);
    await ui.see(/continued by +claim 11/);
  });
});

describe('search', () => {
  it('searches the API as you type and opens a result', async () => {
    const ui = await start({ tab: 'search' });
    await ui.see('Type to search');
    await ui.press('zarqawi', 'Abu Musab al-Zarqawi');
    await ui.press(ENTER);
    await ui.press(ENTER, 'Search › Abu Musab al-Zarqawi');
  });

  it('opens a paragraph with only its own quotes selectable, numbered as readers count', async () => {
    const connection = await connectLocal();
    const ui = await start({ tab: 'search', connection });
    await ui.see('Type to search');
    await ui.press('truce', /¶ \d+/);
    await ui.press(ENTER);
    for (let i = 0; i < 20 && !selectedRow(ui.frame())?.includes('¶'); i += 1) {
      const before = ui.frame();
      await ui.press('j');
      await vi.waitFor(() => expect(ui.frame()).not.toBe(before), { timeout: 30_000 });
    }
    const paragraph = Number(/¶ (\d+)/.exec(selectedRow(ui.frame()) ?? '')?.[1]);
    await ui.press(ENTER, `Search › ¶ ${paragraph}`);
    await ui.see(/claim \d+ \(1 of \d+ here\)/);
    const number = Number(/claim (\d+) \(1 of/.exec(ui.frame())?.[1]);

    // The claim selected starts inside that paragraph, counted as readers count paragraphs.
    const articles = await connection.client.article.list.query({});
    const doc = await connection.client.article.export.query({ id: articles.items[0]?.id ?? '' });
    const blocks = doc.article.blocks.filter((b) => b.kind === 'paragraph');
    const block = blocks[paragraph - 1];
    const claim = doc.claims.find((c) => claimNumber(c.id) === number);
    const claimStart = Math.min(...(claim?.content.map((a) => a.position.start) ?? []));
    expect(block && claimStart >= block.start && claimStart < block.end).toBe(true);
    // Enter opens that claim, not a quote from elsewhere on the screen.
    await ui.press(ENTER, `Search › ¶ ${paragraph} › “`);
    await ui.see('Enter: the speaker');
  });

  it('says so when nothing matches', async () => {
    const ui = await start({ tab: 'search' });
    await ui.see('Type to search');
    await ui.press('xyzzyplugh', 'Nothing matches “xyzzyplugh”.');
  });
});

describe('help', () => {
  it('opens on ? with every section of the keymap and closes on Esc', async () => {
    const ui = await start();
    await ui.see('lines 1–');
    await ui.press('?', 'Quit at once, restoring the terminal');
    expect(ui.frame()).toContain('Lists and article text');
    await ui.press('2');
    expect(ui.frame()).toContain('Quit at once');
    await ui.press(ESC, 'lines 1–');
  });
});

describe('errors', () => {
  it('shows a lost server as an error and retries on r', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/trpc`;
    const ui = await start({ connection: connectRemote(url) });
    await ui.see(`Cannot reach the API at ${url}: connection refused`);
    expect(ui.frame()).toContain('r retry');

    // The real server, built, as users run it.
    const server = await startServer(port);
    cleanups.push(() => server.stop());
    await ui.press('r', 'Al Qaeda Seems to Want to Be Best Friends');
    expect(ui.frame()).not.toContain('r retry');
  });

  it('shows the whole error when a quote cannot be loaded, and marks the connection broken', async () => {
    const port = await freePort();
    const server = await startServer(port);
    cleanups.push(() => server.stop());
    const ui = await start({ connection: connectRemote(server.url) });
    // The article text is loaded; the claim's details are not, until the quote is opened.
    await ui.see('lines 1–');
    await ui.press('3', /\d+ claims/);
    await ui.see('● http://');
    await server.stop();
    await ui.press(ENTER, `Cannot reach the API at ${server.url}: connection refused`);
    await ui.see(`✕ ${server.url}`);
    expect(ui.frame()).not.toContain('● http://');
  });

  it('keeps keys for a screen that is loading, but not once you move on', async () => {
    // A server that accepts connections and never answers: everything stays loading.
    const sockets = new Set<Socket>();
    const silent = createNetServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => silent.close(resolve));
    });
    const address = silent.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    const ui = await start({ connection: connectRemote(`http://127.0.0.1:${address.port}`) });
    await ui.see('Loading articles');
    await ui.press('jj2', /^Entities$/m);
    await ui.press('?', 'Quit at once');
  });

  it('asks for a bigger terminal when too small', async () => {
    const ui = await start({ columns: 30, rows: 10 });
    await ui.see('Terminal too small');
  });
});

describe('an entity with more claims than one page', () => {
  it('says "N of M", loads the next page at the end of the list and keeps the selection', async () => {
    const connection = await connectLocal();
    const whole = await connection.client.entity.get.query({
      id: 'islamic-state',
      claimsLimit: 1000,
    });
    const total = whole.totals.claimsBySpeaker + whole.totals.claimsAbout;
    const firstPage = Math.min(40, whole.totals.claimsBySpeaker) + 40;
    // The seed's 56 claims about the Islamic State are more than one page of 40.
    expect(whole.totals.claimsAbout).toBeGreaterThan(40);
    const lastOnFirstPage = whole.claimsAbout[39];
    if (!lastOnFirstPage) throw new Error('fewer claims than one page');

    const ui = await start({ tab: 'entities', connection, rows: 24 });
    await ui.see('60 entities');
    await ui.press('/islamic state', /1 of 60 match/);
    await ui.press(ENTER);
    await ui.press(ENTER, 'Entities › Islamic State');
    await ui.see(`${firstPage} of ${total} claims`);
    expect(ui.frame()).toContain('more load at the end');
    // To the last row loaded: the rest loads below it, and the selection stays on its claim.
    await ui.press('G', new RegExp(`^${total} claims`, 'm'));
    expect(ui.frame()).not.toContain('more load at the end');
    expect(selectedRow(ui.frame())).toContain(lastOnFirstPage.text.slice(0, 16));
    // The next row is the next claim about the entity, and the last is the last one.
    await ui.press('j');
    const next = whole.claimsAbout[40]?.text.slice(0, 16) ?? '';
    await vi.waitFor(() => expect(selectedRow(ui.frame())).toContain(next), { timeout: 30_000 });
    await ui.press('G');
    const last = whole.claimsAbout.at(-1)?.text.slice(0, 16) ?? '';
    await vi.waitFor(() => expect(selectedRow(ui.frame())).toContain(last), { timeout: 30_000 });
    // Open that claim and come back: every claim is still there, and so is the selection.
    await ui.press(ENTER, /Islamic State › /);
    await ui.press(ESC, new RegExp(`^${total} claims`, 'm'));
    expect(selectedRow(ui.frame())).toContain(last);
  });
});
