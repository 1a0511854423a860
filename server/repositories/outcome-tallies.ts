/**
 * Reads and writes of the outcome tallies (db/migrations/0003_outcome_tallies.ts): the per-agency
 * loads they are computed from, their replacement, and the sums the overview and the report read.
 */
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OutcomeTallyTable, TallyScope } from '../../db/schema';
import {
  type OutcomeTally,
  type OverdueOutcome,
  type ScopedTally,
  tallyChanges,
} from '../domain/outcome-tallies';
import type { ProgressPoint } from '../domain/progress-summary';
import type { CountedCommitment, CountedTarget } from '../domain/tracked-items';
import { counted } from './counted';

type Db = Kysely<Database> | Transaction<Database>;
type OutcomeTallyRow = OutcomeTallyTable;

/** The agency key of a letter: its agency id, 0 without one. */
export const NO_AGENCY = 0;

function ofAgencies(eb: ExpressionBuilder<Database, 'letters'>, agencyKeys: readonly number[]) {
  const ids = agencyKeys.filter((k) => k !== NO_AGENCY);
  const withNone = agencyKeys.includes(NO_AGENCY);
  return eb.or([
    ...(ids.length ? [eb('letters.agency_id', 'in', ids)] : []),
    ...(withNone ? [eb('letters.agency_id', 'is', null)] : []),
  ]);
}

/** What one agency's tallies are computed from: the shapes the counting rules take. */
export interface AgencyOutcomeData {
  commitments: CountedCommitment[];
  targets: CountedTarget[];
  progress: (ProgressPoint & { isDemo: boolean })[];
}

/**
 * Counted (confirmed, not withdrawn) commitments of the agencies' letters, with their targets and
 * progress, per agency key. Several agencies per call: a full rebuild then costs a few queries per
 * hundred agencies instead of three per agency.
 */
export async function loadAgencyOutcomeData(db: Db, agencyKeys: readonly number[]) {
  const [commitments, targets, progress] = await Promise.all([
    db
      .selectFrom('commitments')
      .innerJoin('letters', 'letters.id', 'commitments.letter_id')
      .select([
        'letters.agency_id as agencyId',
        'commitments.id',
        'commitments.kind',
        'commitments.target_min as min',
        'commitments.deadline_year as deadlineYear',
        'commitments.milestone_state as milestoneState',
        'commitments.milestone_done_on as milestoneDoneOn',
        'letters.letter_date as letterDate',
      ])
      .where((eb) => ofAgencies(eb, agencyKeys))
      .where(counted)
      .orderBy('commitments.id')
      .execute(),
    db
      .selectFrom('commitment_targets')
      .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
      .innerJoin('letters', 'letters.id', 'commitments.letter_id')
      .select([
        'letters.agency_id as agencyId',
        'commitment_targets.commitment_id as commitmentId',
        'commitment_targets.district_id as districtId',
        'commitment_targets.target_min as min',
      ])
      .where((eb) => ofAgencies(eb, agencyKeys))
      .where(counted)
      .execute(),
    db
      .selectFrom('progress_updates')
      .innerJoin('commitments', 'commitments.id', 'progress_updates.commitment_id')
      .innerJoin('letters', 'letters.id', 'commitments.letter_id')
      .select([
        'letters.agency_id as agencyId',
        'progress_updates.id',
        'progress_updates.commitment_id as commitmentId',
        'progress_updates.district_id as districtId',
        'progress_updates.value',
        'progress_updates.as_of as asOf',
        'progress_updates.supersedes_id as supersedesId',
        'progress_updates.is_demo as isDemo',
      ])
      .where((eb) => ofAgencies(eb, agencyKeys))
      .where(counted)
      .execute(),
  ]);
  const perAgency = new Map<number, AgencyOutcomeData>(
    agencyKeys.map((key) => [key, { commitments: [], targets: [], progress: [] }]),
  );
  const of = (agencyId: number | null) => perAgency.get(agencyId ?? NO_AGENCY);
  for (const { agencyId, ...c } of commitments)
    of(agencyId)?.commitments.push({ ...c, min: c.min === null ? null : Number(c.min) });
  for (const { agencyId, ...t } of targets) of(agencyId)?.targets.push({ ...t, min: Number(t.min) });
  for (const { agencyId, ...p } of progress)
    of(agencyId)?.progress.push({ ...p, value: Number(p.value), isDemo: Number(p.isDemo) === 1 });
  return perAgency;
}

