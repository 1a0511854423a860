/**
 * The review's verdicts on commitments (review_outcomes) and the sums the extraction quality page
 * and the gold export read. A letter is "fully reviewed" when it is not demo data, nothing in it
 * waits for review, and every extracted item in it has a verdict: only such letters can be scored
 * as the shared scorer scores a corpus letter.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CommitmentKind, Database, ReviewOutcome } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface ReviewOutcomeRecord {
  commitmentId: number;
  letterId: number;
  agencyKey: number;
  kind: CommitmentKind;
  outcome: ReviewOutcome;
  changedFields: readonly string[];
  valueKept: boolean;
  extractedJson: string | null;
  decidedMonth: string;
  decidedAt: string;
}

export async function findExtractedSnapshot(
  db: Db,
  commitmentId: number,
): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('review_outcomes')
    .select('extracted_json')
    .where('commitment_id', '=', commitmentId)
    .executeTakeFirst();
  return row?.extracted_json;
}

export async function saveReviewOutcome(db: Db, record: ReviewOutcomeRecord): Promise<void> {
  const values = {
    commitment_id: record.commitmentId,
    letter_id: record.letterId,
    agency_key: record.agencyKey,
    kind: record.kind,
    outcome: record.outcome,
    changed_fields: record.changedFields.join(','),
    value_kept: record.valueKept ? 1 : 0,
    extracted_json: record.extractedJson,
    decided_month: record.decidedMonth,
    decided_at: record.decidedAt,
  };
  await db
    .insertInto('review_outcomes')
    .values(values)
    .onConflict((oc) =>
      // the first decision's snapshot of the extractor's item stays; the verdict follows the latest
      oc.column('commitment_id').doUpdateSet({
        outcome: values.outcome,
        changed_fields: values.changed_fields,
        value_kept: values.value_kept,
        decided_month: values.decided_month,
        decided_at: values.decided_at,
      }),
    )
    .execute();
}

/** Letters fully reviewed by people (see the module note), oldest first. */
export function fullyReviewedLetterIds(db: Db) {
  return db
    .selectFrom('commitments as c')
    .innerJoin('letters as l', 'l.id', 'c.letter_id')
    .leftJoin('review_outcomes as ro', 'ro.commitment_id', 'c.id')
    .select('c.letter_id')
    .where('l.is_demo', '=', 0)
    .groupBy('c.letter_id')
    .having(
      sql<number>`sum(case when c.review_status = 'unverified' or (c.origin = 'extracted' and ro.commitment_id is null) then 1 else 0 end)`,
      '=',
      0,
    )
    .having((eb) => eb.fn.count('ro.commitment_id'), '>', 0);
}

export interface VerdictGroup {
  month: string;
  agencyKey: number;
  agency: string | null;
  kind: CommitmentKind;
  outcome: ReviewOutcome;
  valueKept: boolean;
  changedFields: string;
  /** added by the office, not extracted */
  manual: boolean;
  count: number;
}

/** Verdicts counted by month, agency, kind, outcome and changed fields; `year` limits the months. */
export async function verdictGroups(
  db: Db,
  options: { year?: number | undefined; fullyReviewedOnly?: boolean },
): Promise<VerdictGroup[]> {
  let query = db
    .selectFrom('review_outcomes as ro')
    .leftJoin('agencies as a', 'a.id', 'ro.agency_key')
    .select((eb) => [
      'ro.decided_month as month',
      'ro.agency_key as agencyKey',
      'a.name as agency',
      'ro.kind as kind',
      'ro.outcome as outcome',
      'ro.value_kept as valueKept',
      'ro.changed_fields as changedFields',
      sql<number>`case when ro.extracted_json is null then 1 else 0 end`.as('manual'),
      eb.fn.countAll<number | string>().as('count'),
    ])
    .groupBy([
      'ro.decided_month',
      'ro.agency_key',
      'a.name',
      'ro.kind',
      'ro.outcome',
      'ro.value_kept',
      'ro.changed_fields',
      sql`case when ro.extracted_json is null then 1 else 0 end`,
    ]);
  if (options.year !== undefined) {
    query = query
      .where('ro.decided_month', '>=', `${options.year}-01`)
      .where('ro.decided_month', '<=', `${options.year}-12`);
  }
  if (options.fullyReviewedOnly) {
    query = query.where('ro.letter_id', 'in', fullyReviewedLetterIds(db));
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    ...row,
    valueKept: Number(row.valueKept) === 1,
    manual: Number(row.manual) === 1,
    count: Number(row.count),
  }));
}

/** Months that have verdicts, newest first (the page's year choice). */
export async function verdictYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('review_outcomes')
    .select(sql<string>`substr(decided_month, 1, 4)`.as('year'))
    .distinct()
    .execute();
  return rows.map((row) => Number(row.year)).sort((a, b) => b - a);
}

export interface GoldLetter {
  id: number;
  text: string;
  sourceName: string | null;
  agency: string | null;
  letterDate: string | null;
  suggestionRef: string | null;
  resultGrade: string | null;
}

/** The fully reviewed letters with the metadata the office left on them. */
export async function goldLetters(db: Db): Promise<GoldLetter[]> {
  return db
    .selectFrom('letters as l')
    .leftJoin('agencies as a', 'a.id', 'l.agency_id')
    .leftJoin('suggestions as s', 's.id', 'l.suggestion_id')
    .select([
      'l.id',
      'l.text',
      'l.source_name as sourceName',
      'a.name as agency',
      'l.letter_date as letterDate',
      's.ref as suggestionRef',
      'l.result_grade as resultGrade',
    ])
    .where('l.id', 'in', fullyReviewedLetterIds(db))
    .orderBy('l.id')
    .execute();
}

/** The quantified commitments that stand after review, in the gold file's names: the gold of one letter. */
export async function goldCommitments(db: Db, letterId: number) {
  return db
    .selectFrom('commitments')
    .select([
      'quote',
      'target_min as min',
      'target_max as max',
      'unit',
      'object',
      'per_scope as per',
      'deadline_year as deadlineYear',
    ])
    .where('letter_id', '=', letterId)
    .where('kind', '=', 'quantified')
    .where('review_status', '=', 'confirmed')
    .orderBy('span_start')
    .execute();
}

export async function countFullyReviewedLetters(db: Db): Promise<number> {
  const row = await db
    .selectFrom(fullyReviewedLetterIds(db).as('done'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
