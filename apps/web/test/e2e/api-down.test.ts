import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser';
import { type Running, startApi, stop } from './harness';

const env = inject('e2e');

describe.skipIf(!env.chromium)('when the API is down', () => {
  let browser: Browser;
  let lateApi: Running | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await stop(lateApi);
    await browser?.close();
  });

  it('shows an error view with a retry button, and recovers once the API is back', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${env.downWebUrl}/entities`);
    const alert = page.getByRole('alert', { name: 'The data could not be loaded' });
    await alert.waitFor();
    expect(await alert.locator('h1').textContent()).toBe('The data could not be loaded');
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    // The site chrome stays: users can still navigate away.
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await screenshot(page, 'api-down-light-1280');

    lateApi = await startApi(env.lateApiPort);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('h1', { hasText: 'Entities' }).waitFor();
    expect(await page.locator('.entity-list li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps the search page usable and says the search is unavailable', async () => {
    await stop(lateApi);
    lateApi = undefined;
    const { page } = await browser.newPage();
    await page.goto(`${env.downWebUrl}/search`);
    await page.getByRole('searchbox').fill('truce');
    await page.getByText('Search is unavailable').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    await page.close();
  });
});
