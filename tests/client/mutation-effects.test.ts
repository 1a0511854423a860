/** The one mutation-cache rule: every write of the router is listed, and only what it names is refetched. */
import { expect, test } from 'vitest';
import { EVERY_READ, MUTATION_EFFECTS, type QueryTarget } from '../../client/lib/mutation-effects';
import { makeQueryClient } from '../../client/lib/query-client';
import { appRouter } from '../../server/routers/_app';

// Typed as the nested record, but at run time a flat map keyed by dotted path ('progress.record').
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
);
const pathsOf = (type: string) =>
  procedures
    .filter(([, p]) => p._def.type === type)
    .map(([path]) => path)
    .sort();

test('the table lists every mutation of the router, and nothing else', () => {
  expect(Object.keys(MUTATION_EFFECTS).sort()).toEqual(pathsOf('mutation'));
});

test('every read the table names is a query of the router or an area holding queries', () => {
  const queries = pathsOf('query');
  const areas = new Set(queries.map((q) => q.split('.')[0]));
  for (const [mutation, effects] of Object.entries(MUTATION_EFFECTS)) {
    if (effects === EVERY_READ) continue;
    for (const target of effects as readonly QueryTarget[])
      expect(queries.includes(target) || areas.has(target), `${mutation} → ${target}`).toBe(true);
  }
});

/** Runs a mutation with tRPC's key shape through the client's cache, as useMutation would. */
async function runMutation(queryClient: ReturnType<typeof makeQueryClient>, path: string) {
  await queryClient
    .getMutationCache()
    .build(queryClient, { mutationKey: [path.split('.')], mutationFn: async () => 'ok' })
    .execute(undefined);
}

function seed(queryClient: ReturnType<typeof makeQueryClient>, paths: string[]) {
  for (const path of paths) queryClient.setQueryData([path.split('.'), { type: 'query' }], { path });
}
const invalidated = (queryClient: ReturnType<typeof makeQueryClient>, path: string) =>
  queryClient.getQueryState([path.split('.'), { type: 'query' }])?.isInvalidated;

test('a write invalidates the reads it names and leaves the others cached', async () => {
  const queryClient = makeQueryClient();
  const reads = ['users.list', 'dashboard.overview', 'commitments.byId', 'gazetteer.list', 'auth.me'];
  seed(queryClient, reads);
  await runMutation(queryClient, 'users.create');
  expect(reads.map((r) => [r, invalidated(queryClient, r)])).toEqual([
    ['users.list', true],
    ['dashboard.overview', false],
    ['commitments.byId', false],
    ['gazetteer.list', false],
    ['auth.me', false],
  ]);

  // progress shows in the figures (a whole area) and on the commitment, not in the accounts
  await runMutation(queryClient, 'progress.record');
  expect(invalidated(queryClient, 'dashboard.overview')).toBe(true);
  expect(invalidated(queryClient, 'commitments.byId')).toBe(true);
  expect(invalidated(queryClient, 'gazetteer.list')).toBe(false);
  expect(invalidated(queryClient, 'auth.me')).toBe(false);
});

test('a session change refreshes every read', async () => {
  const queryClient = makeQueryClient();
  seed(queryClient, ['users.list', 'gazetteer.list', 'auth.me']);
  await runMutation(queryClient, 'auth.signIn');
  for (const path of ['users.list', 'gazetteer.list', 'auth.me'])
    expect(invalidated(queryClient, path)).toBe(true);
});
