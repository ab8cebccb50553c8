import { chromium, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launchBrowser, seriousA11yViolations } from './browser';
import { CHROMIUM, CHROMIUM_ARGS, POLL } from './harness';

const env = inject('e2e');

/** The seed article's entity with the most claims about it: more than one page of 40. */
const ENTITY = 'islamic-state';

interface EntityDetail {
  claimsAbout: { id: string }[];
  totals: { claimsAbout: number };
}

async function entityDetail(input: object): Promise<EntityDetail> {
  const query = encodeURIComponent(JSON.stringify({ id: ENTITY, ...input }));
  const response = await fetch(`${env.apiUrl}/entity.get?input=${query}`);
  return ((await response.json()) as { result: { data: EntityDetail } }).result.data;
}

/**
 * Where the top of the element rests once scrolling has stopped (smooth scrolls included): "on
 * screen", or where it is. Sampled from outside: a page without JavaScript runs no frame callbacks.
 */
async function restingTop(element: Locator): Promise<string> {
  const place = () =>
    element.evaluate((el) => ({
      scrollY: window.scrollY,
      top: el.getBoundingClientRect().top,
      height: window.innerHeight,
    }));
  let last = await place();
  for (let still = 0; still < 5; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await place();
    still = now.scrollY === last.scrollY ? still + 1 : 0;
    last = now;
  }
  const { top, height } = last;
  return top >= 0 && top < height
    ? 'on screen'
    : `off screen: top ${top} px in a ${height} px window`;
}

describe.skipIf(!env.chromium)('the entity page pages long lists', () => {
  let browser: Browser;
  let allAbout: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const whole = await entityDetail({ claimsLimit: 1000 });
    allAbout = whole.claimsAbout.map((c) => c.id);
    // The test needs an entity with more claims about it than one page holds.
    expect(whole.totals.claimsAbout).toBeGreaterThan(40);
    expect(allAbout).toHaveLength(whole.totals.claimsAbout);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a first page, says how many in all, and appends the rest in place', async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(`${env.webUrl}/entities/${ENTITY}`, { waitUntil: 'networkidle' });
    const section = page.locator('section[aria-labelledby="claims-about"]');
    expect(await section.locator('li[id^="about-"]').count()).toBe(40);
    const more = section.locator('.show-more');
    expect(await more.textContent()).toContain(`40 of ${allAbout.length} claims shown`);
    const link = more.getByRole('link', {
      name: `Show more claims (${allAbout.length - 40} more)`,
    });

    // Keyboard: focus the link, press Enter; focus lands on the first new claim, in view.
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/about=80#about-41$/);
    const firstNew = section.locator('#about-41');
    await expect
      .poll(
        () => page.evaluate(() => `${document.activeElement?.id} ${window.location.hash}`),
        POLL,
      )
      .toBe('about-41 #about-41');
    // Scrolling may be smooth: once it comes to rest, the claim is in view.
    expect(await restingTop(firstNew)).toBe('on screen');
    expect(await section.locator('li[id^="about-"]').count()).toBe(allAbout.length);
    expect(await section.locator('.show-more').count()).toBe(0);
    // Every claim about the entity, in the API's order, once each.
    const ids = await section
      .locator('li[id^="about-"] a.claim-card__number')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href')?.replace('/claims/', '')));
    expect(ids).toEqual(allAbout);
    // The claims the entity makes kept their one page.
    expect(await page.locator('li[id^="claims-"]').count()).toBeLessThanOrEqual(40);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages without JavaScript: the link is a plain link to the next page', async () => {
    const plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await plain.newContext({ javaScriptEnabled: false });
      context.setDefaultTimeout(90_000);
      const page = await context.newPage();
      await page.goto(`${env.webUrl}/entities/${ENTITY}`);
      const section = page.locator('section[aria-labelledby="claims-about"]');
      expect(await section.locator('li[id^="about-"]').count()).toBe(40);
      await section.getByRole('link', { name: /^Show more claims/ }).click();
      await page.waitForURL(/about=80#about-41$/);
      expect(await section.locator('li[id^="about-"]').count()).toBe(allAbout.length);
      expect(await restingTop(section.locator('#about-41'))).toBe('on screen');
    } finally {
      await plain.close();
    }
  });
});
