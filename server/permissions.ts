/**
 * Who may call each procedure, written down in one table. The procedure builders in trpc.ts
 * enforce it; tests/server/permissions.test.ts calls every procedure of the app router as every
 * kind of caller and fails when the builders and this table disagree — or when a procedure is
 * missing here, so every new procedure must be listed.
 *
 * - 'anyone': also anonymous visitors when PUBLIC_READ is off (sign-in and asking who is signed in)
 * - 'public': anonymous visitors while PUBLIC_READ is on (the default)
 * - a role: users signed in with that role
 */
import type { Role } from '../shared/auth';

export type Access = 'anyone' | 'public' | Role;

export const EVERYONE = ['anyone', 'public', 'office', 'agency', 'deputy'] as const;
/** readProcedure */
export const READERS = ['public', 'office', 'agency', 'deputy'] as const;
/** officeProcedure */
export const OFFICE = ['office'] as const;
/** clerkProcedure */
export const CLERKS = ['office', 'agency'] as const;
/** deputyProcedure */
export const DEPUTIES = ['office', 'deputy'] as const;
/** signedInProcedure */
export const SIGNED_IN = ['office', 'agency', 'deputy'] as const;

export const PERMISSIONS: Readonly<Record<string, readonly Access[]>> = {
  'auth.me': EVERYONE,
  'auth.signIn': EVERYONE,
  'auth.signOut': EVERYONE,
  'auth.changePassword': SIGNED_IN,

  'users.list': OFFICE,
  'users.linkChoices': OFFICE,
  'users.create': OFFICE,
  'users.disable': OFFICE,
  'users.enable': OFFICE,
  'users.resetPassword': OFFICE,

  'letters.list': READERS,
  'letters.byId': READERS,
  'letters.ingest': OFFICE,
  'letters.ingestFile': OFFICE,

  'commitments.list': READERS,
  'commitments.byId': READERS,

  'dashboard.overview': READERS,
  'dashboard.districtYears': READERS,
  'dashboard.allocatedCommitments': READERS,
  'dashboard.commitmentDistricts': READERS,
  'dashboard.summary': READERS,
  'dashboard.keptRates': READERS,
  'dashboard.filterChoices': READERS,
  'dashboard.trend': READERS,
  'dashboard.agencyRanking': READERS,

  'review.queue': READERS,
  'review.confirm': OFFICE,
  'review.correct': OFFICE,
  'review.reject': OFFICE,
  'review.addCommitment': OFFICE,
  'review.addMilestone': OFFICE,
  'review.quality': OFFICE,

  'progress.record': CLERKS,
  'progress.correct': CLERKS,
  'progress.explainOutcome': CLERKS,
  'progress.setMilestone': CLERKS,
  'progress.withdraw': OFFICE,
  'progress.importSheet': CLERKS,

  'targets.split': OFFICE,
  'targets.mergeToCity': OFFICE,

  'suggestions.list': READERS,
  'suggestions.byId': READERS,
  'suggestions.satisfaction': READERS,
  'suggestions.addHandler': OFFICE,
  'suggestions.addDeputy': OFFICE,
  'suggestions.rate': DEPUTIES,

  'followUps.list': READERS,
  'followUps.create': OFFICE,
  'followUps.answer': CLERKS,

  'gazetteer.list': READERS,
  'gazetteer.versions': READERS,
  'gazetteer.importCsv': OFFICE,

  'search.query': READERS,

  'districts.compare': READERS,
  'districts.byName': READERS,
  'deputies.list': READERS,
  'deputies.byName': READERS,
  'agencies.list': READERS,
  'agencies.byName': READERS,
  'reports.annual': READERS,

  'start.mine': SIGNED_IN,
  'start.letterActions': READERS,
};