/** Agency keys of the letters (or of the commitments' letters) given. */
export async function agencyKeysOf(
  db: Db,
  subject: { letterIds?: readonly number[]; commitmentIds?: readonly number[] },
): Promise<number[]> {
  const keys = new Set<number>();
  if (subject.letterIds?.length) {
    const rows = await db
      .selectFrom('letters')
      .select('agency_id')
      .where('id', 'in', [...subject.letterIds])
      .execute();
    for (const r of rows) keys.add(r.agency_id ?? NO_AGENCY);
  }
  if (subject.commitmentIds?.length) {
    const rows = await db
      .selectFrom('commitments')
      .innerJoin('letters', 'letters.id', 'commitments.letter_id')
      .select('letters.agency_id')
      .where('commitments.id', 'in', [...subject.commitmentIds])
      .execute();
    for (const r of rows) keys.add(r.agency_id ?? NO_AGENCY);
  }
  return [...keys];
}

/** Refreshes the planner's statistics of the tally tables (both databases know ANALYZE <table>). */
export async function analyzeTallies(db: Db) {
  for (const table of ['outcome_tallies', 'outcome_totals', 'overdue_outcomes', 'outcome_tally_state'])
    await sql`analyze ${sql.table(table)}`.execute(db);
}

/** Raises the figures revision: figures computed before are out of date. */
export async function bumpFiguresRevision(db: Db) {
  await db
    .updateTable('figures_revision')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

export async function readFiguresRevision(db: Db): Promise<number> {
  const row = await db
    .selectFrom('figures_revision')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/**
 * Bumps the agencies' versions (their tallies are recomputed before figures are next read) and
 * the figures revision. Agencies are taken in key order, then the revision, so two writers lock
 * rows in the same order.
 */
export async function bumpTallyVersions(db: Db, agencyKeys: readonly number[]) {
  for (const agencyKey of [...new Set(agencyKeys)].sort((a, b) => a - b)) {
    await db
      .insertInto('outcome_tally_state')
      .values({ agency_key: agencyKey, stale_version: 1 })
      .onConflict((oc) =>
        oc.column('agency_key').doUpdateSet((eb) => ({
          stale_version: eb('outcome_tally_state.stale_version', '+', 1),
        })),
      )
      .execute();
  }
  await bumpFiguresRevision(db);
}

/** The agencies' current stale versions (every one has a state row once bumped). */
export async function tallyVersions(db: Db, agencyKeys: readonly number[]) {
  const rows = await db
    .selectFrom('outcome_tally_state')
    .select(['agency_key as agencyKey', 'stale_version as version'])
    .where('agency_key', 'in', [...agencyKeys])
    .orderBy('agency_key')
    .execute();
  return rows.map((r) => ({ agencyKey: r.agencyKey, version: Number(r.version) }));
}

/**
 * Agencies whose tallies are behind: a write since they were computed, never computed (an agency,
 * or letters without one, that no write has marked yet), or — with `withDayChange` — computed on
 * another day.
 */
export async function listStaleAgencies(
  db: Db,
  today: string,
  { withDayChange }: { withDayChange: boolean },
) {
  const [stale, untracked, orphanLetters] = await Promise.all([
    db
      .selectFrom('outcome_tally_state')
      .select(['agency_key as agencyKey', 'stale_version as version'])
      .where((eb) =>
        eb.or([
          eb('stale_version', '>', eb.ref('computed_version')),
          ...(withDayChange ? [eb('computed_on', '<>', today)] : []),
        ]),
      )
      .execute(),
    db
      .selectFrom('agencies')
      .select('agencies.id as agencyKey')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outcome_tally_state')
              .select('outcome_tally_state.agency_key')
              .whereRef('outcome_tally_state.agency_key', '=', 'agencies.id'),
          ),
        ),
      )
      .execute(),
    db
      .selectFrom('letters')
      .select('letters.id')
      .where('letters.agency_id', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outcome_tally_state')
              .select('outcome_tally_state.agency_key')
              .where('outcome_tally_state.agency_key', '=', NO_AGENCY),
          ),
        ),
      )
      .limit(1)
      .execute(),
  ]);
  return [
    ...stale.map((s) => ({ agencyKey: s.agencyKey, version: Number(s.version) })),
    ...untracked.map((u) => ({ agencyKey: u.agencyKey, version: 0 })),
    ...(orphanLetters.length ? [{ agencyKey: NO_AGENCY, version: 0 }] : []),
  ];
}

