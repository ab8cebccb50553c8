import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Browser, launchBrowser } from './browser';
import { freePort, type Running, SERVER_DIR, startApi, startWeb, stop } from './harness';

/** A review suite's own API (a fresh data folder with its editors), Next server and browser. */
export interface ReviewStack {
  api: Running;
  web: Running;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts a review suite's stack with editor accounts made by the command line (name → password). */
export async function startReviewStack(editors: Record<string, string>): Promise<ReviewStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimscope-review-e2e-'));
  for (const [username, password] of Object.entries(editors))
    addEditor(dataDir, username, password);
  const api = await startApi(await freePort(), { CLAIMSCOPE_DATA_DIR: dataDir });
  const web = await startWeb(await freePort(), `${api.url}/trpc`);
  const browser = await launchBrowser();
  return {
    api,
    web,
    browser,
    async close() {
      await browser.close();
      await Promise.all([stop(web), stop(api)]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Makes an editor account in a data folder through the command line, as an admin would. */
export function addEditor(dataDir: string, username: string, password: string): void {
  const added = spawnSync(
    process.execPath,
    [
      join(SERVER_DIR, 'dist', 'cli.js'),
      'user',
      'add',
      username,
      '--role',
      'editor',
      '--data-dir',
      dataDir,
    ],
    { input: `${password}\n`, encoding: 'utf8' },
  );
  expect(added.status, added.stderr).toBe(0);
}

/** Signs in through the sign-in page and waits for the review page. */
export async function signIn(page: Page, siteUrl: string, username: string, password: string) {
  await page.goto(`${siteUrl}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/review');
}

/** Pastes `text` on the New article page and waits for its draft's review screen. */
export async function openDraftOf(page: Page, siteUrl: string, text: string): Promise<void> {
  await page.goto(`${siteUrl}/review/new`);
  await page.getByLabel(/Article text/).fill(text);
  await page.getByRole('button', { name: 'Extract and review' }).click();
  await page.waitForURL(/\/review\/draft-[0-9a-f]{16}$/, { timeout: 120_000 });
}

/** Selects `words` in the review screen's text (across marked pieces), as a reader dragging over them would. */
export async function selectWords(page: Page, words: string): Promise<void> {
  await page.evaluate((words) => {
    const text = document.querySelector('.review__text');
    const walker = document.createTreeWalker(text as Node, NodeFilter.SHOW_TEXT);
    const nodes: { node: Node; start: number }[] = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: all.length });
      all += node.textContent ?? '';
    }
    const from = all.indexOf(words);
    if (from < 0) throw new Error(`"${words}" is not in the text`);
    const to = from + words.length;
    const at = (offset: number, isEnd: boolean) => {
      const found = nodes.findLast((n) => (isEnd ? n.start < offset : n.start <= offset));
      if (!found) throw new Error(`no text node at ${offset}`);
      return [found.node, offset - found.start] as const;
    };
    const range = document.createRange();
    range.setStart(...at(from, false));
    range.setEnd(...at(to, true));
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }, words);
}
