import { claimNumber } from '@claimscope/schema/display';
import { describe, expect, it } from 'vitest';
import { connectLocal } from '../src/api/client.js';
import { relatedClaims } from '../src/state/related.js';

/** What a claim's screen lists under it: nesting, continuation and links, both ways. */

async function claimByNumber(n: number) {
  const { client } = await connectLocal();
  const claims = await client.claim.list.query({ limit: 100 });
  const claim = claims.items.find((c) => claimNumber(c.id) === n);
  if (!claim) throw new Error(`no claim ${n}`);
  return client.claim.get.query({ id: claim.id });
}

const summary = (detail: Awaited<ReturnType<typeof claimByNumber>>) =>
  relatedClaims(detail).map((r) => `${r.relation} ${claimNumber(r.other.id)}`);

describe('relatedClaims', () => {
  it('lists what a claim continues, supports and qualifies, and what supports it', async () => {
    expect(summary(await claimByNumber(11))).toEqual([
      'continues 9',
      'supports 5',
      'supported by 16',
      'supported by 18',
      'qualifies 12',
    ]);
  });

  it('lists the claim quoted inside a claim, and the claim that continues it', async () => {
    expect(summary(await claimByNumber(9))).toEqual(['quotes 10', 'continued by 11']);
  });

  it('lists the claim a nested quote sits inside', async () => {
    expect(summary(await claimByNumber(10))).toEqual(['inside 9']);
  });
});