export interface AgencyTallies {
  scope: TallyScope;
  tallies: readonly OutcomeTally[];
  overdue: readonly OverdueOutcome[];
}

const INSERT_BATCH = 500;

/**
 * Replaces one agency's tallies and records the version and day they were computed for. The state
 * row is written first: on PostgreSQL its row lock makes a second process computing the same agency
 * wait, so its delete then sees (and removes) the rows this one inserted.
 */
export async function replaceAgencyTallies(
  trx: Transaction<Database>,
  agencyKey: number,
  computed: { version: number; today: string; firstYear: number | null; lastYear: number | null },
  sets: readonly AgencyTallies[],
) {
  await trx
    .insertInto('outcome_tally_state')
    .values({
      agency_key: agencyKey,
      stale_version: computed.version,
      computed_version: computed.version,
      computed_on: computed.today,
      first_year: computed.firstYear,
      last_year: computed.lastYear,
    })
    .onConflict((oc) =>
      oc.column('agency_key').doUpdateSet({
        computed_version: computed.version,
        computed_on: computed.today,
        first_year: computed.firstYear,
        last_year: computed.lastYear,
      }),
    )
    .execute();
  const before = await trx
    .selectFrom('outcome_tallies')
    .selectAll()
    .where('agency_key', '=', agencyKey)
    .execute();
  await trx.deleteFrom('outcome_tallies').where('agency_key', '=', agencyKey).execute();
  await trx.deleteFrom('overdue_outcomes').where('agency_key', '=', agencyKey).execute();
  const tallyRows = sets.flatMap(({ scope, tallies }) =>
    tallies.map((t) => ({
      agency_key: agencyKey,
      year: t.year,
      district_id: t.districtId,
      scope,
      status: t.status,
      items: t.items,
      due: t.due,
      kept: t.kept,
      kept_on_time: t.keptOnTime,
      completion: t.completion,
    })),
  );
  for (let i = 0; i < tallyRows.length; i += INSERT_BATCH)
    await trx
      .insertInto('outcome_tallies')
      .values(tallyRows.slice(i, i + INSERT_BATCH))
      .execute();
  await addToTotals(trx, tallyChanges(before.map(asScoped), tallyRows.map(asScoped)));
  const overdueRows = sets.flatMap(({ scope, overdue }) =>
    overdue.map((o) => ({
      agency_key: agencyKey,
      year: o.year,
      scope,
      commitment_id: o.commitmentId,
      target_min: o.targetMin,
      value: o.value,
    })),
  );
  for (let i = 0; i < overdueRows.length; i += INSERT_BATCH)
    await trx
      .insertInto('overdue_outcomes')
      .values(overdueRows.slice(i, i + INSERT_BATCH))
      .execute();
  await bumpFiguresRevision(trx);
}

function asScoped(row: Omit<OutcomeTallyRow, 'agency_key'>): ScopedTally {
  return {
    year: Number(row.year),
    districtKey: row.district_id ?? 0,
    scope: row.scope,
    status: row.status,
    items: Number(row.items),
    due: Number(row.due),
    kept: Number(row.kept),
    keptOnTime: Number(row.kept_on_time),
    completion: Number(row.completion),
  };
}

