import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, tempProfile } from './harness';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Browser {
  context: BrowserContext;
  /** A new page that records console errors and CSP violations. */
  newPage: (options?: { width?: number; colorScheme?: 'light' | 'dark' }) => Promise<WatchedPage>;
  close: () => Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** Console errors (CSP violations show up here as "Refused to …"). */
  errors: string[];
}

export async function launchBrowser(): Promise<Browser> {
  const profile = tempProfile();
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  // Playwright's 30 s default is too tight for a production Next server on a busy 2-core machine.
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return {
    context,
    async newPage({ width = 1280, colorScheme = 'light' } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      return { page, errors };
    },
    async close() {
      await context.close();
      profile.remove();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (through the debugger, so the page's CSP still applies to the page). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // After a client-side navigation the router sets the new page's <title> a moment later; on a
  // busy machine axe could run in between. Wait for it (a page that never gets one still fails:
  // axe reports it once the wait gives up).
  await page
    .waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 15_000 })
    .catch(() => undefined);
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** Bytes of JavaScript the page downloaded (compressed, as sent), from the browser's resource timing. */
export async function javascriptBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(
        (e) =>
          (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'),
      )
      .reduce((sum, e) => sum + ((e as PerformanceResourceTiming).encodedBodySize || 0), 0),
  );
}
