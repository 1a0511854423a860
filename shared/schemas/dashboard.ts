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
