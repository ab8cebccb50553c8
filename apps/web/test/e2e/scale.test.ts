import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launchBrowser, screenshot, type WatchedPage } from './browser';
import { freePort, POLL, type Running, SERVER_DIR, startApi, startWeb, stop } from './harness';

/**
 * The pages that list the corpus, against more than one page of everything: 300 synthetic
 * articles (~500 entities, ~3,000 relations, an organisation in ~65 of them) imported through the
 * server's own CLI into a private data folder.
 */
const ARTICLES = 300;

const env = inject('e2e');

function importSyntheticCorpus(dataDir: string): void {
  const documents = mkdtempSync(join(tmpdir(), 'claimscope-web-scale-docs-'));
  try {
    writeFileSync(join(documents, 'corpus.json'), JSON.stringify([...syntheticCorpus(ARTICLES)]));
    const dist = join(SERVER_DIR, 'dist', 'cli.js');
    const [command, args] = existsSync(dist)
      ? [process.execPath, [dist]]
      : [join(SERVER_DIR, 'node_modules', '.bin', 'tsx'), [join(SERVER_DIR, 'src', 'cli.ts')]];
    const run = spawnSync(command, [...args, 'import', documents, '--data-dir', dataDir], {
      cwd: SERVER_DIR,
      encoding: 'utf8',
      env: { ...process.env, CLAIMSCOPE_DATABASE_URL: '' },
    });
    if (run.status !== 0) throw new Error(`import failed:\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(documents, { recursive: true, force: true });
  }
}

describe.skipIf(!env.chromium)(`the site with ${ARTICLES} synthetic articles`, () => {
  let dataDir: string;
  let api: Running | undefined;
  let web: Running | undefined;
  let browser: Browser;

  async function call<T>(procedure: string, input?: unknown): Promise<T> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await fetch(`${api?.url}/trpc/${procedure}${query}`);
    return ((await response.json()) as { result: { data: T } }).result.data;
  }

  const open = async (path: string): Promise<WatchedPage> => {
    const watched = await browser.newPage();
    const response = await watched.page.goto(`${web?.url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status(), `${path} status`).toBe(200);
    return watched;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'claimscope-web-scale-'));
    importSyntheticCorpus(dataDir);
    api = await startApi(await freePort(), { CLAIMSCOPE_DATA_DIR: dataDir });
    web = await startWeb(await freePort(), `${api.url}/trpc`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(web), stop(api)]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('draws one entity’s relations a page at a time, saying which of how many, with links that work without script', async () => {
    const organisations = await call<{ items: { id: string; name: string }[] }>('entity.list', {
      kind: 'organization',
      limit: 100,
    });
    const totals = await Promise.all(
      organisations.items.map(async (e) => ({
        ...e,
        total: (await call<{ total: number }>('relation.list', { entityId: e.id, limit: 1 })).total,
      })),
    );
    const busiest = totals.sort((a, b) => b.total - a.total)[0];
    if (!busiest || busiest.total <= 50) throw new Error('no entity has two pages of relations');

    const entityPage = await open(`/entities/${busiest.id}`);
    await entityPage.page.getByRole('link', { name: `Relations graph of ${busiest.name}` }).click();
    await entityPage.page.waitForURL(`**/graph?entity=${busiest.id}`);
    await entityPage.page.close();

    const { page, errors } = await open(`/graph?entity=${busiest.id}`);
    await page.locator('a.graph-node').first().waitFor();
    expect(await page.getByTestId('graph-extent').textContent()).toContain(
      `relations 1–50 of ${busiest.total.toLocaleString('en')}`,
    );
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await page.locator('.graph-edge').count()).toBe(50);
    // Every row has the entity on one side.
    const sides = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td a[href^="/entities/"]')].map((a) => a.getAttribute('href')),
      ),
    );
    expect(sides.every((links) => links.includes(`/entities/${busiest.id}`))).toBe(true);
    const firstPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.id));
    await screenshot(page, 'scale-graph-entity');

    // Next and previous are plain links: they work with script off.
    const noScript = await browser.newPage();
    // No script of the site's loads: the links must work as plain HTML.
    await noScript.page.route('**/_next/static/**/*.js', (route) => route.abort());
    await noScript.page.goto(`${web?.url}/graph?entity=${busiest.id}`);
    await noScript.page.getByRole('link', { name: /^Next/ }).click();
    await noScript.page.waitForURL(/cursor=/);
    expect(await noScript.page.getByTestId('graph-extent').textContent()).toContain(
      `relations 51–${Math.min(100, busiest.total)} of ${busiest.total.toLocaleString('en')}`,
    );
    const secondPage = await noScript.page
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.id));
    expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
    await noScript.page.getByRole('link', { name: /Previous/ }).click();
    await noScript.page.waitForURL((url) => !url.search.includes('cursor='));
    expect(
      await noScript.page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.id)),
    ).toEqual(firstPage);
    await noScript.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows one article’s graph by default, never the whole corpus, and offers other scopes', async () => {
    const stats = await call<{ relations: { total: number } }>('stats');
    expect(stats.relations.total).toBeGreaterThan(1000);
    const { page } = await open('/graph');
    const heading = await page.locator('#graph-scope-heading').textContent();
    expect(heading).toMatch(/^Relations of the article /);
    expect(await page.locator('table tbody tr').count()).toBeLessThanOrEqual(50);
    const suggestion = page
      .getByRole('navigation', { name: /most named/ })
      .locator('a')
      .first();
    const name = (await suggestion.textContent()) ?? '';
    await suggestion.click();
    await page.waitForURL(/\/graph\?entity=/);
    expect(await page.locator('#graph-scope-heading').textContent()).toBe(
      `Relations with ${name} on either side`,
    );
    await page.close();
  });

  it('lists the articles 50 at a time on the home page and under /articles, with pages that work without script', async () => {
    const all = await call<{ total: number; items: { headline: string }[] }>('article.list', {
      limit: 100,
    });
    // The synthetic articles and the seed article the server starts with.
    expect(all.total).toBeGreaterThanOrEqual(ARTICLES);
    const counted = `${all.total} annotated articles`;
    const { page, errors } = await open('/');
    expect(await page.getByTestId('article-count').textContent()).toBe(`${counted} · showing 1–50`);
    expect(await page.locator('.card-list > li').count()).toBe(50);
    await screenshot(page, 'scale-articles');
    await page.getByRole('navigation', { name: 'Pages of articles' }).getByRole('link').click();
    await page.waitForURL(/\/articles\?cursor=/);
    expect(await page.getByTestId('article-count').textContent()).toBe(
      `${counted} · showing 51–100`,
    );
    // The second page holds the API's next 50, in its order.
    expect(await page.locator('.card-list h2').allTextContents()).toEqual(
      all.items.slice(50, 100).map((a) => a.headline),
    );
    expect(errors).toEqual([]);
    await page.close();

    const noScript = await browser.newPage();
    await noScript.page.route('**/_next/static/**/*.js', (route) => route.abort());
    await noScript.page.goto(`${web?.url}/articles`);
    const pager = noScript.page.getByRole('navigation', { name: 'Pages of articles' });
    const count = () => noScript.page.getByTestId('article-count').textContent();
    await pager.getByRole('link', { name: 'Next 50 →' }).click();
    await expect.poll(count, POLL).toBe(`${counted} · showing 51–100`);
    await pager.getByRole('link', { name: 'Next 50 →' }).click();
    await expect.poll(count, POLL).toBe(`${counted} · showing 101–150`);
    await pager.getByRole('link', { name: '← Previous 50' }).click();
    await expect.poll(count, POLL).toBe(`${counted} · showing 51–100`);
    expect(await noScript.page.locator('.card-list h2').allTextContents()).toEqual(
      all.items.slice(50, 100).map((a) => a.headline),
    );
    await noScript.page.close();
  });

  it('orders the articles as chosen, keeping the order across pages, with and without script', async () => {
    type Headlines = { items: { headline: string }[] };
    const added = await call<Headlines>('article.list', { limit: 100 });
    const newest = await call<Headlines>('article.list', { sort: 'newest', limit: 100 });
    const headlines = (list: Headlines) => list.items.map((a) => a.headline);
    expect(headlines(newest).slice(0, 50)).not.toEqual(headlines(added).slice(0, 50));
    const { page, errors } = await open('/articles');
    const order = page.getByRole('combobox', { name: 'Order' });
    expect(await order.inputValue()).toBe('added');
    // Choosing an order sends the form at once.
    await order.selectOption({ label: 'Newest published' });
    await page.waitForURL(/\/articles\?.*sort=newest/);
    await expect
      .poll(() => page.locator('.card-list h2').allTextContents(), POLL)
      .toEqual(headlines(newest).slice(0, 50));
    await page
      .getByRole('navigation', { name: 'Pages of articles' })
      .getByRole('link', { name: /^Next/ })
      .click();
    await page.waitForURL(/sort=newest.*cursor=|cursor=.*sort=newest/);
    await expect
      .poll(() => page.locator('.card-list h2').allTextContents(), POLL)
      .toEqual(headlines(newest).slice(50, 100));
    expect(await page.getByRole('combobox', { name: 'Order' }).inputValue()).toBe('newest');
    expect(errors).toEqual([]);
    await page.close();

    const claims = await call<Headlines>('article.list', { sort: 'claims', limit: 50 });
    const noScript = await browser.newPage();
    await noScript.page.route('**/_next/static/**/*.js', (route) => route.abort());
    await noScript.page.goto(`${web?.url}/articles`);
    await noScript.page.getByRole('combobox', { name: 'Order' }).selectOption('claims');
    await noScript.page.getByRole('button', { name: 'Find' }).click();
    await noScript.page.waitForURL(/sort=claims/);
    expect(await noScript.page.locator('.card-list h2').allTextContents()).toEqual(
      headlines(claims),
    );
    await noScript.page.close();
  });

  it('finds articles by the words of their headline, dek or id, and pages the matches', async () => {
    // Ids run syn-000001, syn-000002 …: "syn-0001" is in syn-000100 to syn-000199.
    const matching = await call<{ total: number; items: { id: string }[] }>('article.list', {
      text: 'SYN-0001',
      limit: 100,
    });
    expect(matching.total).toBeGreaterThan(50);
    const { page, errors } = await open('/');
    await page
      .getByRole('searchbox', { name: 'Words in the headline, dek or id' })
      .fill('SYN-0001');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/\/articles\?q=SYN-0001/);
    const count = () => page.getByTestId('article-count').textContent();
    await expect
      .poll(count, POLL)
      .toBe(`${matching.total} articles match “SYN-0001” · showing 1–50`);
    await page
      .getByRole('navigation', { name: 'Pages of articles' })
      .getByRole('link', { name: /^Next/ })
      .click();
    await page.waitForURL(/q=SYN-0001.*cursor=/);
    await expect
      .poll(count, POLL)
      .toBe(
        `${matching.total} articles match “SYN-0001” · showing 51–${Math.min(100, matching.total)}`,
      );
    const hrefs = await page
      .locator('.card-list h2 a')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect(hrefs).toEqual(matching.items.slice(50, 100).map((a) => `/articles/${a.id}`));
    // Nothing matches: say so, and offer a search of the text.
    await page.goto(`${web?.url}/articles?q=${encodeURIComponent('no such words anywhere')}`);
    await expect.poll(count, POLL).toBe('0 articles match “no such words anywhere”');
    await page.getByRole('link', { name: 'Search their text and claims' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the entities 50 at a time, counting them all, with pages and filters that work without script', async () => {
    const all = await call<{ total: number }>('entity.list', { limit: 1 });
    expect(all.total).toBeGreaterThan(100);
    const { page } = await open('/entities');
    expect(await page.getByTestId('entity-count').textContent()).toBe(
      `${all.total.toLocaleString('en')} entities · showing 1–50`,
    );
    expect(await page.locator('.entity-list > li').count()).toBe(50);
    await screenshot(page, 'scale-entities');
    await page.close();

    const noScript = await browser.newPage();
    await noScript.page.route('**/_next/static/**/*.js', (route) => route.abort());
    await noScript.page.goto(`${web?.url}/entities`);
    const firstPage = await noScript.page.locator('.entity-list h2').allTextContents();
    await noScript.page.getByRole('link', { name: /^Next/ }).click();
    await noScript.page.waitForURL(/cursor=/);
    expect(await noScript.page.getByTestId('entity-count').textContent()).toBe(
      `${all.total.toLocaleString('en')} entities · showing 51–100`,
    );
    const secondPage = await noScript.page.locator('.entity-list h2').allTextContents();
    expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
    // The form is a plain GET form: tick a kind, press Apply.
    await noScript.page.getByRole('checkbox', { name: /^Place/ }).check();
    await noScript.page.getByRole('button', { name: 'Apply' }).click();
    await noScript.page.waitForURL(/kind=place/);
    const places = await call<{ total: number }>('entity.list', { kind: 'place', limit: 1 });
    expect(await noScript.page.getByTestId('entity-count').textContent()).toMatch(
      new RegExp(`^${places.total.toLocaleString('en')} entit(y|ies) match these filters`),
    );
    const kinds = await noScript.page.locator('.entity-list .meta .kind').allTextContents();
    expect(kinds.every((kind) => kind === 'Place')).toBe(true);
    await noScript.page.close();
  });

  it('filters claims by a speaker found by name, without script and without listing every entity', async () => {
    const stats = await call<{ topSpeakers: { speaker: { id: string; name: string } }[] }>('stats');
    const speaker = stats.topSpeakers.find((s) => s.speaker.id.startsWith('syn-person'))?.speaker;
    if (!speaker) throw new Error('no named speaker');
    const noScript = await browser.newPage();
    await noScript.page.route('**/_next/static/**/*.js', (route) => route.abort());
    await noScript.page.goto(`${web?.url}/claims`);
    // No menu of every entity: the page is small however many there are.
    expect(await noScript.page.locator('select option').count()).toBe(0);
    await noScript.page.getByRole('searchbox', { name: 'Speaker' }).fill(speaker.name);
    await noScript.page.getByRole('button', { name: 'Find speaker' }).click();
    await noScript.page.waitForURL(/speakerName=/);
    await noScript.page.getByRole('link', { name: speaker.name, exact: true }).first().click();
    await noScript.page.waitForURL(new RegExp(`speaker=${speaker.id}`));
    const claims = await call<{ total: number }>('claim.list', { speakerId: speaker.id, limit: 1 });
    expect(await noScript.page.getByTestId('claim-count').textContent()).toMatch(
      new RegExp(`^${claims.total.toLocaleString('en')} claims match`),
    );
    await screenshot(noScript.page, 'scale-claims-speaker');
    await noScript.page.close();
  });
});
