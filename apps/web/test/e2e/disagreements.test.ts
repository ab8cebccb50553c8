import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '@claimscope/corpus';
import { syntheticCorpus } from '@claimscope/corpus/synthetic';
import type { ArticleDocument } from '@claimscope/schema';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launchBrowser, screenshot, seriousA11yViolations } from './browser';
import { freePort, type Running, startApi, startWeb, stop } from './harness';

const env = inject('e2e');

/** Speakers of a link's two claims, by link id, from the documents the API serves. */
function linkSpeakers(documents: ArticleDocument[]) {
  const speakers = new Map<string, { from: string; to: string; articleId: string }>();
  for (const doc of documents) {
    const speaker = new Map(doc.claims.map((c) => [c.id, c.speakerId]));
    for (const link of doc.claimLinks)
      if (link.kind !== 'supports')
        speakers.set(link.id, {
          from: speaker.get(link.fromId) ?? '',
          to: speaker.get(link.toId) ?? '',
          articleId: doc.article.id,
        });
  }
  return speakers;
}

/**
 * The document with the author speaking both claims of each qualifying link (synthetic links join
 * an author's assertion and a quotation: the quotation becomes the author's), so that speakers
 * qualify their own words as often as sources dispute each other.
 */
function ownQualifications(doc: ArticleDocument): ArticleDocument {
  const claims = new Map(doc.claims.map((c) => [c.id, { ...c }]));
  for (const link of doc.claimLinks) {
    const from = claims.get(link.fromId);
    const to = claims.get(link.toId);
    if (link.kind !== 'qualifies' || !from || !to) continue;
    if (from.kind === 'author_assertion' && to.kind !== 'author_assertion')
      to.speakerId = from.speakerId;
    else if (to.kind === 'author_assertion' && from.kind !== 'author_assertion')
      from.speakerId = to.speakerId;
  }
  return { ...doc, claims: doc.claims.map((c) => claims.get(c.id) ?? c) };
}

