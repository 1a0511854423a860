import { z } from 'zod';

export const CommitmentIdSchema = z.object({
  id: z.number({ error: '请提供承诺事项编号。' }).int().positive('承诺事项编号必须是正整数。'),
});

export const CommitmentListSchema = z.object({
  letterId: z.number().int().positive().optional(),
});
