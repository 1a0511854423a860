/** Review of extracted commitments (待核实): confirm, correct, reject, add what was missed. */
import { z } from 'zod';
import { PER_SCOPES } from '../extraction';
import { AmountSchema, idOf, optionalText, text, VersionSchema } from './common';
import { YearSchema } from './dashboard';

const fields = {
  min: AmountSchema,
  max: AmountSchema.nullable(),
  unit: text('单位', 20),
  object: text('承诺对象', 200),
  per: z.enum(PER_SCOPES, { error: '适用范围无效。' }).nullable(),
  deadlineYear: YearSchema.nullable(),
  section: optionalText('所在部分', 200).nullable(),
};

const span = {
  start: z.number().int().min(0, '起始位置无效。'),
  end: z.number().int().min(1, '结束位置无效。'),
};

const maxNotBelowMin = (v: { min?: number | undefined; max?: number | null | undefined }) =>
  v.max === null || v.max === undefined || v.min === undefined || v.max >= v.min;
const spanForward = (v: { start: number; end: number }) => v.end > v.start;

export const ConfirmSchema = z.object({
  id: idOf('承诺事项'),
  version: VersionSchema,
  note: optionalText('核实意见', 500, { multiline: true }),
});

export const CorrectSchema = z
  .object({
    id: idOf('承诺事项'),
    version: VersionSchema,
    note: optionalText('核实意见', 500, { multiline: true }),
    ...span,
    ...fields,
  })
  .refine(maxNotBelowMin, { message: '目标上限不能小于下限。', path: ['max'] })
  .refine(spanForward, { message: '所选原文为空。', path: ['end'] });

export const RejectSchema = z.object({
  id: idOf('承诺事项'),
  version: VersionSchema,
  reason: text('驳回理由', 500, { multiline: true }),
});

export const AddCommitmentSchema = z
  .object({ letterId: idOf('答复函'), ...span, ...fields })
  .refine(maxNotBelowMin, { message: '目标上限不能小于下限。', path: ['max'] })
  .refine(spanForward, { message: '所选原文为空。', path: ['end'] });

export const AddMilestoneSchema = z
  .object({ letterId: idOf('答复函'), ...span, deadlineYear: YearSchema.nullable(), section: fields.section })
  .refine(spanForward, { message: '所选原文为空。', path: ['end'] });

export type ConfirmInput = z.infer<typeof ConfirmSchema>;
export type RejectInput = z.infer<typeof RejectSchema>;
export type CorrectInput = z.infer<typeof CorrectSchema>;
export type AddCommitmentInput = z.infer<typeof AddCommitmentSchema>;

/** The extraction quality page: the year of the decisions (all years when left out). */
export const QualityInputSchema = z.object({ year: YearSchema.optional() }).optional();
