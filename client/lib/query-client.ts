import { type DefaultOptions, MutationCache, QueryClient } from '@tanstack/react-query';
import {
  EVERY_READ,
  isMutationPath,
  MUTATION_EFFECTS,
  mutationPathOf,
  queryKeyPrefix,
} from './mutation-effects';

const defaultOptions = {
  queries: { refetchOnWindowFocus: false, retry: false, staleTime: 30_000 },
} satisfies DefaultOptions;

export function makeQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions,
    mutationCache: new MutationCache({
      // The one place a write refreshes reads (mutation-effects.ts). Returning the promise makes the
      // mutation wait for the refetch, so a page's own onSuccess (navigate, reset a form) sees fresh data.
      onSuccess: (_data, _variables, _context, mutation) => {
        const path = mutationPathOf(mutation.options.mutationKey);
        if (path === undefined || !isMutationPath(path)) return;
        const effects = MUTATION_EFFECTS[path];
        if (effects === EVERY_READ) return queryClient.invalidateQueries();
        return Promise.all(
          effects.map((target) => queryClient.invalidateQueries({ queryKey: queryKeyPrefix(target) })),
        );
      },
    }),
  });
  return queryClient;
}
