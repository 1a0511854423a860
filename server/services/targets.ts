/**
 * Per-district targets of a commitment: derived from the gazetteer when a letter is stored or a
 * commitment corrected, or split by the office. The city total is always the sum of the rows.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import {
  type AllocatedTarget,
  allocateTargets,
  type GazetteerDistrict,
  type TargetSpec,
} from '../domain/allocate-targets';
import { cityOfLetter } from '../domain/letter-city';
import { districtsOnDate, listCities } from '../repositories/gazetteer';
import { markOutcomesStale } from './outcome-tallies';

type Trx = Transaction<Database>;

/**
 * The districts a letter's per-unit targets expand over: its city's, as they were on its date
 * (ISO day). The day, not the year: streets and towns change within a year.
 */
export async function gazetteerForLetter(
  trx: Trx | Kysely<Database>,
  letter: { agency: string | null; text: string; date: string },
): Promise<GazetteerDistrict[]> {
  const city = cityOfLetter(letter.agency, letter.text, await listCities(trx));
  return city ? districtsOnDate(trx, city, letter.date) : [];
}

export async function writeTargets(
  trx: Trx,
  commitmentId: number,
  targets: readonly AllocatedTarget[],
  at: string,
) {
  await trx.deleteFrom('commitment_targets').where('commitment_id', '=', commitmentId).execute();
  await markOutcomesStale(trx, { commitmentIds: [commitmentId] });
  if (targets.length === 0) return;
  await trx
    .insertInto('commitment_targets')
    .values(
      targets.map((t) => ({
        commitment_id: commitmentId,
        district_id: t.districtId,
        target_min: t.min,
        target_max: t.max,
        allocation: t.allocation,
        created_at: at,
      })),
    )
    .execute();
}

export async function reallocateTargets(trx: Trx, commitmentId: number, spec: TargetSpec, at: string) {
  const districts = await districtsForCommitment(trx, commitmentId);
  await writeTargets(trx, commitmentId, allocateTargets(spec, districts), at);
}

/**
 * The districts a commitment's targets expand over, or a city-wide target may be split over: its
 * letter's city, as it was on the letter's date (the day it was stored, when undated).
 */
export async function districtsForCommitment(
  db: Trx | Kysely<Database>,
  commitmentId: number,
): Promise<GazetteerDistrict[]> {
  const letter = await db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select(['letters.text', 'letters.letter_date', 'letters.created_at', 'agencies.name as agency'])
    .where('commitments.id', '=', commitmentId)
    .executeTakeFirst();
  if (!letter) return [];
  const date = (letter.letter_date ?? letter.created_at).slice(0, 10);
  return gazetteerForLetter(db, { agency: letter.agency, text: letter.text, date });
}
