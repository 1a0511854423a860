import { z } from 'zod';
import { plainString } from './common';

/** A district, deputy or agency by its full name, as it appears in the URL. */
export const NameInputSchema = z.object({
  name: plainString('名称', { error: '请提供名称。' })
    .trim()
    .min(1, '请提供名称。')
    .max(100, '名称不能超过 100 个字。'),
});
