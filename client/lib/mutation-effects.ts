/**
 * What each write changes on screen: every mutation of the router mapped to the reads it makes
 * stale. One MutationCache rule (query-client.ts) applies the table after any mutation succeeds, so
 * a page never invalidates by hand. The table is typed against the AppRouter: a new or renamed
 * mutation does not compile until it is listed here, and a renamed query does not either.
 * Invalidating too much costs a refetch; too little leaves a wrong figure on screen, so when in
 * doubt an entry names the whole area.
 * @see https://tkdodo.eu/blog/automatic-query-invalidation-after-mutations
 */
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import type { AppRouter } from '../../server/routers/_app';

type RouterRecord = AppRouter['_def']['record'];

/** The dotted paths of the router's procedures of one kind: 'progress.record', 'dashboard.overview'. */
type PathsOf<TRecord, TKind extends string, TPrefix extends string = ''> = {
  [K in keyof TRecord & string]: TRecord[K] extends AnyProcedure
    ? TRecord[K]['_def']['type'] extends TKind
      ? `${TPrefix}${K}`
      : never
    : TRecord[K] extends AnyRouter
      ? PathsOf<TRecord[K]['_def']['record'], TKind, `${TPrefix}${K}.`>
      : PathsOf<TRecord[K], TKind, `${TPrefix}${K}.`>;
}[keyof TRecord & string];

export type MutationPath = PathsOf<RouterRecord, 'mutation'>;
export type QueryPath = PathsOf<RouterRecord, 'query'>;
/** An area ('dashboard') stands for every query under it. */
export type QueryArea = QueryPath extends `${infer Area}.${string}` ? Area : never;
export type QueryTarget = QueryPath | QueryArea;

/**
 * Who is signed in decides every answer (reads may require a session, PUBLIC_READ=0, and what a
 * role may see differs), so a session change is the one case that refreshes every read.
 */
export const EVERY_READ = 'every read';

/** Every read that counts commitments, targets, progress or ratings: the charts, views and report. */
const FIGURES = [
  'dashboard',
  'reports',
  'districts',
  'agencies',
  'deputies',
  // each role's start page lists commitments by status, progress dates, ratings and the review queue
  'start',
] as const satisfies readonly QueryTarget[];

/** What a change to a commitment (its review, targets or progress) shows up in beyond the figures. */
const COMMITMENT_READS = [
  ...FIGURES,
  'commitments',
  // a letter lists its commitments, and the letters list filters by their status and outcome
  'letters',
  'search.query',
] as const satisfies readonly QueryTarget[];

export const MUTATION_EFFECTS = {
  'auth.signIn': EVERY_READ,
  'auth.signOut': EVERY_READ,
  // the session stays signed in and nothing read shows a password
  'auth.changePassword': [],
  'users.resetPassword': [],
  'users.create': ['users.list'],
  'users.disable': ['users.list'],
  'users.enable': ['users.list'],

  // a new letter brings unverified commitments, its agency, deputies and suggestion
  'letters.ingest': [...COMMITMENT_READS, 'review.queue', 'suggestions', 'users.linkChoices'],
  'letters.ingestFile': [...COMMITMENT_READS, 'review.queue', 'suggestions', 'users.linkChoices'],

  'review.addCommitment': [...COMMITMENT_READS, 'review.queue'],
  'review.addMilestone': [...COMMITMENT_READS, 'review.queue'],
  'review.confirm': [...COMMITMENT_READS, 'review.queue'],
  'review.correct': [...COMMITMENT_READS, 'review.queue'],
  'review.reject': [...COMMITMENT_READS, 'review.queue'],

  'targets.split': COMMITMENT_READS,
  'targets.mergeToCity': COMMITMENT_READS,

  'progress.record': COMMITMENT_READS,
  'progress.correct': COMMITMENT_READS,
  'progress.importSheet': COMMITMENT_READS,
  'progress.setMilestone': COMMITMENT_READS,
  'progress.withdraw': COMMITMENT_READS,
  'progress.explainOutcome': COMMITMENT_READS,

  // agency scorecards count open follow-ups; a commitment lists its own; start pages list open ones
  'followUps.create': ['followUps.list', 'commitments.byId', 'agencies', 'start'],
  'followUps.answer': ['followUps.list', 'commitments.byId', 'agencies', 'start'],

  // a handler or deputy added to a suggestion counts its commitments for them, and links users to them
  'suggestions.addHandler': [...COMMITMENT_READS, 'suggestions', 'users.linkChoices'],
  'suggestions.addDeputy': [...COMMITMENT_READS, 'suggestions', 'users.linkChoices'],
  // ratings feed the reply figures, the report and the letters list's rating filter
  'suggestions.rate': [...FIGURES, 'suggestions', 'letters'],

  // the districts of a year decide how targets break down and which districts are charted
  'gazetteer.importCsv': [...COMMITMENT_READS, 'gazetteer.list'],
} as const satisfies Record<MutationPath, readonly QueryTarget[] | typeof EVERY_READ>;

/** The query-key prefix TanStack Query matches for a tRPC path: [['dashboard', 'overview']]. */
export function queryKeyPrefix(target: QueryTarget): [string[]] {
  return [target.split('.')];
}

/** A mutation's dotted path from the key tRPC gives it ([['progress', 'record']]), if it has one. */
export function mutationPathOf(mutationKey: readonly unknown[] | undefined): string | undefined {
  const path = mutationKey?.[0];
  return Array.isArray(path) && path.every((part) => typeof part === 'string') ? path.join('.') : undefined;
}

export function isMutationPath(path: string): path is MutationPath {
  return Object.hasOwn(MUTATION_EFFECTS, path);
}
