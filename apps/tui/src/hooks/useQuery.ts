import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { Connection } from '../api/client.js';
import type { Request } from '../api/queries.js';
import type { QueryCache, QueryState } from '../api/query-cache.js';

export interface ApiContextValue {
  connection: Connection;
  cache: QueryCache;
}

export const ApiContext = createContext<ApiContextValue | null>(null);

export function useApi(): ApiContextValue {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiContext.Provider> above it');
  return api;
}

/** Re-renders on every cache change; returns the cache. */
export function useQueryCache(): QueryCache {
  const { cache } = useApi();
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  return cache;
}

/** The state of one request, started on first use; pass null to ask for nothing yet. */
export function useQuery<T>(request: Request<T> | null): QueryState<T> {
  const { connection } = useApi();
  const cache = useQueryCache();
  const key = request?.key ?? null;
  useEffect(() => {
    if (request) cache.ensure(request.key, () => request.run(connection.client));
  }, [key, cache, connection]);
  if (!request) return { status: 'loading' };
  return cache.get<T>(request.key) ?? { status: 'loading' };
}
