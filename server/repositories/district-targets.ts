/** District targets with the commitment, letter and agency they belong to, for the district views. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CommitmentTargetTable, Database } from '../../db/schema';

type NewCommitmentTarget = Insertable<CommitmentTargetTable>;

type Db = Kysely<Database> | Transaction<Database>;

/** The districts as they stand today (no end year), city by city in gazetteer order. */
export async function listCurrentDistricts(db: Kysely<Database>) {
  return db
    .selectFrom('districts')
    .select(['id', 'city', 'name'])
    .where('valid_to', 'is', null)
    .orderBy('city')
    .orderBy('sort_order')
    .execute();
}

/** Every row of that name, whatever its years: targets point at the row valid in their letter's year. */
export async function districtIdsNamed(db: Kysely<Database>, name: string): Promise<number[]> {
  const rows = await db.selectFrom('districts').select('id').where('name', '=', name).execute();
  return rows.map((r) => r.id);
}

/** Targets of confirmed commitments in districts (withdrawn ones too: they show as 已取消). */
export async function listDistrictTargets(db: Kysely<Database>, districtIds?: readonly number[]) {
  let query = db
    .selectFrom('commitment_targets')
    .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
    .innerJoin('districts', 'districts.id', 'commitment_targets.district_id')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'commitment_targets.commitment_id as commitmentId',
      'commitment_targets.district_id as districtId',
      'commitment_targets.target_min as min',
      'commitment_targets.target_max as max',
      'districts.name as districtName',
      'commitments.object',
      'commitments.unit',
      'commitments.quote',
      'commitments.deadline_year as deadlineYear',
      'commitments.withdrawn_at as withdrawnAt',
      'commitments.letter_id as letterId',
      'letters.letter_date as letterDate',
      'agencies.name as agency',
    ])
    .where('commitments.review_status', '=', 'confirmed');
  if (districtIds) {
    if (districtIds.length === 0) return [];
    query = query.where('commitment_targets.district_id', 'in', districtIds);
  }
  return query.orderBy('commitments.deadline_year').orderBy('commitments.id').execute();
}

/** What a manual split or merge needs to know of a commitment's total. */
export async function findTargetTotal(db: Db, commitmentId: number) {
  return db
    .selectFrom('commitments')
    .select(['id', 'kind', 'target_min', 'target_max', 'per_scope'])
    .where('id', '=', commitmentId)
    .executeTakeFirst();
}

export async function countDistricts(db: Db, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .selectFrom('districts')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.length;
}

/** A commitment's target rows as stored, for the audit's record before a change. */
export async function listTargetRows(db: Db, commitmentId: number) {
  return db.selectFrom('commitment_targets').selectAll().where('commitment_id', '=', commitmentId).execute();
}

/** A commitment's targets replaced as a whole (the city total is always the sum of its rows). */
export async function replaceTargetRows(db: Db, commitmentId: number, rows: readonly NewCommitmentTarget[]) {
  await db.deleteFrom('commitment_targets').where('commitment_id', '=', commitmentId).execute();
  if (rows.length)
    await db
      .insertInto('commitment_targets')
      .values([...rows])
      .execute();
}

/** The letter (text, date, agency) whose city a commitment's targets are spread over. */
export async function findLetterOfCommitment(db: Db, commitmentId: number) {
  return db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select(['letters.text', 'letters.letter_date', 'letters.created_at', 'agencies.name as agency'])
    .where('commitments.id', '=', commitmentId)
    .executeTakeFirst();
}
