import { z } from 'zod';
import { OUTCOME_FILTERS, TRACKED_STATUSES } from '../commitments';
import { plainString } from './common';

export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

export const YearSchema = z
  .number({ error: '年份必须是数字。' })
  .int('年份必须是整数。')
  .min(YEAR_MIN, `年份不能早于 ${YEAR_MIN}。`)
  .max(YEAR_MAX, `年份不能晚于 ${YEAR_MAX}。`);

export const DistrictYearInputSchema = z.object({
  fromYear: YearSchema.optional(),
  toYear: YearSchema.optional(),
});

const nameOf = (what: string) =>
  plainString(`${what}名称`).trim().min(1, `请填写${what}名称。`).max(100, `${what}名称过长(上限 100 字)。`);

export const StatusFilterSchema = z.enum(TRACKED_STATUSES, {
  error: '状态只能是 未启动、推进中、滞后、已完成、逾期未完成 之一。',
});

export const OutcomeFilterSchema = z.enum(OUTCOME_FILTERS, {
  error: '兑现情况只能是 到期、已兑现、按期兑现 之一。',
});

/**
 * Who and where a figure is about: agency, district, the session the suggestions were made at
 * (shared/sessions.ts), the deputy who made them, and the commitments' status.
 */
const scopeFields = {
  district: nameOf('区').optional(),
  agency: nameOf('承办单位').optional(),
  session: nameOf('会议').optional(),
  deputy: nameOf('代表').optional(),
  status: StatusFilterSchema.optional(),
};

/**
 * The overview's filters, as they appear in the page's URL
 * (?year=2015&district=思明区&agency=…&session=…&deputy=…&status=overdue).
 */
export const SummaryFilterObject = z.object({ year: YearSchema.optional(), ...scopeFields });
export const SummaryFilterSchema = SummaryFilterObject.optional();

/** The heat map covers every district and year; agency, session and deputy narrow it. */
export const KeptRateGridInputSchema = z
  .object({
    agency: nameOf('承办单位').optional(),
    session: nameOf('会议').optional(),
    deputy: nameOf('代表').optional(),
  })
  .optional();

/** Progress over the years: the overview's filters without the year (every year is a point). */
export const TrendInputSchema = z.object(scopeFields).optional();

/** Agencies ranked by kept rate for a year (the latest year with data when none is given). */
export const AgencyRankingInputSchema = z.object({ year: YearSchema.optional() }).optional();

export const AnnualReportInputSchema = z.object({ year: YearSchema });

export type SummaryFilter = z.infer<typeof SummaryFilterSchema>;
