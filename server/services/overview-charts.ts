/**
 * The overview's newer charts (issue 5), built on the existing computations rather than beside
 * them: progress over the years is buildSummary once per year, agencies ranked by kept rate are the
 * annual report's per-agency rows. Whatever makes those faster makes these faster.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listSuggestingDeputies } from '../repositories/suggestion-scope';
import { buildAgencyOutcomes, type OutcomeRow } from './annual-report';
import { buildSummary, listFilterChoices, type MetricsFilter, type MetricsOptions } from './metrics';
import { listSessions } from './suggestion-scope';

export interface TrendPoint {
  year: number;
  cutoff: string;
  tracked: number;
  due: number;
  kept: number;
  keptOnTime: number;
  keptRate: number | null;
  onTimeRate: number | null;
}

/** Per year with data, oldest first: the headline kept and on-time rates for the same filters. */
export async function buildTrend(
  db: Kysely<Database>,
  filter: Omit<MetricsFilter, 'year'>,
  options: MetricsOptions,
): Promise<{ points: TrendPoint[] }> {
  const { years } = await listFilterChoices(db, options);
  const points: TrendPoint[] = [];
  // One year after another: on SQLite the queries run one at a time anyway, and on PostgreSQL
  // this keeps a long span from taking every pooled connection.
  for (const year of [...years].reverse()) {
    const summary = await buildSummary(db, { ...filter, year }, options);
    const c = summary.commitments;
    points.push({
      year,
      cutoff: summary.cutoff,
      tracked: c.tracked,
      due: c.due,
      kept: c.kept,
      keptOnTime: c.keptOnTime,
      keptRate: c.keptRate,
      onTimeRate: c.onTimeRate,
    });
  }
  return { points };
}

/**
 * The annual report's agency rows for the year (the latest year with data when none is given),
 * best kept rate first; ties by more commitments due, then by name.
 */
export async function rankAgencies(
  db: Kysely<Database>,
  year: number | undefined,
  options: MetricsOptions,
): Promise<{ year: number; rows: OutcomeRow[] }> {
  const chosen = year ?? (await listFilterChoices(db, options)).years[0] ?? Number(options.today.slice(0, 4));
  const rows = (await buildAgencyOutcomes(db, chosen, options)).sort(
    (a, b) =>
      (b.keptRate ?? -1) - (a.keptRate ?? -1) ||
      b.due - a.due ||
      (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'),
  );
  return { year: chosen, rows };
}

/** The overview's filter choices: years, districts, agencies, and the sessions and deputies. */
export async function listOverviewChoices(db: Kysely<Database>, options: MetricsOptions) {
  const [base, sessions, deputies] = await Promise.all([
    listFilterChoices(db, options),
    listSessions(db),
    listSuggestingDeputies(db),
  ]);
  return { ...base, sessions, deputies };
}
