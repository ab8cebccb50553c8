import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, seriousA11yViolations } from './browser';
import { POLL, type Running } from './harness';
import { type ReviewStack, selectWords, startReviewStack } from './review-helpers';

/*
 * Reviewing an article in Chromium: an editor signs in, pastes an article written for this test,
 * reviews it by keyboard (accepts, edits a speaker, rejects, adds a missed quote), reloads in the
 * middle and finds every decision kept, and publishes; the reviewed version is in the reader and
 * the API, and a second editor's stale publish is refused. Its own API (a fresh data folder with
 * two editors made by the command line) and Next server, so the other suites' corpus is untouched.
 */

const env = inject('e2e');
/** How long a change may take to show on a busy machine: a bound on hangs, not a speed test. */

const ARTICLE = `Harbour council delays ferry vote

The Millbrook harbour council postponed its vote on the new ferry route on Tuesday.

"We need another month to read the safety report," said Dana Whitlock, the council's chair.

Local fisherman Tom Reyes said the delay would cost the town its summer season.

The council's engineer, Priya Nair, told reporters that the report was "clear and complete".

For the islanders the route is, in the words of the campaign's leaflet, "a lifeline for the island".
`;
const ARTICLE_ID = 'harbour-council-delays-ferry-vote';
const PASSWORDS = {
  ada: randomBytes(12).toString('base64url'),
  bo: randomBytes(12).toString('base64url'),
};

