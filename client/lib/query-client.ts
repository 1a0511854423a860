import { type DefaultOptions, QueryClient } from '@tanstack/react-query';

const defaultOptions = {
  queries: { refetchOnWindowFocus: false, retry: false, staleTime: 30_000 },
} satisfies DefaultOptions;

export function makeQueryClient() {
  return new QueryClient({ defaultOptions });
}