/** Adds the changes to the all-agency totals, in key order (two writers lock rows alike). */
async function addToTotals(trx: Transaction<Database>, changes: readonly ScopedTally[]) {
  for (let i = 0; i < changes.length; i += INSERT_BATCH) {
    await trx
      .insertInto('outcome_totals')
      .values(
        changes.slice(i, i + INSERT_BATCH).map((c) => ({
          year: c.year,
          district_key: c.districtKey,
          scope: c.scope as TallyScope,
          status: c.status,
          items: c.items,
          due: c.due,
          kept: c.kept,
          kept_on_time: c.keptOnTime,
          completion: c.completion,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['year', 'district_key', 'scope', 'status']).doUpdateSet((eb) => ({
          items: eb('outcome_totals.items', '+', eb.ref('excluded.items')),
          due: eb('outcome_totals.due', '+', eb.ref('excluded.due')),
          kept: eb('outcome_totals.kept', '+', eb.ref('excluded.kept')),
          kept_on_time: eb('outcome_totals.kept_on_time', '+', eb.ref('excluded.kept_on_time')),
          completion: eb('outcome_totals.completion', '+', eb.ref('excluded.completion')),
        })),
      )
      .execute();
  }
}

export interface TallyFilter {
  scopes: readonly TallyScope[];
  year?: number;
  agencyKey?: number | null;
  /** the district's rows; null: whole commitments */
  districtIds?: readonly number[] | null;
  /** only items in this status */
  status?: string | undefined;
}

/** One agency's rows (outcome_tallies), filtered. */
function agencyRows(db: Db, agencyKey: number, filter: TallyFilter) {
  let query = db
    .selectFrom('outcome_tallies')
    .where('agency_key', '=', agencyKey)
    .where('scope', 'in', [...filter.scopes]);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.districtIds === null) query = query.where('district_id', 'is', null);
  else if (filter.districtIds !== undefined)
    query = query.where('district_id', 'in', [...filter.districtIds, NO_DISTRICT]);
  return query;
}

/** The all-agency totals (outcome_totals), filtered. */
function totalRows(db: Db, filter: TallyFilter) {
  let query = db.selectFrom('outcome_totals').where('scope', 'in', [...filter.scopes]);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.districtIds === null) query = query.where('district_key', '=', WHOLE);
  else if (filter.districtIds !== undefined)
    query = query.where('district_key', 'in', [...filter.districtIds, NO_DISTRICT]);
  return query;
}

/** district_key of whole commitments in outcome_totals. */
const WHOLE = 0;
/** Never a district id: keeps `in (…)` valid when a district name has no rows. */
const NO_DISTRICT = -1;

// Column names only; the same sums read either table.
const SUMS = [
  sql<number>`sum(items)`.as('items'),
  sql<number>`sum(due)`.as('due'),
  sql<number>`sum(kept)`.as('kept'),
  sql<number>`sum(kept_on_time)`.as('keptOnTime'),
  sql<number>`sum(completion)`.as('completion'),
  sql<number>`sum(case when status = 'achieved' then items else 0 end)`.as('achieved'),
  sql<number>`sum(case when status = 'overdue' then due else 0 end)`.as('overdueDue'),
] as const;

// PostgreSQL sums integers as bigint, which the driver hands over as text.
const count = (v: unknown) => Number(v ?? 0);

export interface TallySums {
  items: number;
  due: number;
  kept: number;
  keptOnTime: number;
  completion: number;
  /** items whose status is achieved */
  achieved: number;
  /** due items whose status is overdue */
  overdueDue: number;
}

function toSums(r: Record<string, unknown>): TallySums {
  return {
    items: count(r.items),
    due: count(r.due),
    kept: count(r.kept),
    keptOnTime: count(r.keptOnTime),
    completion: count(r.completion),
    achieved: count(r.achieved),
    overdueDue: count(r.overdueDue),
  };
}

