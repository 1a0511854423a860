/**
 * A database holding the seed letter, reviewed and with progress recorded through the routers,
 * as the office and the agency would: the starting point of the read-only views' tests.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/connect';
import type { Database } from '../../db/schema';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { seedGazetteer } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import { seedLetterText } from './fixtures';
import { makeUser } from './users';

export type Caller = ReturnType<typeof createCaller>;

/** `clock`: the server's (APP_TIME_ZONE); China Standard Time when left out */
export function callerFor(
  db: Kysely<Database>,
  dialect: Dialect,
  user: SessionUser | null,
  clock?: Clock,
): Caller {
  return createCaller(
    createContextInner({ db, dialect, showDemo: true, publicRead: true, user, ...(clock ? { clock } : {}) }),
  );
}

export interface SeededLetter {
  letterId: number;
  office: SessionUser;
  clerk: SessionUser;
  /** the first commitment whose object contains the word */
  find: (word: string) => number;
}

/** Ingests and confirms every extracted item; progress is left to each test. */
export async function seedReviewedLetter(db: Kysely<Database>, dialect: Dialect): Promise<SeededLetter> {
  await seedGazetteer(db);
  const office = await makeUser(db, 'office', 'office');
  const { letterId } = await callerFor(db, dialect, office).letters.ingest({ text: seedLetterText() });
  const letter = await callerFor(db, dialect, office).letters.byId({ id: letterId });
  for (const item of [...letter.commitments, ...letter.milestones]) {
    await callerFor(db, dialect, office).review.confirm({ id: item.id, version: item.version });
  }
  const agency = await db
    .selectFrom('agencies')
    .select('id')
    .where('name', '=', '厦门市民政局')
    .executeTakeFirstOrThrow();
  const clerk = await makeUser(db, 'clerk', 'agency', { agencyId: agency.id });
  const find = (word: string) => letter.commitments.find((c) => c.object?.includes(word))?.id ?? 0;
  return { letterId, office, clerk, find };
}
