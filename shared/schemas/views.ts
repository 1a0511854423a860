import { z } from 'zod';

/** A district, deputy or agency by its full name, as it appears in the URL. */
export const NameInputSchema = z.object({
  name: z.string({ error: '请提供名称。' }).trim().min(1, '请提供名称。').max(100, '名称不能超过 100 个字。'),
});
