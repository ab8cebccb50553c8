/**
 * A small cache of API results keyed by what was asked. Screens read through it, so returning
 * to a screen shows its data at once, and `r` re-runs exactly the requests that failed.
 */

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T };

interface Entry {
  state: QueryState<unknown>;
  run: () => Promise<unknown>;
}

export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever any entry does, for useSyncExternalStore. */
  getVersion = (): number => this.version;

  get<T>(key: string): QueryState<T> | undefined {
    return this.entries.get(key)?.state as QueryState<T> | undefined;
  }

  /** Starts the request for `key` unless it already ran or is running. */
  ensure<T>(key: string, run: () => Promise<T>): QueryState<T> {
    const existing = this.entries.get(key);
    if (existing) return existing.state as QueryState<T>;
    this.start(key, run);
    return { status: 'loading' };
  }

  /** Starts the request unless it ran already, and resolves with its data (for prefetching). */
  fetch<T>(key: string, run: () => Promise<T>): Promise<T> {
    this.ensure(key, run);
    return new Promise((resolve, reject) => {
      const check = () => {
        const state = this.get<T>(key);
        if (state?.status === 'success') resolve(state.data);
        else if (state?.status === 'error') reject(state.error);
        else return false;
        unsubscribe();
        return true;
      };
      const unsubscribe = this.subscribe(() => void check());
      check();
    });
  }

  hasErrors(): boolean {
    for (const entry of this.entries.values()) if (entry.state.status === 'error') return true;
    return false;
  }

  /** Runs every failed request again. */
  retryFailed(): void {
    for (const [key, entry] of this.entries)
      if (entry.state.status === 'error') this.start(key, entry.run);
  }

  private start(key: string, run: () => Promise<unknown>): void {
    const entry: Entry = { state: { status: 'loading' }, run };
    this.entries.set(key, entry);
    this.changed();
    run().then(
      (data) => this.settle(key, entry, { status: 'success', data }),
      (error: unknown) => this.settle(key, entry, { status: 'error', error }),
    );
  }

  private settle(key: string, entry: Entry, state: QueryState<unknown>): void {
    // A retry may have replaced the entry meanwhile; only the latest run may settle it.
    if (this.entries.get(key) !== entry) return;
    entry.state = state;
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

/** Fetches every page of a cursor-paginated list procedure. */
export async function fetchAllPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