describe.skipIf(!env.chromium)('reviewing an article in the browser', () => {
  let stack: ReviewStack | undefined;
  let api: Running | undefined;
  let web: Running | undefined;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startReviewStack(PASSWORDS);
    ({ api, web, browser } = stack);
  });
  afterAll(() => stack?.close());

  /** A call through the site's /trpc door, as a page of the site makes it. */
  const callSite = async (procedure: string, input: unknown, cookie = '') => {
    const response = await fetch(`${web?.url}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: web?.url ?? '', cookie },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as {
      result?: { data: unknown };
      error?: { message: string };
    };
    return { status: response.status, body, setCookie: response.headers.get('set-cookie') ?? '' };
  };

  it('signs in, pastes, reviews by keyboard, survives a reload, publishes; a stale publish is refused', async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(`${web?.url}/sign-in`);
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill(PASSWORDS.ada);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/review');
    await page.getByText('Signed in as').waitFor();
    await page.getByRole('link', { name: 'New article' }).click();
    await page.waitForURL('**/review/new');
    await page.getByLabel(/Article text/).fill(ARTICLE);
    await page.getByRole('button', { name: 'Extract and review' }).click();
    await page.waitForURL(/\/review\/draft-[0-9a-f]{16}$/);
    const draftUrl = page.url();
    const progress = page.locator('.review__progress span');
    await expect.poll(() => progress.textContent(), POLL).toMatch(/^0 of \d+ reviewed$/);
    const total = Number((await progress.textContent())?.split(' ')[2]);

    // bo opens a draft of the same article now, before ada publishes.
    const bo = await callSite('session.signIn', { username: 'bo', password: PASSWORDS.bo });
    expect(bo.status).toBe(200);
    const boCookie = bo.setCookie.split(';')[0] ?? '';
    const boDraft = await callSite('draft.create', { format: 'text', content: ARTICLE }, boCookie);
    expect(boDraft.status).toBe(200);

    // The queue in reading order starts at Dana Whitlock's quote.
    const current = page.locator('.review-item[aria-current="true"]');
    await expect(current.textContent()).resolves.toContain('Dana Whitlock');
    await page.keyboard.press('a'); // accept the quote
    await expect.poll(() => progress.textContent(), POLL).toBe(`1 of ${total} reviewed`);
    await page.keyboard.press('a'); // accept the mention "Dana Whitlock"
    await expect.poll(() => progress.textContent(), POLL).toBe(`2 of ${total} reviewed`);
    // On to Tom Reyes's claim: move with j until it is current.
    for (let i = 0; i < 10; i++) {
      if ((await current.textContent())?.startsWith('Tom Reyes:')) break;
      await page.keyboard.press('j');
    }
    await expect.poll(() => current.textContent(), POLL).toMatch(/^Tom Reyes:/);
    await page.keyboard.press('e');
    await page.locator('#edit-speaker').selectOption({ label: 'Priya Nair' });
    await page.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => progress.textContent(), POLL).toBe(`3 of ${total} reviewed`);
    await expect
      .poll(() => current.locator('.review-item__select').textContent(), POLL)
      .toMatch(/^Priya Nair:[\s\S]*· edited$/);

    // A reload in the middle keeps every decision.
    await page.reload();
    await expect.poll(() => progress.textContent(), POLL).toBe(`3 of ${total} reviewed`);
    expect(await page.locator('.review-item--accepted').count()).toBe(2);
    expect(await page.locator('.review-item--edited').count()).toBe(1);

    // Reject Priya Nair's reported claim: pick it by mouse, reject by key.
    await page.locator('.review-item__select', { hasText: 'told reporters' }).click();
    await page.locator('body').focus();
    await page.keyboard.press('x');
    await expect.poll(() => progress.textContent(), POLL).toBe(`4 of ${total} reviewed`);
    expect(await page.locator('.review-item--rejected').count()).toBe(1);

    // Fix a mention's span by selecting the words: "fisherman Tom Reyes".
    await page.locator('.review-item__select', { hasText: 'Mention “Tom Reyes”' }).click();
    await page.keyboard.press('e');
    await selectWords(page, 'fisherman Tom Reyes');
    await page.getByRole('button', { name: 'Use selected words as the span' }).click();
    await page.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => progress.textContent(), POLL).toBe(`5 of ${total} reviewed`);
    expect(await page.locator('.review-item--edited').count()).toBe(2);

    // Add the missed quote by selecting its words in the text.
    await selectWords(page, 'a lifeline for the island');
    await page.locator('#add-speaker').selectOption({ label: 'Dana Whitlock' });
    await page.getByRole('button', { name: 'Add quote from selection' }).click();
    await expect.poll(() => progress.textContent(), POLL).toBe(`6 of ${total + 1} reviewed`);

    // And a missed mention: "the council's chair" names Dana Whitlock.
    await selectWords(page, "the council's chair");
    await page.locator('#add-speaker').selectOption({ label: 'Dana Whitlock' });
    await page.getByRole('button', { name: 'Add mention from selection' }).click();
    await expect.poll(() => progress.textContent(), POLL).toBe(`7 of ${total + 2} reviewed`);

    // The review screen and the other new pages pass axe.
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published as version 1.').waitFor();
    expect(page.url()).toBe(draftUrl);

    // The reviewed version is what the API serves.
    const exported = (await (
      await fetch(
        `${api?.url}/trpc/article.export?input=${encodeURIComponent(JSON.stringify({ id: ARTICLE_ID }))}`,
      )
    ).json()) as {
      result: {
        data: {
          claims: {
            speakerId: string;
            statement: string;
            content: { quote: { exact: string } }[];
            provenance: { review: { status: string; by?: string; note?: string } };
          }[];
        };
      };
    };
    const claims = exported.result.data.claims;
    expect(
      claims.map((c) => [
        c.speakerId,
        c.provenance.review.status,
        c.provenance.review.note?.split(' ')[0],
      ]),
    ).toEqual([
      ['dana-whitlock', 'reviewed', 'accepted'],
      ['priya-nair', 'reviewed', 'edited'],
      ['dana-whitlock', 'reviewed', 'added'],
    ]);
    expect(claims.some((c) => c.content[0]?.quote.exact.includes('clear and complete'))).toBe(
      false,
    );

    // ...and what the reader shows.
    await page.goto(`${web?.url}/articles/${ARTICLE_ID}`);
    await expect(page.locator('h1').first().textContent()).resolves.toContain(
      'Harbour council delays ferry vote',
    );
    await expect(page.locator('body').textContent()).resolves.toContain(
      'a lifeline for the island',
    );

    // bo's draft was opened before the article existed: publishing it is refused, saying why.
    const boData = boDraft.body.result?.data as { id: string };
    const stale = await callSite('draft.publish', { draftId: boData.id }, boCookie);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toContain(
      'was published as version 1 since this draft was opened',
    );

    // A second reviewed version through the API, then the history page shows both and the diff.
    const ada = await callSite('session.signIn', { username: 'ada', password: PASSWORDS.ada });
    const adaCookie = ada.setCookie.split(';')[0] ?? '';
    const second = (await callSite('draft.create', { format: 'text', content: ARTICLE }, adaCookie))
      .body.result?.data as {
      id: string;
      baseVersion: number;
      document: { claims: { id: string; statement: string }[] };
    };
    expect(second.baseVersion).toBe(1);
    const dropped = second.document.claims.find((c) => c.statement.includes('summer season'));
    expect(dropped).toBeDefined();
    const rejected = await callSite(
      'draft.decide',
      { draftId: second.id, collection: 'claims', id: dropped?.id, action: 'reject' },
      adaCookie,
    );
    expect(rejected.status).toBe(200);
    expect((await callSite('draft.publish', { draftId: second.id }, adaCookie)).status).toBe(200);
    await page.goto(`${web?.url}/articles/${ARTICLE_ID}/history?from=1&to=2`, {
      waitUntil: 'networkidle',
    });
    const history = await page.locator('main').textContent();
    expect(history).toContain('2 (current)');
    expect(history).toMatch(/Reviewed by[\s\S]*ada/);
    expect(history).toContain('Changes from version 1 to 2');
    // The rejected claim is kept with version 2 for its history, and named as rejected, by whom.
    const changes = await page.locator('main li').allTextContents();
    expect(changes.filter((change) => change.includes('summer season'))).toEqual([
      expect.stringMatching(/^Rejected in review: .*\(by ada\)$/),
    ]);
    // Each version names who published it and when, and how many annotations its review rejected.
    const cells = await page
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)),
      );
    expect(cells).toEqual([
      ['1', expect.stringMatching(/^by ada\d{4}-\d\d-\d\d \d\d:\d\d$/), 'ada', '1'],
      // Version 2's review only rejected: no published annotation names a reviewer.
      ['2 (current)', expect.stringMatching(/^by ada\d{4}-\d\d-\d\d \d\d:\d\d$/), '—', '1'],
    ]);
    // Version 1's rejected claim is listed on its own.
    await page.goto(`${web?.url}/articles/${ARTICLE_ID}/history?from=1&to=1`, {
      waitUntil: 'networkidle',
    });
    await page.getByRole('heading', { name: 'Rejected in the review of version 1' }).waitFor();
    expect(await page.locator('main li').allTextContents()).toEqual([
      expect.stringMatching(/^Claims: .*report.* \(by ada\)$/),
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the sign-in, Review, New article and history pages pass axe in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await browser.newPage({ colorScheme });
      for (const path of [
        '/sign-in',
        '/review',
        '/review/new',
        `/articles/${ARTICLE_ID}/history`,
      ]) {
        await page.goto(`${web?.url}${path}`, { waitUntil: 'networkidle' });
        expect(await seriousA11yViolations(page), `${path} (${colorScheme})`).toEqual([]);
      }
      await page.close();
    }
  });

  it('works at phone width (375 px): nothing scrolls sideways, every control is on screen, and a draft passes axe in both themes', async () => {
    const WIDTH = 375;
    const { page, errors } = await browser.newPage({ width: WIDTH });
    const fitsWidth = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    /** Scrolled to, the control lies wholly inside the phone's width. */
    const onScreen = async (name: string, locator: ReturnType<Page['locator']>) => {
      await locator.scrollIntoViewIfNeeded();
      const box = await locator.boundingBox();
      expect(box, name).not.toBeNull();
      expect(box?.x ?? -1, name).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? WIDTH + 1), name).toBeLessThanOrEqual(WIDTH);
    };
    for (const path of ['/sign-in', '/review', '/review/new', `/articles/${ARTICLE_ID}/history`]) {
      await page.goto(`${web?.url}${path}`, { waitUntil: 'networkidle' });
      // The elements reaching past the phone's width, named, so a failure says what to fix.
      const tooWide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map(
            (e) =>
              `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${getComputedStyle(e).width}`,
          )
          .slice(0, 12),
      );
      expect(tooWide, path).toEqual([]);
      expect(await fitsWidth(), path).toBe(true);
    }
    await page.goto(`${web?.url}/review/new`, { waitUntil: 'networkidle' });
    const text = page.getByLabel(/Article text/);
    await onScreen('article text', text);
    // A long name makes long options in the queue's entity pickers: they must not widen the page.
    await text.fill(
      `${ARTICLE.replace('delays ferry vote', 'delays toll vote')}
The Millbrook and District Harbour Ferry Route Oversight and Safety Standards Commission said it would publish its findings.
`,
    );
    const extract = page.getByRole('button', { name: 'Extract and review' });
    await onScreen('Extract and review', extract);
    await extract.click();
    await page.waitForURL(/\/review\/draft-[0-9a-f]{16}$/, { timeout: 60_000 });
    const progress = page.locator('.review__progress span');
    await expect.poll(() => progress.textContent(), POLL).toMatch(/^0 of \d+ reviewed$/);
    expect(await fitsWidth(), 'the draft').toBe(true);
    const accept = page.getByRole('button', { name: 'Accept', exact: true });
    await onScreen('Accept', accept);
    await accept.click();
    await expect.poll(() => progress.textContent(), POLL).toMatch(/^1 of \d+ reviewed$/);
    for (const name of ['Reject', 'Undo', 'Publish'])
      await onScreen(name, page.getByRole('button', { name, exact: true }));
    expect(await fitsWidth(), 'the draft after a decision').toBe(true);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousA11yViolations(page), `the draft (${colorScheme})`).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('signs out: the review pages then ask to sign in', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${web?.url}/review`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${web?.url}/review`);
    await page.getByText('to review articles').waitFor();
    await page.close();
  });
});