export async function sumTalliesByStatus(db: Db, filter: TallyFilter) {
  const rows =
    filter.agencyKey != null
      ? await agencyRows(db, filter.agencyKey, filter)
          .select(['status', ...SUMS])
          .groupBy('status')
          .execute()
      : await totalRows(db, filter)
          .select(['status', ...SUMS])
          .groupBy('status')
          .execute();
  return rows.map((r) => ({ status: r.status, ...toSums(r) }));
}

export async function sumTalliesByYearAndDistrict(db: Db, filter: TallyFilter) {
  const rows =
    filter.agencyKey != null
      ? await agencyRows(db, filter.agencyKey, filter)
          .where('district_id', 'is not', null)
          .select(['year', 'district_id as districtId', ...SUMS])
          .groupBy(['year', 'district_id'])
          .execute()
      : await totalRows(db, filter)
          .where('district_key', '<>', WHOLE)
          .select(['year', 'district_key as districtId', ...SUMS])
          .groupBy(['year', 'district_key'])
          .execute();
  return rows.map((r) => ({ year: Number(r.year), districtId: Number(r.districtId), ...toSums(r) }));
}

/** Whole commitments per agency. */
export async function sumTalliesByAgency(db: Db, filter: Omit<TallyFilter, 'agencyKey' | 'districtIds'>) {
  let query = db
    .selectFrom('outcome_tallies')
    .where('scope', 'in', [...filter.scopes])
    .where('district_id', 'is', null);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  const rows = await query
    .select(['agency_key as agencyKey', ...SUMS])
    .groupBy('agency_key')
    .execute();
  return rows.map((r) => ({ agencyKey: Number(r.agencyKey), ...toSums(r) }));
}

/**
 * The years the charts span: from the first year with counted commitments to the last year any of
 * them names (a letter's or a deadline), null when nothing is counted.
 */
export async function talliedYearSpan(db: Db): Promise<{ first: number; last: number } | null> {
  const row = await db
    .selectFrom('outcome_tally_state')
    .select((eb) => [eb.fn.min('first_year').as('first'), eb.fn.max('last_year').as('last')])
    .executeTakeFirst();
  if (row?.first == null || row.last == null) return null;
  return { first: Number(row.first), last: Math.max(Number(row.first), Number(row.last)) };
}

/** The report's overdue list: whole commitments due and overdue in the year, with what it shows. */
export async function listOverdueOutcomes(
  db: Db,
  year: number,
  scopes: readonly TallyScope[],
  limit?: number,
) {
  // The page's first rows are picked from overdue_outcomes alone (its year index is in commitment
  // order) before anything is joined, whatever the planner thinks of the join.
  let overdue = db
    .selectFrom('overdue_outcomes')
    .select(['commitment_id', 'target_min', 'value'])
    .where('year', '=', year)
    .where('scope', 'in', [...scopes])
    .orderBy('commitment_id');
  if (limit !== undefined) overdue = overdue.limit(limit);
  const rows = await db
    .selectFrom(overdue.as('o'))
    .innerJoin('commitments', 'commitments.id', 'o.commitment_id')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'commitments.id as commitmentId',
      'letters.id as letterId',
      'agencies.name as agency',
      'letters.doc_number as docNumber',
      'commitments.object',
      'commitments.quote',
      'commitments.target_min as letterMin',
      'commitments.target_max as letterMax',
      'o.target_min as targetMin',
      'commitments.unit',
      'o.value',
      'commitments.deadline_year as deadlineYear',
      'commitments.reason_code as reasonCode',
    ])
    .orderBy('commitments.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    letterMin: r.letterMin === null ? null : Number(r.letterMin),
    letterMax: r.letterMax === null ? null : Number(r.letterMax),
    targetMin: r.targetMin === null ? null : Number(r.targetMin),
    value: r.value === null ? null : Number(r.value),
  }));
}

/** Names of agencies by key (0: no agency). */
export async function agencyNames(db: Db, keys: readonly number[]) {
  const ids = keys.filter((k) => k !== NO_AGENCY);
  const rows = ids.length
    ? await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute()
    : [];
  return new Map<number, string | null>([[NO_AGENCY, null], ...rows.map((r) => [r.id, r.name] as const)]);
}
