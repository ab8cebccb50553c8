import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  javascriptBytes,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  type WatchedPage,
} from './browser';
import { CHROMIUM, CHROMIUM_ARGS, POLL } from './harness';

const env = inject('e2e');

/** Calls a query procedure on the API directly, to pick real ids for the tests. */
async function api<T>(procedure: string, input?: unknown): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${env.apiUrl}/${procedure}${query}`);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

type Ref = { id: string; name: string };

describe.skipIf(!env.chromium)('claimscope web, in Chromium against the production build', () => {
  let browser: Browser;
  let articleId: string;
  let headline: string;
  let topSpeaker: Ref;
  let entity: Ref & { kind: string };
  let claimId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const articles = await api<{ items: { id: string; headline: string }[] }>('article.list');
    const first = articles.items[0];
    if (!first) throw new Error('the API serves no articles');
    articleId = first.id;
    headline = first.headline;
    const stats = await api<{ topSpeakers: { speaker: Ref }[] }>('stats');
    topSpeaker = stats.topSpeakers[1]?.speaker ?? (stats.topSpeakers[0]?.speaker as Ref);
    const entities = await api<{ items: (Ref & { kind: string })[] }>('entity.list', { limit: 1 });
    entity = entities.items[0] as Ref & { kind: string };
    const claims = await api<{ items: { id: string }[] }>('claim.list', {
      limit: 1,
      speakerId: topSpeaker.id,
    });
    claimId = (claims.items[0] as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (
    path: string,
    options?: Parameters<Browser['newPage']>[0],
  ): Promise<WatchedPage> => {
    const watched = await browser.newPage(options);
    const response = await watched.page.goto(`${env.webUrl}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status(), `${path} status`).toBe(200);
    return watched;
  };

  it('opens the seed article at / with its blocks, asides and attributed quotes', async () => {
    const { page, errors } = await open('/');
    // biome-ignore lint/performance/useDomNodeTextContent: the headline as read, without hidden claim numbers
    await expect(page.locator('h1').first().innerText()).resolves.toBe(headline);
    expect(await page.locator('.article__banner').count()).toBeGreaterThan(0);
    expect(await page.locator('aside.article__related').count()).toBeGreaterThan(0);
    expect(await page.locator('footer.article__footer').count()).toBeGreaterThan(0);
    expect(await page.locator('.article__dek').count()).toBe(1);
    const attribution = page.locator('.quote-attribution li').first();
    expect(await attribution.locator('a').first().getAttribute('href')).toMatch(/^\/entities\//);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('toggles entity and claim highlights, and keeps them in the URL', async () => {
    const { page } = await open(`/articles/${articleId}`);
    const article = page.getByTestId('article');
    await expect(article.getAttribute('class')).resolves.toContain('show-mentions');
    expect(await page.locator('a.hl-mention[href]').count()).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'Highlight entity mentions' }).click();
    await expect(article.getAttribute('class')).resolves.not.toContain('show-mentions');
    expect(await page.locator('a.hl-mention[href]').count()).toBe(0);
    expect(page.url()).toContain('mentions=off');
    await page.getByRole('button', { name: 'Highlight entity mentions' }).click();

    // Hiding one kind removes only its highlights.
    const kindButton = page.locator('.legend button').first();
    const before = await page.locator('a.hl-mention[href]').count();
    await kindButton.click();
    expect(await kindButton.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('a.hl-mention[href]').count()).toBeLessThan(before);
    expect(page.url()).toContain('hide=');
    await kindButton.click();

    expect(await page.locator('.hl-claim[data-shown]').count()).toBe(0);
    await page.getByRole('button', { name: 'Highlight claims' }).click();
    expect(await page.locator('.hl-claim[data-shown]').count()).toBeGreaterThan(5);
    expect(page.url()).toContain('claims=on');

    // By speaker: only that speaker's claims stay highlighted.
    await page.getByLabel('Speaker').selectOption(topSpeaker.id);
    const speakers = await page
      .locator('.hl-claim[data-shown]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-speaker')));
    expect(speakers.length).toBeGreaterThan(0);
    expect(new Set(speakers)).toEqual(new Set([topSpeaker.id]));
    expect(page.url()).toContain(`speaker=${topSpeaker.id}`);

    // Hover shows the claim card; keyboard focus on a claim number does too, and Escape closes it.
    await page.locator('.hl-claim[data-shown]').first().hover();
    await page.getByTestId('claim-card').waitFor();
    expect(await page.getByTestId('claim-card').textContent()).toContain(topSpeaker.name);
    await page.mouse.move(0, 0);
    await page.getByTestId('claim-card').waitFor({ state: 'detached' });
    const marker = page.locator('.claim-marker:not([hidden])').first();
    await marker.focus();
    await page.getByTestId('claim-card').waitFor();
    expect(await marker.getAttribute('aria-describedby')).toBe(
      await page.getByRole('tooltip').getAttribute('id'),
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('claim-card').waitFor({ state: 'detached' });
    await page
      .screenshot({ path: `${process.cwd()}/.artifacts/screenshots/reader-claims.png` })
      .catch(() => {});
    await page.close();
  });

  it('renders a shared reading view on the server, before any script runs', async () => {
    const html = await (
      await fetch(`${env.webUrl}/articles/${articleId}?mentions=off&claims=on`)
    ).text();
    const mentions = [...html.matchAll(/<a [^>]*class="hl-mention[^>]*>/g)].map((m) => m[0]);
    expect(mentions.length).toBeGreaterThan(10);
    expect(mentions.filter((tag) => tag.includes(' href='))).toEqual([]);
    expect(html).toMatch(/class="hl-claim"[^>]*data-shown=""/);
    const plain = await (await fetch(`${env.webUrl}/articles/${articleId}`)).text();
    expect(plain).not.toMatch(/data-shown=""/);
    expect(plain).toMatch(/<a [^>]*class="hl-mention[^>]*href="\/entities\//);
  });

  it('opens an entity from a highlight, and Back restores the reading view', async () => {
    const { page } = await open(`/articles/${articleId}?claims=on`);
    const mention = page.locator(`a.hl-mention[data-entity="${entity.id}"]`).first();
    await mention.hover();
    const card = page.getByTestId('entity-card');
    await card.waitFor();
    expect(await card.textContent()).toContain(entity.name);
    await card.getByRole('link').click();
    await page.waitForURL(`**/entities/${entity.id}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(entity.name);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === `/articles/${articleId}`);
    expect(page.url()).toContain('claims=on');
    await page.getByTestId('article').waitFor();
    expect(await page.locator('.hl-claim[data-shown]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('gives every mention a permanent link that scrolls to and marks it', async () => {
    const { page } = await open(`/entities/${entity.id}`);
    const link = page.locator('.mention-list a').nth(1);
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/articles/${articleId}#mention-`));
    await link.click();
    await page.waitForURL(`**${href}`);
    const id = decodeURIComponent((href as string).split('#')[1] as string);
    const target = page.locator(`[id="${id}"]`);
    await target.waitFor();
    await page.waitForFunction(
      (elementId) => document.getElementById(elementId)?.getAttribute('data-target') === 'true',
      id,
    );
    expect(await target.isVisible()).toBe(true);
    await page.close();
  });

  it('filters claims by speaker through the URL, and the filter form writes the URL', async () => {
    const { page } = await open(`/claims?speaker=${topSpeaker.id}`);
    const cards = page.locator('.claim-card');
    expect(await cards.count()).toBeGreaterThan(0);
    const speakers = await page.locator('.claim-card__attribution a:first-child').allTextContents();
    expect(new Set(speakers)).toEqual(new Set([topSpeaker.name]));
    expect(await page.getByTestId('chosen-speaker').textContent()).toContain(topSpeaker.name);

    await page.getByRole('checkbox', { name: /^Hedged/ }).check();
    await page.waitForURL(/modality=hedged/);
    expect(page.url()).toContain(`speaker=${topSpeaker.id}`);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.search === '');
    expect(
      Number((await page.getByTestId('claim-count').textContent())?.split(' ')[0]),
    ).toBeGreaterThan(speakers.length);
    await page.close();
  });

  it('finds a speaker by name instead of listing every entity, shows it by name and removes it', async () => {
    const { page } = await open('/claims');
    const word = topSpeaker.name.split(' ').at(-1) as string;
    await page.getByRole('searchbox', { name: 'Speaker' }).fill(word);
    await page.getByRole('button', { name: 'Find speaker' }).click();
    await page.waitForURL(/speakerName=/);
    const matches = page.getByRole('list', { name: /^Speaker: entities matching/ });
    await matches.getByRole('link', { name: topSpeaker.name }).click();
    await page.waitForURL(new RegExp(`speaker=${topSpeaker.id}`));
    expect(page.url()).not.toContain('speakerName');
    expect(await page.getByTestId('chosen-speaker').textContent()).toContain(topSpeaker.name);
    const speakers = await page.locator('.claim-card__attribution a:first-child').allTextContents();
    expect(new Set(speakers)).toEqual(new Set([topSpeaker.name]));
    await page.getByRole('link', { name: 'Remove the speaker filter' }).click();
    await page.waitForURL((url) => url.pathname === '/claims' && url.search === '');
    await page.close();
  });

  it('embeds the article as schema.org JSON-LD: a NewsArticle with mentions and quotations', async () => {
    const { page } = await open(`/articles/${articleId}`);
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0] as string) as {
      '@type': string;
      headline: string;
      mentions: unknown[];
      hasPart: { '@type': string; spokenByCharacter?: unknown; creator?: unknown }[];
    };
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(headline);
    expect(data.mentions.length).toBeGreaterThan(10);
    const quotes = data.hasPart.filter((part) => part['@type'] === 'Quotation');
    expect(quotes.length).toBeGreaterThan(5);
    // Who said them, where the writer can name a speaker (it leaves unnamed groups out).
    const attributed = quotes.filter((q) => q.spokenByCharacter ?? q.creator);
    expect(attributed.length).toBeGreaterThan(quotes.length / 2);
    await page.close();
  });

  it('offers downloads through the site: an article in every format, and exactly the filtered claims as CSV', async () => {
    const { page } = await open(`/articles/${articleId}`);
    await page.getByText('Download this article').click();
    const hrefs = await page
      .getByTestId('download-menu')
      .locator('a')
      .evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs).toContain(`/api/articles/${articleId}/export?format=brat`);
    for (const href of hrefs) {
      const response = await fetch(`${env.webUrl}${href}`);
      expect(response.status, href as string).toBe(200);
      expect(response.headers.get('content-disposition'), href as string).toMatch(/^attachment/);
      await response.arrayBuffer();
    }
    await page.close();
    const claims = await open(`/claims?speaker=${topSpeaker.id}&kind=direct_quote`);
    const shown = Number(
      (await claims.page.getByTestId('claim-count').textContent())?.split(' ')[0],
    );
    const csvHref = await claims.page
      .getByTestId('download-menu')
      .locator('a')
      .first()
      .getAttribute('href');
    expect(csvHref).toBe(`/api/claims/export?speaker=${topSpeaker.id}&kind=direct_quote`);
    const csv = await (await fetch(`${env.webUrl}${csvHref}`)).text();
    const ids = csv.match(/,[a-z0-9._:-]+\.claim-\d+,/g) ?? [];
    expect(ids).toHaveLength(shown);
    await claims.page.close();
  });

  it('filters claims by review status', async () => {
    const { page } = await open('/claims');
    const total = Number((await page.getByTestId('claim-count').textContent())?.split(' ')[0]);
    const reviewed = page.getByRole('checkbox', { name: /^Reviewed/ });
    await reviewed.check();
    await page.waitForURL(/review=reviewed/);
    await expect(page.getByTestId('claim-count').textContent()).resolves.toMatch(
      new RegExp(`^${total} claims match`),
    );
    await expect(reviewed.isChecked()).resolves.toBe(true);
    await page.close();
  });

  it('filters claims by kind, modality, channel and review without JavaScript, keeping the speaker', async () => {
    const plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await plain.newContext({ javaScriptEnabled: false });
      context.setDefaultTimeout(90_000);
      const page = await context.newPage();
      await page.goto(`${env.webUrl}/claims?speaker=${topSpeaker.id}`);
      await page.getByRole('checkbox', { name: /^Direct quote/ }).check();
      await page.getByRole('checkbox', { name: /^Asserted/ }).check();
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/kind=direct_quote/);
      const url = new URL(page.url());
      expect(url.searchParams.get('speaker')).toBe(topSpeaker.id);
      expect(url.searchParams.getAll('modality')).toEqual(['asserted']);
      const expected = await api<{ total: number }>('claim.list', {
        speakerId: topSpeaker.id,
        kind: ['direct_quote'],
        modality: ['asserted'],
      });
      await expect(page.getByTestId('claim-count').textContent()).resolves.toMatch(
        new RegExp(`^${expected.total} claims? match`),
      );
      await expect(page.getByRole('checkbox', { name: /^Direct quote/ }).isChecked()).resolves.toBe(
        true,
      );
    } finally {
      await plain.close();
    }
  });

  it('filters claims by outlet with counts beside the options, pages back and forth, and is honest about bad links', async () => {
    const toAp = await api<{ total: number }>('claim.list', { outletId: 'associated-press' });
    const { page } = await open('/claims?outlet=associated-press');
    await expect(page.getByTestId('claim-count').textContent()).resolves.toContain(
      `${toAp.total} ${toAp.total === 1 ? 'claim' : 'claims'} match`,
    );
    await expect(
      page.getByTestId('chosen-outlet').locator('a[href="/entities/associated-press"]').count(),
    ).resolves.toBe(1);
    await page.close();

    const all = await open('/claims');
    // Unfiltered, the kind options carry the corpus's counts.
    const kindButtons = await all.page.locator('fieldset label.check').allTextContents();
    expect(kindButtons.some((label) => /\d/.test(label))).toBe(true);
    await all.page.getByRole('link', { name: 'More claims →' }).click();
    await all.page.waitForURL(/cursor=/);
    await all.page.getByRole('link', { name: '← Previous claims' }).click();
    await all.page.waitForURL((url) => !url.search.includes('cursor='));
    await all.page.close();

    const garbage = await open('/claims?cursor=garbage');
    await expect(garbage.page.locator('section[role="alert"]').textContent()).resolves.toContain(
      'This page of the list does not exist',
    );
    await garbage.page.close();
    const nobody = await open('/claims?speaker=nobody');
    expect(await nobody.page.getByTestId('chosen-speaker').textContent()).toContain(
      'Unknown: “nobody”',
    );
    await expect(nobody.page.locator('p.status').first().textContent()).resolves.toContain(
      'No speaker “nobody”',
    );
    await nobody.page.close();
  });

  it('gives claims, entities and relations a permalink and a citation to copy', async () => {
    const article = await api<{ headline: string; publisher: { name: string } }>('article.get', {
      id: articleId,
    });
    const claim11 = `${articleId}.claim-11`;
    const { page } = await open(`/claims/${claim11}`);
    await page.locator('.cite-box summary').click();
    const citation = (await page.getByTestId('citation').textContent()) ?? '';
    expect(citation).toContain(`“${article.headline}”`);
    expect(citation).toContain(article.publisher.name);
    expect(citation).toMatch(/paragraph \d+/);
    expect(citation).toContain(`${env.webUrl}/claims/${claim11}`);
    await page.close();
    const entityPage = await open('/entities/matthew-levitt');
    expect(await entityPage.page.getByTestId('citation').first().textContent()).toContain(
      `${env.webUrl}/entities/matthew-levitt`,
    );
    await entityPage.page.close();
    const graph = await open('/graph');
    const row = graph.page.locator('tr[data-relation]').first();
    const id = await row.getAttribute('id');
    expect(await row.getByTestId('citation').textContent()).toContain(
      `/graph?article=${articleId}#${id}`,
    );
    expect(await row.locator('.relation-evidence').textContent()).toMatch(/“.+”/);
    await graph.page.close();
  });

  it('shows a claim with its quote in context, speaker, channel and links', async () => {
    const { page } = await open(`/claims/${claimId}`);
    expect(await page.locator('.context-paragraph mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.facts').textContent()).toContain(topSpeaker.name);
    expect(await page.locator('.facts dt').allTextContents()).toEqual(
      expect.arrayContaining(['Speaker', 'Channel', 'Modality', 'When']),
    );
    await page.close();
  });

  it('shows disagreements side by side with each speaker', async () => {
    const { page } = await open('/disagreements');
    const pairs = page.locator('.versus');
    expect(await pairs.count()).toBeGreaterThan(0);
    expect(await pairs.first().locator('.claim-card').count()).toBe(2);
    // The kind shows at a glance, and the author's own hedges sit apart from disputes.
    const kinds = await pairs.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['contradicts', 'qualifies']));
    const colours = await page
      .locator('.versus__link .link-badge')
      .evaluateAll((els) => new Set(els.map((el) => getComputedStyle(el).color)).size);
    expect(colours).toBe(2);
    expect(await page.locator('#own-words').count()).toBe(1);
    await page.close();
    const filtered = await open('/disagreements?kind=contradicts');
    const only = await filtered.page
      .locator('.versus')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(only.length).toBeGreaterThan(0);
    expect(new Set(only)).toEqual(new Set(['contradicts']));
    await filtered.page.close();
  });

  it('searches as you type, with highlighted snippets and the query in the URL', async () => {
    const { page } = await open('/search');
    await page.getByRole('searchbox').fill('Nusra');
    await page.waitForURL(/\/search\?q=Nusra/);
    await page.locator('.search-hit mark').first().waitFor();
    expect((await page.locator('.search-hit mark').first().textContent())?.toLowerCase()).toContain(
      'nusra',
    );
    expect(await page.locator('.results-section h2').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Entities'),
        expect.stringContaining('Paragraphs'),
      ]),
    );
    // A shared link renders its results on the server.
    const shared = await open('/search?q=truce');
    expect(await shared.page.locator('.search-hit').count()).toBeGreaterThan(0);
    await shared.page.close();
    // Words naming an outlet lead to the claims made to it, which a text search cannot find.
    const told = await open('/search?q=told%20the%20AP');
    await told.page
      .getByRole('link', { name: /Claims told to or through Associated Press/ })
      .click();
    await told.page.waitForURL(/\/claims\?outlet=associated-press/);
    expect(await told.page.locator('.claim-card').count()).toBeGreaterThan(0);
    await told.page.close();
    await page.close();
  });

  it('draws the relation graph; a node and a table row both open the entity', async () => {
    const { page } = await open('/graph');
    const node = page.locator('a.graph-node').first();
    await node.waitFor();
    expect(await page.locator('a.graph-node').count()).toBeGreaterThan(5);
    expect(await page.locator('.graph-edge').count()).toBeGreaterThan(5);
    const nodeEntity = await node.getAttribute('data-entity');
    await node.click();
    await page.waitForURL(`**/entities/${nodeEntity}`);
    await page.goBack();
    await page.waitForURL('**/graph');
    const rowLink = page.locator('table tbody tr td a').first();
    const href = await rowLink.getAttribute('href');
    await rowLink.click();
    await page.waitForURL(`**${href}`);
    await page.close();
  });

  it('filters the entities on the server as you type or tick, keeping the filters in the URL', async () => {
    const all = await api<{ total: number }>('entity.list', { limit: 1 });
    const { page, errors } = await open('/entities');
    expect(await page.getByTestId('entity-count').textContent()).toMatch(
      new RegExp(`^${all.total} entities( · showing 1–50)?$`),
    );
    await page.getByRole('searchbox', { name: 'Name, alias or description' }).fill('nusra');
    await page.waitForURL(/\/entities\?q=nusra/);
    await expect
      .poll(() => page.getByTestId('entity-count').textContent(), POLL)
      .toMatch(/^\d+ entit(y|ies) match these filters/);
    const names = await page.locator('.entity-list h2').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(all.total);
    await page.getByRole('checkbox', { name: /^Person/ }).check();
    await page.waitForURL(/kind=person/);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.pathname === '/entities' && url.search === '');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the first article’s graph by default, and an article’s and an entity’s graph from their pages', async () => {
    const byDefault = await open('/graph');
    expect(await byDefault.page.locator('#graph-scope-heading').textContent()).toBe(
      `Relations of the article ${headline}`,
    );
    const drawn = await byDefault.page.locator('.graph-edge').count();
    expect(drawn).toBeGreaterThan(5);
    // The whole article fits on one page: no pager, and the counts are exact.
    expect(
      await byDefault.page.getByRole('navigation', { name: 'Pages of relations' }).count(),
    ).toBe(0);
    await byDefault.page.close();

    const article = await open(`/articles/${articleId}`);
    await article.page.getByRole('link', { name: 'Relations graph of this article' }).click();
    await article.page.waitForURL(`**/graph?article=${articleId}`);
    expect(await article.page.locator('.graph-edge').count()).toBe(drawn);
    await article.page.close();

    const relations = await api<{ items: { subject: Ref }[] }>('relation.list', {
      articleId,
      limit: 1,
    });
    const subject = relations.items[0]?.subject as Ref;
    const entityPage = await open(`/entities/${subject.id}`);
    await entityPage.page.getByRole('link', { name: `Relations graph of ${subject.name}` }).click();
    await entityPage.page.waitForURL(`**/graph?entity=${subject.id}`);
    expect(await entityPage.page.locator('#graph-scope-heading').textContent()).toBe(
      `Relations with ${subject.name} on either side`,
    );
    const sides = await entityPage.page
      .locator('table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('td a[href^="/entities/"]')].map((a) => a.getAttribute('href')),
        ),
      );
    expect(sides.length).toBeGreaterThan(0);
    expect(sides.every((links) => links.includes(`/entities/${subject.id}`))).toBe(true);
    // The filters keep the scope.
    await entityPage.page.getByRole('checkbox').first().check();
    await entityPage.page.waitForURL(new RegExp(`entity=${subject.id}.*kind=`));
    await entityPage.page.close();
  });

  it('explains the graph with a legend, highlights a node’s neighbours, and filters and sorts', async () => {
    const { page } = await open('/graph');
    expect(await page.locator('.graph-legend').textContent()).toContain('relation in the past');
    // Every relation keeps its label on the drawing.
    expect(await page.locator('.graph-edge text').count()).toBe(
      await page.locator('.graph-edge').count(),
    );
    const node = page.locator('a.graph-node').first();
    await node.focus();
    const focused = await node.getAttribute('data-entity');
    await expect(page.locator('svg.graph-svg').getAttribute('data-focus')).resolves.toBe(focused);
    const near = await page.locator('.graph-edge[data-near]').count();
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(await page.locator('.graph-edge').count());
    await page.close();

    // Ticking a box sends the filter form at once.
    const ticking = await open('/graph');
    await ticking.page.getByRole('checkbox', { name: /^Person/ }).check();
    await ticking.page.waitForURL(/kind=person/);
    await ticking.page.close();

    const people = await open('/graph?kind=person');
    const kinds = await people.page
      .locator('a.graph-node')
      .evaluateAll((els) => els.map((el) => el.getAttribute('class')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k?.includes('kind--person'))).toBe(true);
    await people.page.close();

    const sorted = await open('/graph?sort=relation');
    const predicates = await sorted.page
      .locator('table tbody tr td:nth-child(2)')
      .allTextContents();
    expect(predicates).toEqual([...predicates].sort((a, b) => a.localeCompare(b)));
    expect(await sorted.page.locator('th[aria-sort="ascending"]').textContent()).toContain(
      'Relation',
    );
    await sorted.page.close();
  });

  it('lays the graph out with no two labels (nodes or relations) overlapping, and keeps it within a phone screen', async () => {
    const { page } = await open('/graph');
    await page.locator('a.graph-node').first().waitFor();
    await page.waitForTimeout(300);
    // Most relations keep their label on the drawing; every one is in the table.
    const drawnLabels = await page.locator('.graph-edge text').count();
    expect(drawnLabels).toBeGreaterThan((await page.locator('.graph-edge').count()) * 0.6);
    const boxes = await page.locator('a.graph-node rect, .graph-edge text').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
        ),
    );
    expect(overlaps).toEqual([]);
    await page.close();

    const phone = await open('/graph', { width: 375 });
    const canvas = await phone.page.getByTestId('graph').boundingBox();
    expect(canvas?.width).toBeLessThanOrEqual(375);
    const pageWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(375);
    await phone.page.close();
  });

  it('on a phone, folds the reader controls into one toolbar so the headline is on the first screen', async () => {
    const { page } = await open(`/articles/${articleId}`, { width: 375 });
    const headline = await page.locator('h1').first().boundingBox();
    expect(headline?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(450);
    const kinds = page.locator('.legend');
    expect(await kinds.isVisible()).toBe(false);
    const more = page.getByRole('button', { name: 'Kinds and speakers' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await kinds.isVisible()).toBe(true);
    expect(await page.getByLabel('Speaker').isVisible()).toBe(true);
    // The toggles themselves stay one tap away.
    await page.getByRole('button', { name: 'Highlight claims' }).click();
    expect(await page.locator('.hl-claim[data-shown]').count()).toBeGreaterThan(5);
    await page.close();
  });

  it('follows plain links in lists and in the text without reloading the page', async () => {
    const { page } = await open('/disagreements');
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    const speaker = page.locator('.claim-card__attribution a').first();
    const href = await speaker.getAttribute('href');
    await speaker.click();
    await page.waitForURL(`**${href}`);
    await page.locator('h1').waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    ).toBe(true);
    await page.close();
  });

  it('answers an unknown id with the 404 page', async () => {
    for (const path of [
      '/entities/no-such-entity',
      '/claims/no-such-claim',
      '/articles/no-such-article',
    ]) {
      const watched = await browser.newPage();
      const response = await watched.page.goto(`${env.webUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await watched.page.locator('h1').textContent()).toBe('Nothing here by that id');
      await watched.page.close();
    }
  });

  it('answers a malformed id with the 404 page, and leads a mis-cased or spaced id to its record', async () => {
    for (const path of ['/entities/%3F%3F', '/claims/no%20such%20claim!', '/articles/VICE']) {
      const watched = await browser.newPage();
      const response = await watched.page.goto(`${env.webUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await watched.page.locator('h1').textContent()).toBe('Nothing here by that id');
      await watched.page.close();
    }
    const levitt = await api<{ entity: Ref }>('entity.get', { id: 'matthew-levitt' });
    for (const path of ['/entities/MATTHEW-LEVITT', '/entities/Matthew%20Levitt']) {
      const { page } = await open(path);
      expect(new URL(page.url()).pathname).toBe('/entities/matthew-levitt');
      await expect(page.locator('h1').textContent()).resolves.toBe(levitt.entity.name);
      await page.close();
    }
  });

  it('numbers claims by their ids and paragraphs as a reader counts them', async () => {
    const { page } = await open(`/articles/${articleId}?claims=on`);
    const markers = await page
      .locator('a.claim-marker')
      .evaluateAll((links) =>
        links.map((a) => [a.textContent, a.getAttribute('href')] as [string, string]),
      );
    expect(markers.length).toBeGreaterThan(10);
    for (const [text, href] of markers) expect(href).toMatch(new RegExp(`claim-0*${text}$`));
    const paragraphs = await page
      .locator('[data-testid="article"] p.block:not([class*="article__"])')
      .count();
    const claim11 = `${articleId}.claim-11`;
    const detail = await api<{ blocks: { id: string; paragraph: number | null }[] }>('claim.get', {
      id: claim11,
    });
    const first = detail.blocks[0];
    expect(first?.paragraph).toBeLessThanOrEqual(paragraphs);
    await page.close();
    const claim = await open(`/claims/${claim11}`);
    await expect(
      claim.page.locator('.context-paragraph footer').first().textContent(),
    ).resolves.toBe(`Paragraph ${first?.paragraph} in the article`);
    await expect(claim.page.locator('.eyebrow').textContent()).resolves.toContain('claim 11');
    await claim.page.close();
  });

  it('keeps the hover card in view near the bottom of the window, and attributions without bullets', async () => {
    const { page } = await open(`/articles/${articleId}`);
    const bullets = await page
      .locator('ul.quote-attribution li')
      .evaluateAll((items) => items.map((li) => getComputedStyle(li).listStyleType));
    expect(bullets.length).toBeGreaterThan(0);
    expect(new Set(bullets)).toEqual(new Set(['none']));
    const mention = page.locator('a.hl-mention[href]').nth(40);
    // Put the mention 60 px above the window's bottom edge, then hover it.
    await mention.evaluate((el) => {
      const box = el.getBoundingClientRect();
      window.scrollBy(0, box.bottom - (window.innerHeight - 60));
    });
    await mention.hover();
    const card = page.getByRole('tooltip');
    await page.getByTestId('entity-card').waitFor();
    const box = await card.boundingBox();
    const mentionBox = await mention.boundingBox();
    expect(box && mentionBox).toBeTruthy();
    if (!box || !mentionBox) return;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.y + box.height).toBeLessThanOrEqual(mentionBox.y);
    await page.close();
  });

  it('lets the keyboard reach the highlight controls before the mention links', async () => {
    const { page } = await open(`/articles/${articleId}`);
    await page
      .locator('main')
      .focus()
      .catch(() => {});
    let presses = 0;
    for (; presses < 25; presses++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name.includes('Skip to the highlight controls')) break;
    }
    expect(presses).toBeLessThan(25);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain(
      'Highlight entity mentions',
    );
    await page.close();
  });

  it('on a phone, says the relation table scrolls sideways', async () => {
    const { page } = await open('/graph', { width: 375 });
    const hint = page.locator('.table-hint').first();
    expect(await hint.isVisible()).toBe(true);
    const region = page.locator('section.table-wrap').first();
    const [scrollWidth, clientWidth] = await region.evaluate((el) => [
      el.scrollWidth,
      el.clientWidth,
    ]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await region.getAttribute('tabindex')).toBe('0');
    await page.close();
  });

  it('sends security headers, and the pages raise no CSP violations or console errors', async () => {
    const response = await fetch(`${env.webUrl}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    for (const path of [
      '/',
      '/entities',
      '/claims',
      '/graph',
      '/search?q=truce',
      '/disagreements',
    ]) {
      const { page, errors } = await open(path);
      await page.waitForTimeout(300);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  const pageTypes = () => [
    ['article', `/articles/${articleId}`],
    ['article-claims', `/articles/${articleId}?claims=on`],
    ['entities', '/entities'],
    ['entity', `/entities/${entity.id}`],
    ['claims', `/claims?speaker=${topSpeaker.id}`],
    ['claim', `/claims/${claimId}`],
    ['disagreements', '/disagreements'],
    ['graph', '/graph'],
    ['search', '/search?q=truce'],
  ];

  it('has no serious or critical accessibility violations on any page type, in either theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [name, path] of pageTypes()) {
        const { page } = await open(path as string, { colorScheme });
        const violations = await seriousA11yViolations(page);
        expect(violations, `${name} (${colorScheme})`).toEqual([]);
        await page.close();
      }
    }
  });

  it('keeps first-load JavaScript within budget on every page type', async () => {
    // Compressed bytes. React and the Next runtime alone are ~140 KB; /search adds the tRPC client.
    const measured: Record<string, number> = {};
    for (const [name, path] of pageTypes()) {
      const { page } = await open(path as string);
      measured[name as string] = await javascriptBytes(page);
      await page.close();
    }
    console.info('first-load JS (compressed bytes):', measured);
    for (const [name, bytes] of Object.entries(measured)) expect(bytes, name).toBeLessThan(180_000);
  });

  it('serves its scripts with the compile hint that moves their compilation off the main thread', async () => {
    const html = await (await fetch(`${env.webUrl}/`)).text();
    const scripts = [...html.matchAll(/<script src="([^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(3);
    for (const src of scripts) {
      const source = await (await fetch(new URL(src, env.webUrl))).text();
      expect(source.startsWith('//# allFunctionsCalledOnLoad\n'), src).toBe(true);
    }
  });

  it('saves screenshots of each page type: light and dark, desktop and phone', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 375]) {
        for (const [name, path] of pageTypes()) {
          const { page } = await open(path as string, { colorScheme, width });
          await screenshot(page, `${name}-${colorScheme}-${width}`);
          await page.close();
        }
      }
    }
  });
});
