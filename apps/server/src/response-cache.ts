import { createHash } from 'node:crypto';

/** A successful query response, kept until the store's generation moves on. */
export interface CachedResponse {
  /** The store generation the response was computed at. */
  generation: string;
  contentType: string;
  body: Buffer;
  /** A strong validator: the digest of the body, so servers sharing a database agree on it. */
  etag: string;
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** True when an If-None-Match header names `etag` (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Query responses by URL, bounded by entries and bytes; the oldest goes first. Entries of an
 * older generation are misses, so an import invalidates everything without a sweep.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxBytes = 128 * 1024 * 1024,
  ) {}

  get(key: string, generation: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.generation === generation) return entry;
    this.delete(key, entry);
    return undefined;
  }

  set(key: string, entry: CachedResponse): void {
    if (entry.body.length > this.maxBytes / 16) return;
    const previous = this.entries.get(key);
    if (previous) this.delete(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldKey, old);
    }
  }

  private delete(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}
