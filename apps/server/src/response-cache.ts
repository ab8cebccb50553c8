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

/** What an entry costs beside its key and body: the entry object, its ETag, the map's slot. */
const ENTRY_OVERHEAD_BYTES = 256;

/** The memory an entry holds: its key (a URL, one byte a character), its body, and overhead. */
export function entryBytes(key: string, entry: CachedResponse): number {
  return key.length + entry.body.length + entry.contentType.length + ENTRY_OVERHEAD_BYTES;
}

/**
 * Query responses by URL, bounded by the bytes of keys and bodies together (a long query string
 * costs as much as a large body); the oldest goes first. Entries of an older generation are
 * misses, so an import invalidates everything without a sweep.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private used = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The bytes the entries hold, keys included. */
  get bytes(): number {
    return this.used;
  }

  get(key: string, generation: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.generation === generation) return entry;
    this.delete(key, entry);
    return undefined;
  }

  set(key: string, entry: CachedResponse): void {
    if (entryBytes(key, entry) > this.maxBytes / 16) return;
    const previous = this.entries.get(key);
    if (previous) this.delete(key, previous);
    this.entries.set(key, entry);
    this.used += entryBytes(key, entry);
    for (const [oldKey, old] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.delete(oldKey, old);
    }
  }

  private delete(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    this.used -= entryBytes(key, entry);
  }
}
