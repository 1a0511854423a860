/**
 * Building blocks of the input schemas: ids, dates, amounts, free text, with Chinese messages.
 * Every string an input takes starts from `plainString` (or carries `refuseControlCharacters`), so
 * NUL and the other C0 control characters are refused here, once, with BAD_REQUEST: PostgreSQL
 * cannot store U+0000 in text (a 500), and SQLite stores it and then searches go wrong.
 */
import { z } from 'zod';

interface StringOptions {
  /** pasted multi-line text (letters, CSV, evidence): Windows line ends bring CR */
  multiline?: boolean;
}

/** Index of the first C0 control other than tab and newline (and CR when multi-line), else -1. */
export function controlCharacterIndex(value: string, options: StringOptions = {}): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 || code === 0x09 || code === 0x0a) continue;
    if (code === 0x0d && options.multiline) continue;
    return i;
  }
  return -1;
}

/** The rule as a zod check, for string formats that cannot start from `plainString` (url, base64). */
export const refuseControlCharacters = (what: string, options: StringOptions = {}) =>
  z.superRefine<string>((value, ctx) => {
    const at = controlCharacterIndex(value, options);
    if (at < 0) return;
    const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `${what}含有不可见的控制字符(第 ${at + 1} 个字符,U+${code}),请删除后重试。`,
    });
  });

/** A string input: the type message, then the control-character rule before any other check. */
export const plainString = (what: string, options: StringOptions & { error?: string } = {}) =>
  z.string({ error: options.error ?? `${what}应为文字。` }).check(refuseControlCharacters(what, options));

export const idOf = (what: string) =>
  z
    .number({ error: `请提供${what}编号。` })
    .int(`${what}编号必须是整数。`)
    .positive(`${what}编号必须是正整数。`);

/** YYYY-MM-DD, a real calendar day between 1990 and 2100 */
export const IsoDateSchema = plainString('日期', { error: '请填写日期。' })
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

export const text = (what: string, max: number, options: StringOptions = {}) =>
  plainString(what, { ...options, error: `请填写${what}。` })
    .trim()
    .min(1, `请填写${what}。`)
    .max(max, `${what}过长(上限 ${max} 字)。`);

export const optionalText = (what: string, max: number, options: StringOptions = {}) =>
  plainString(what, options).trim().max(max, `${what}过长(上限 ${max} 字)。`).optional();

export const HttpUrlSchema = z
  .url({ protocol: /^https?$/, error: '链接应以 http:// 或 https:// 开头。' })
  .max(2000, '链接过长。')
  // the URL parser percent-encodes controls in a path and so accepts them; the stored text would not
  .check(refuseControlCharacters('链接'));

/** File contents as base64: its alphabet already excludes controls; the check names the field. */
export const base64Of = (what: string, error: string) => z.base64(error).check(refuseControlCharacters(what));

/**
 * The commitment's version the caller's page showed (optimistic concurrency, issue 12): an edit
 * from an older one is refused with who changed it since. Required on every in-place edit: a
 * caller that never read the item cannot know what it overwrites, so it reads the version first.
 */
export const VersionSchema = z
  .number({
    error: (issue) => (issue.input === undefined ? '缺少版本号:请重新加载页面后再操作。' : '版本号无效。'),
  })
  .int('版本号无效。')
  .positive('版本号无效。');
