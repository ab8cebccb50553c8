import { createMemoryStore } from '@claimscope/api';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../src/api/client.js';
import { createLocalClient } from '../src/api/local.js';
import { renderApp } from './render-app.js';

/**
 * Two articles that share their entities (two copies of one story): every row that can come
 * from either names its article, and the article picker chooses what every tab shows.
 */

const ENTER = '\r';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(tab: 'entities' | 'search' | 'article' = 'article') {
  const store = await createMemoryStore([
    makeFixtureDocument('story-one'),
    makeFixtureDocument('story-two'),
  ]);
  const connection: Connection = { client: createLocalClient(store), source: { kind: 'local' } };
  return renderApp(connection, cleanups, { columns: 140, tab });
}

const rows = (frame: string) => frame.split('\n').filter((l) => /^(▶| ) /.test(l));

describe('two articles', () => {
  it('names the article of each claim on an entity’s screen', async () => {
    const ui = await start('entities');
    await ui.see(/\d+ entities/);
    await ui.press(ENTER, /Entities › /);
    // The column and its ids appear once the entity's claims are in.
    await ui.see(/Article/);
    await ui.see(/story-one/);
    await ui.see(/story-two/);
    const claimRows = rows(ui.frame()).filter((r) => /story-(one|two)/.test(r));
    expect(claimRows.some((r) => r.includes('story-one'))).toBe(true);
    expect(claimRows.some((r) => r.includes('story-two'))).toBe(true);
    // No two rows read the same.
    expect(new Set(claimRows.map((r) => r.replace(/^▶/, ' ').split('│')[0])).size).toBe(
      claimRows.length,
    );
  });

  it('names the article of each search result', async () => {
    const ui = await start('search');
    await ui.press('reconcile', /story-two/);
    const hits = rows(ui.frame()).filter((r) => /story-(one|two)/.test(r));
    expect(new Set(hits.map((r) => r.replace(/^▶/, ' '))).size).toBe(hits.length);
  });

  it('chooses the article every tab shows with the picker', async () => {
    const ui = await start();
    await ui.see(/lines 1–/);
    await ui.press('a', '2 articles');
    expect(rows(ui.frame()).find((r) => r.includes('●'))).toContain('story-one');
    await ui.press('j');
    await vi.waitFor(
      () => expect(rows(ui.frame()).find((r) => r.startsWith('▶'))).toContain('story-two'),
      { timeout: 30_000 },
    );
    await ui.press(ENTER, /lines 1–/);
    await ui.press('a', '2 articles');
    expect(rows(ui.frame()).find((r) => r.includes('●'))).toContain('story-two');
  });
});
