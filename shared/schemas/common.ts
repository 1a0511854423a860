/** Building blocks of the input schemas: ids, dates, amounts, free text, with Chinese messages. */
import { z } from 'zod';

export const idOf = (what: string) =>
  z
    .number({ error: `请提供${what}编号。` })
    .int(`${what}编号必须是整数。`)
    .positive(`${what}编号必须是正整数。`);

/** YYYY-MM-DD, a real calendar day between 1990 and 2100 */
export const IsoDateSchema = z
  .string({ error: '请填写日期。' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD。')
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
  }, '不是有效的日期。')
  .refine((d) => d >= '1990-01-01' && d <= '2100-12-31', '日期应在 1990 年至 2100 年之间。');

/** A target or progress amount: non-negative, and not absurd. */
export const AmountSchema = z
  .number({ error: '请填写数值。' })
  .finite('数值无效。')
  .min(0, '数值不能为负数。')
  .max(1e12, '数值过大(上限 1 万亿)。');

export const text = (what: string, max: number) =>
  z
    .string({ error: `请填写${what}。` })
    .trim()
    .min(1, `请填写${what}。`)
    .max(max, `${what}过长(上限 ${max} 字)。`);

export const optionalText = (what: string, max: number) =>
  z.string().trim().max(max, `${what}过长(上限 ${max} 字)。`).optional();

export const HttpUrlSchema = z
  .url({ protocol: /^https?$/, error: '链接应以 http:// 或 https:// 开头。' })
  .max(2000, '链接过长。');
