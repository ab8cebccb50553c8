import { describe, expect, it } from 'vitest';
import { fetchAllPages, QueryCache } from '../src/api/query-cache.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('QueryCache', () => {
  it('runs a request once and serves the answer to later readers', async () => {
    const cache = new QueryCache();
    let runs = 0;
    const run = async () => {
      runs += 1;
      return 'data';
    };
    expect(cache.ensure('k', run)).toEqual({ status: 'loading' });
    cache.ensure('k', run);
    await tick();
    expect(cache.get('k')).toEqual({ status: 'success', data: 'data' });
    cache.ensure('k', run);
    expect(runs).toBe(1);
  });

  it('re-runs only the failed requests on retry', async () => {
    const cache = new QueryCache();
    let attempts = 0;
    cache.ensure('flaky', async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('connection refused');
      return 'ok';
    });
    let goodRuns = 0;
    cache.ensure('good', async () => ++goodRuns);
    await tick();
    expect(cache.hasErrors()).toBe(true);
    cache.retryFailed();
    expect(cache.get('flaky')).toEqual({ status: 'loading' });
    await tick();
    expect(cache.get('flaky')).toEqual({ status: 'success', data: 'ok' });
    expect(cache.hasErrors()).toBe(false);
    expect(goodRuns).toBe(1);
  });

  it('tells subscribers about every change, and fetch resolves with the data', async () => {
    const cache = new QueryCache();
    let changes = 0;
    cache.subscribe(() => {
      changes += 1;
    });
    await expect(cache.fetch('k', async () => 42)).resolves.toBe(42);
    expect(changes).toBe(2);
    await expect(cache.fetch('bad', async () => Promise.reject(new Error('no')))).rejects.toThrow(
      'no',
    );
  });
});

describe('fetchAllPages', () => {
  it('follows nextCursor to the last page', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: null },
    };
    const seen: (string | null)[] = [];
    const items = await fetchAllPages(async (cursor) => {
      seen.push(cursor);
      return pages[cursor ?? 'start'] as { items: number[]; nextCursor: string | null };
    });
    expect(items).toEqual([1, 2, 3]);
    expect(seen).toEqual([null, 'b']);
  });
});
