import { z } from 'zod';
import { plainString } from './common';
import { OutcomeFilterSchema, SummaryFilterObject } from './dashboard';
import { pageFields } from './page';

export const CommitmentIdSchema = z.object({
  id: z.number({ error: '请提供承诺事项编号。' }).int().positive('承诺事项编号必须是正整数。'),
});

export { LIST_PAGE_SIZE_MAX } from './page';

/**
 * The commitments list (/commitments): the overview's filters, plus which part of the kept rate
 * (到期 / 已兑现 / 按期兑现), free text over the object and the quoted sentence, and the page.
 */
export const CommitmentListSchema = SummaryFilterObject.extend({
  outcome: OutcomeFilterSchema.optional(),
  kind: z
    .enum(['quantified', 'milestone'], { error: '类型只能是 quantified(量化承诺)或 milestone(节点事项)。' })
    .optional(),
  q: plainString('检索词', { error: '检索词应为文字。' })
    .trim()
    .max(100, '检索词过长(上限 100 字)。')
    .optional(),
  letterId: z
    .number({ error: '答复函编号必须是数字。' })
    .int('答复函编号必须是整数。')
    .positive('答复函编号必须是正整数。')
    .optional(),
  ...pageFields,
}).default({ page: 1, pageSize: 50 });

export type CommitmentListInput = z.input<typeof CommitmentListSchema>;
