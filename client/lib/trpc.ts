/**
 * The typed tRPC client. Only the router's type crosses from the server. Every request carries the
 * CSRF header the server requires on mutations (server/auth/csrf.ts); the session cookie travels
 * by itself (same origin).
 * @see https://trpc.io/docs/client/tanstack-react-query/setup
 */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/routers/_app';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE } })],
  });
}

/** What procedures return, for components that receive a query's data as props. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
