/**
 * A page of a long list (the commitments, the letters): which page and how many rows on it. The
 * server counts the matching rows and sends one page, so a province's list never travels whole.
 */
import { z } from 'zod';

export const LIST_PAGE_SIZE_MAX = 200;
export const LIST_PAGE_SIZE_DEFAULT = 50;

export const pageFields = {
  page: z
    .number({ error: '页码必须是数字。' })
    .int('页码必须是整数。')
    .min(1, '页码从 1 开始。')
    .max(100_000, '页码过大。')
    .default(1),
  pageSize: z
    .number({ error: '每页条数必须是数字。' })
    .int('每页条数必须是整数。')
    .min(1, '每页至少 1 条。')
    .max(LIST_PAGE_SIZE_MAX, `每页最多 ${LIST_PAGE_SIZE_MAX} 条。`)
    .default(LIST_PAGE_SIZE_DEFAULT),
};

/** What a paged list answers besides its rows: the count of every match and where this page sits. */
export interface PageOf<Row> {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  items: Row[];
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
