import { type OperationLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';

/**
 * A link that stands for the link `load` resolves to, loaded on its first operation: a client
 * exists at once, and what its link needs (here the API router and the store) loads only when a
 * request is made. A failed load fails that request; the next request loads again.
 */
export function deferredLink<TRouter extends AnyRouter>(
  load: () => Promise<TRPCLink<TRouter>>,
): TRPCLink<TRouter> {
  return (runtime) => {
    let loaded: Promise<OperationLink<TRouter>> | null = null;
    return ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | null = null;
        let stopped = false;
        loaded ??= load().then((link) => link(runtime));
        loaded.then(
          (link) => {
            if (!stopped) subscription = link({ op, next }).subscribe(observer);
          },
          (error: unknown) => {
            loaded = null;
            if (!stopped) observer.error(TRPCClientError.from(error as Error));
          },
        );
        return () => {
          stopped = true;
          subscription?.unsubscribe();
        };
      });
  };
}
