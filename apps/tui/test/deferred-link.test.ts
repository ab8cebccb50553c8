import { type AppRouter, createMemoryStore } from '@claimscope/api';
import { makeFixtureDocument } from '@claimscope/api/testing';
import { createTRPCClient } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { deferredLink } from '../src/api/deferred-link.js';
import { localLink } from '../src/api/local.js';

/** The in-process client exists before the router and the store are loaded. */

describe('deferredLink', () => {
  it('loads its link on the first request only, once', async () => {
    let loads = 0;
    const client = createTRPCClient<AppRouter>({
      links: [
        deferredLink(async () => {
          loads += 1;
          return localLink(await createMemoryStore([makeFixtureDocument('story')]));
        }),
      ],
    });
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([
      client.article.list.query({ limit: 10 }),
      client.entity.list.query({ limit: 10 }),
    ]);
    expect(first.items.map((a) => a.id)).toEqual(['story']);
    expect(second.items.length).toBeGreaterThan(0);
    expect(loads).toBe(1);
  });

  it('fails a request whose load failed, with its reason, and loads again on the next', async () => {
    let loads = 0;
    const client = createTRPCClient<AppRouter>({
      links: [
        deferredLink(async () => {
          loads += 1;
          if (loads === 1) throw new Error('cannot open /nowhere/claimscope.sqlite');
          return localLink(await createMemoryStore([makeFixtureDocument('story')]));
        }),
      ],
    });
    await expect(client.article.list.query({ limit: 10 })).rejects.toThrow(
      'cannot open /nowhere/claimscope.sqlite',
    );
    const page = await client.article.list.query({ limit: 10 });
    expect(page.items.map((a) => a.id)).toEqual(['story']);
    expect(loads).toBe(2);
  });
});