/** The ids of the pairs a section shows. */
const pairIds = (page: Page, section: 'between-sources' | 'own-words') =>
  page
    .locator(`section[aria-labelledby="${section}"] .versus`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-link-id')));

describe.skipIf(!env.chromium)('the disagreements page of a corpus of many articles', () => {
  // The seed article and 60 synthetic ones, where a claim another qualifies is given the same
  // speaker (a speaker qualifying their own words): more links in each section than a page shows.
  const documents = [...loadCorpus(), ...[...syntheticCorpus(60)].map(ownQualifications)];
  const links = linkSpeakers(documents);
  const between = [...links].filter(([, l]) => l.from !== l.to).map(([id]) => id);
  const own = [...links].filter(([, l]) => l.from === l.to).map(([id]) => id);
  let dir: string;
  let api: Running;
  let web: Running;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimscope-disagreements-e2e-'));
    const file = join(dir, 'documents.json');
    writeFileSync(file, JSON.stringify(documents));
    api = await startApi(await freePort(), { CLAIMSCOPE_DOCUMENTS: file });
    web = await startWeb(await freePort(), `${api.url}/trpc`);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([web && stop(web), api && stop(api)]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages each section with plain links that keep the other section’s place, without JavaScript', async () => {
    expect(between.length).toBeGreaterThan(40);
    expect(own.length).toBeGreaterThan(20);
    const { page } = await browser.newPage();
    // No script runs: the links and the form are plain HTML.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${web.url}/disagreements`);
    expect(await page.getByTestId('disagreement-count').textContent()).toBe(
      `${between.length + own.length} links`,
    );
    expect(await page.locator('#between-sources').textContent()).toContain(`(${between.length})`);
    expect(await pairIds(page, 'between-sources')).toEqual(between.slice(0, 20));
    expect(await pairIds(page, 'own-words')).toEqual(own.slice(0, 20));

    // The second page of the speakers' own words...
    await page
      .locator('section[aria-labelledby="own-words"]')
      .getByRole('link', { name: /^Next \d+ →$/ })
      .click();
    await page.waitForURL(/own=/);
    expect(await pairIds(page, 'own-words')).toEqual(own.slice(20, 40));
    // ...stays while the other section moves on, twice.
    for (const start of [20, 40]) {
      await page
        .locator('section[aria-labelledby="between-sources"]')
        .getByRole('link', { name: /^Next \d+ →$/ })
        .click();
      await page.waitForURL(/between=/);
      expect(await pairIds(page, 'between-sources')).toEqual(between.slice(start, start + 20));
      expect(await pairIds(page, 'own-words')).toEqual(own.slice(20, 40));
    }
    // Back one page, then to the first, of one section only.
    const betweenSection = page.locator('section[aria-labelledby="between-sources"]');
    await betweenSection.locator('nav.pager').scrollIntoViewIfNeeded();
    await screenshot(page, 'disagreements-paged');
    expect(await betweenSection.textContent()).toContain(
      `41–${Math.min(60, between.length)} of ${between.length}`,
    );
    await betweenSection.getByRole('link', { name: '← Previous 20' }).click();
    await page.waitForURL(/between=.*betweenBack=(&|#|$)/);
    expect(await pairIds(page, 'between-sources')).toEqual(between.slice(20, 40));
    expect(await pairIds(page, 'own-words')).toEqual(own.slice(20, 40));
    await betweenSection.getByRole('link', { name: '← Previous 20' }).click();
    await page.waitForURL((url) => !url.search.includes('between='));
    expect(await pairIds(page, 'between-sources')).toEqual(between.slice(0, 20));
    expect(await pairIds(page, 'own-words')).toEqual(own.slice(20, 40));
    await page.close();
  });

  it('leads from an article to its disagreements, whose speaker select offers that article’s speakers', async () => {
    const articleId = 'syn-000003';
    const inArticle = [...links].filter(([, l]) => l.articleId === articleId);
    expect(inArticle.length).toBeGreaterThan(0);
    const { page } = await browser.newPage();
    await page.goto(`${web.url}/articles/${articleId}`);
    await page.getByRole('link', { name: /Disagreements in this article/ }).click();
    await page.waitForURL(/\/disagreements\?article=syn-000003/);
    expect(await page.getByTestId('disagreement-count').textContent()).toBe(
      `${inArticle.length} ${inArticle.length === 1 ? 'link' : 'links'} match these filters`,
    );
    const doc = documents.find((d) => d.article.id === articleId) as ArticleDocument;
    const options = await page
      .getByLabel('Speaker in this article, on either side')
      .locator('option')
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(new Set(options)).toEqual(new Set(['', ...doc.claims.map((c) => c.speakerId)]));
    // Choosing one of them filters on the server and keeps the article.
    const [id, link] = inArticle[0] as [string, { from: string }];
    await page.getByLabel('Speaker in this article, on either side').selectOption(link.from);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(new RegExp(`article=${articleId}.*speaker=${link.from}`));
    const shown = [
      ...(await pairIds(page, 'between-sources')),
      ...(await pairIds(page, 'own-words')),
    ];
    expect(shown).toContain(id);
    expect(
      shown.every((shownId) => {
        const l = links.get(shownId ?? '');
        return l?.articleId === articleId && (l.from === link.from || l.to === link.from);
      }),
    ).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('leads from an entity to the disagreements involving it, a filter shown by name that can be removed', async () => {
    const [, first] = [...links][0] as [string, { from: string }];
    const speakerId = first.from;
    const involving = [...links].filter(([, l]) => l.from === speakerId || l.to === speakerId);
    const { page } = await browser.newPage();
    await page.goto(`${web.url}/entities/${speakerId}`);
    const name = (await page.locator('h1').textContent())?.trim() ?? '';
    await page.getByRole('link', { name: `Disagreements involving ${name}` }).click();
    await page.waitForURL(new RegExp(`/disagreements\\?speaker=${speakerId}`));
    const chosen = page.getByRole('list', { name: 'Chosen filters' });
    expect(await chosen.textContent()).toContain(`Involving ${name}`);
    expect(await page.getByTestId('disagreement-count').textContent()).toMatch(
      new RegExp(`^${involving.length} links? match these filters$`),
    );
    // Corpus-wide, the form lists no speakers: it keeps the chosen one while the kind changes.
    expect(await page.locator('select[name="speaker"]').count()).toBe(0);
    await page.getByLabel('Kind').selectOption('contradicts');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/kind=contradicts/);
    expect(page.url()).toContain(`speaker=${speakerId}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await chosen.getByRole('link', { name: /remove/ }).click();
    await page.waitForURL((url) => !url.search.includes('speaker='));
    expect(page.url()).toContain('kind=contradicts');
    await page.close();
  });

  it('says when a section’s page is not one this site made, and where to start again', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${web.url}/disagreements?own=not-a-cursor`);
    const section = page.locator('section[aria-labelledby="own-words"]');
    expect(await section.getByRole('alert').textContent()).toContain(
      'This page of the list does not exist',
    );
    expect(await pairIds(page, 'between-sources')).toEqual(between.slice(0, 20));
    await section.getByRole('link', { name: 'Start from the first page' }).click();
    await page.waitForURL((url) => !url.search.includes('own='));
    expect(await pairIds(page, 'own-words')).toEqual(own.slice(0, 20));
    await page.close();
  });
});
