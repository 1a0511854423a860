import { z } from 'zod';
import { plainString } from './common';

export const SEARCH_MAX_LENGTH = 100;

export const SearchInputSchema = z.object({
  q: plainString('检索词', { error: '请输入要检索的文字。' })
    .trim()
    .min(1, '请输入要检索的文字。')
    .max(SEARCH_MAX_LENGTH, `检索词不能超过 ${SEARCH_MAX_LENGTH} 个字。`),
});
