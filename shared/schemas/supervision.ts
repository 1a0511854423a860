/** Suggestions, satisfaction (满意度), follow-ups (督办), target splits, gazetteer import. */
import { z } from 'zod';
import { CommitmentIdSchema } from './commitments';
import { AmountSchema, IsoDateSchema, idOf, optionalText, plainString, text, VersionSchema } from './common';
import { YEAR_MAX } from './dashboard';

/**
 * Years a gazetteer row may start or end in: no district of today's cities predates 1949, and the
 * product's years end at YEAR_MAX; 3000 is a typing error, not a planned change.
 */
export const GAZETTEER_YEAR_MIN = 1949;
export const GAZETTEER_YEAR_MAX = YEAR_MAX;

export const SATISFACTION_LEVELS = ['satisfied', 'basically', 'unsatisfied'] as const;

export const SatisfactionSchema = z.object({
  letterId: idOf('答复函'),
  level: z.enum(SATISFACTION_LEVELS, { error: '请选择满意、基本满意或不满意。' }),
  comment: optionalText('意见', 2000, { multiline: true }),
});

export const SuggestionIdSchema = z.object({ id: idOf('建议') });

export const AddHandlerSchema = z.object({
  suggestionId: idOf('建议'),
  agencyName: text('承办单位名称', 100),
  role: z.enum(['lead', 'co'], { error: '请选择主办或协办。' }),
});

export const AddDeputySchema = z.object({
  suggestionId: idOf('建议'),
  deputyName: text('代表姓名', 50),
});

export const CreateFollowUpSchema = z.object({
  commitmentId: idOf('承诺事项'),
  request: text('督办意见', 2000, { multiline: true }),
  dueDate: IsoDateSchema.optional(),
});

export const AnswerFollowUpSchema = z.object({
  id: idOf('督办事项'),
  response: text('答复内容', 4000, { multiline: true }),
});

export const SplitTargetSchema = z.object({
  commitmentId: idOf('承诺事项'),
  version: VersionSchema,
  parts: z
    .array(z.object({ districtId: idOf('区'), min: AmountSchema, max: AmountSchema.nullable() }))
    .min(1, '请至少分配到一个区。')
    .max(200, '分配的区过多。'),
});

export const MergeTargetsSchema = CommitmentIdSchema.extend({ version: VersionSchema });

export const GazetteerCsvSchema = z.object({
  csv: text('CSV 内容', 2_000_000, { multiline: true }),
});

export const GazetteerYearSchema = z.object({
  city: plainString('城市').trim().max(50).optional(),
  year: z.number().int().min(1990).max(GAZETTEER_YEAR_MAX).optional(),
  /** the day whose streets and towns to list; more exact than the year, since changes fall mid-year */
  date: IsoDateSchema.optional(),
});

export const GazetteerCitySchema = z.object({ city: plainString('城市').trim().max(50).optional() });
