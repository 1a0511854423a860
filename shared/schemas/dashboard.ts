import { z } from 'zod';

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
  z
    .string({ error: `${what}名称应为文字。` })
    .trim()
    .min(1, `请填写${what}名称。`)
    .max(100, `${what}名称过长(上限 100 字)。`);

/** The overview's filters, as they appear in the page's URL (?year=2015&district=思明区&agency=…). */
export const SummaryFilterSchema = z
  .object({
    year: YearSchema.optional(),
    district: nameOf('区').optional(),
    agency: nameOf('承办单位').optional(),
  })
  .optional();

export const KeptRateGridInputSchema = z.object({ agency: nameOf('承办单位').optional() }).optional();

export const AnnualReportInputSchema = z.object({ year: YearSchema });

export type SummaryFilter = z.infer<typeof SummaryFilterSchema>;
