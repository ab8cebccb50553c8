import { describe, expect, it } from 'vitest';
import { type CachedResponse, etagOf, ResponseCache } from '../src/response-cache.js';

const response = (body: string): CachedResponse => {
  const bytes = Buffer.from(body);
  return { generation: '1', contentType: 'application/json', body: bytes, etag: etagOf(bytes) };
};

describe('the response cache', () => {
  it('counts the bytes of keys, not only of bodies: long query strings cannot outgrow it', () => {
    const limit = 1024 * 1024;
    const cache = new ResponseCache(limit);
    const keyOf = (i: number) => `/trpc/search?input=${String(i).padStart(15_000, '0')}`;
    for (let i = 0; i < 200; i++) cache.set(keyOf(i), response('{"result":{}}'));
    expect(cache.bytes).toBeLessThanOrEqual(limit);
    expect(cache.bytes).toBeGreaterThan(limit - 20_000);
    expect(cache.get(keyOf(0), '1')).toBeUndefined();
    expect(cache.get(keyOf(199), '1')).toBeDefined();
  });

  it('keeps nothing larger than a sixteenth of its bytes, and drops the oldest first', () => {
    const cache = new ResponseCache(16 * 1024);
    cache.set('/big', response('x'.repeat(2048)));
    expect(cache.get('/big', '1')).toBeUndefined();
    for (let i = 0; i < 40; i++) cache.set(`/q${i}`, response('x'.repeat(500)));
    expect(cache.get('/q0', '1')).toBeUndefined();
    expect(cache.get('/q39', '1')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(16 * 1024);
  });

  it('gives back the bytes of an entry of an older generation when it is asked for', () => {
    const cache = new ResponseCache();
    cache.set('/a', response('{}'));
    expect(cache.get('/a', '2')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});
