/**
 * Inputs of the letters area, validated by the server and reused by the client's forms.
 */
import { z } from 'zod';
import { base64Of, plainString } from './common';
import { SummaryFilterObject } from './dashboard';
import { LIST_PAGE_SIZE_DEFAULT, pageFields } from './page';

/** A reply letter is a few thousand characters; 200,000 leaves room for long saved web pages. */
export const LETTER_MAX_CHARS = 200_000;
/** Upload limit of one letter file (.txt / .html, UTF-8 or GBK). */
export const LETTER_FILE_MAX_BYTES = 2 * 1024 * 1024;
/** base64 grows 4/3 */
const LETTER_FILE_MAX_BASE64 = Math.ceil(LETTER_FILE_MAX_BYTES / 3) * 4;

export const LetterIdSchema = z.object({
  id: z.number({ error: '请提供答复函编号。' }).int().positive('答复函编号必须是正整数。'),
});

/**
 * The office's explicit override when the server refuses text as not looking like a reply letter
 * (mojibake, menus only, no salutation, reply wording, signature or date): store it anyway.
 */
const AcceptUnusualSchema = z.boolean({ error: 'acceptUnusual 应为 true 或 false。' }).optional();

export const IngestTextSchema = z.object({
  text: plainString('答复函', { error: '请粘贴答复函全文。', multiline: true })
    .trim()
    .min(20, '答复函内容过短(至少 20 个字),请粘贴完整的答复函。')
    .max(LETTER_MAX_CHARS, `答复函过长(上限 ${LETTER_MAX_CHARS.toLocaleString('zh-CN')} 字)。`),
  sourceName: plainString('来源名称').trim().max(200, '来源名称过长(上限 200 字)。').optional(),
  acceptUnusual: AcceptUnusualSchema,
});

export const IngestFileSchema = z.object({
  fileName: plainString('文件名', { error: '请提供文件名。' })
    .trim()
    .min(1, '请提供文件名。')
    .max(200, '文件名过长(上限 200 字)。')
    .regex(/\.(txt|html?|htm)$/i, '只支持 .txt 或 .html 文件。'),
  contentBase64: base64Of('文件内容', '文件内容不是有效的 base64 编码。')
    .min(1, '文件为空,请选择一封答复函。')
    .max(LETTER_FILE_MAX_BASE64, `文件过大(上限 ${LETTER_FILE_MAX_BYTES / 1024 / 1024} MB)。`),
  acceptUnusual: AcceptUnusualSchema,
});

export type IngestTextInput = z.infer<typeof IngestTextSchema>;
export type IngestFileInput = z.infer<typeof IngestFileSchema>;

/**
 * The letters behind the overview's reply figures (/letters?year=2015&grade=A): the overview's
 * year, agency, session and deputy, a result grade (`graded`: any) and the latest rating
 * (`rated`: any; `favourable`: 满意 or 基本满意, the 满意率's numerator).
 */
export const LETTER_GRADE_FILTERS = ['A', 'B', 'C', 'D', 'graded'] as const;
export const LETTER_RATING_FILTERS = [
  'rated',
  'favourable',
  'satisfied',
  'basically',
  'unsatisfied',
] as const;
export type LetterGradeFilter = (typeof LETTER_GRADE_FILTERS)[number];
export type LetterRatingFilter = (typeof LETTER_RATING_FILTERS)[number];

/** The filters of the letters list, as a link from the overview carries them. */
export const LetterFilterObject = SummaryFilterObject.pick({
  year: true,
  agency: true,
  session: true,
  deputy: true,
}).extend({
  grade: z.enum(LETTER_GRADE_FILTERS, { error: '办理结果只能是 A、B、C、D 或 graded(已标注)。' }).optional(),
  rating: z
    .enum(LETTER_RATING_FILTERS, {
      error: '满意度只能是 rated、favourable、satisfied、basically、unsatisfied 之一。',
    })
    .optional(),
});

/** letters.list: the filters and the page (the newest letters first). */
export const LetterListSchema = LetterFilterObject.extend(pageFields).default({
  page: 1,
  pageSize: LIST_PAGE_SIZE_DEFAULT,
});
export type LetterListInput = z.input<typeof LetterListSchema>;
