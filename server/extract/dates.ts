/**
 * Calendar dates as letters sign them: 2015年3月19日, 二〇一五年三月十九日, ISO forms after a
 * label (答复日期: 2021-06-22), and the digit runs left when a site drops 年 and 月
 * (2022524日, 202285). Only whole valid dates are accepted.
 */
import { parseNumber } from './numerals';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || year < 1949 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  return { year, month, day };
}

export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const NUMERAL = '[0-9零〇○一二三四五六七八九十]';

/** 2015年3月19日 or 二〇一五年三月十九日 (plain reading), anywhere in `text`. */
export const CHINESE_DATE = new RegExp(
  `(${NUMERAL}{4})\\s*年\\s*(${NUMERAL}{1,3})\\s*月\\s*(${NUMERAL}{1,3})\\s*[日号]`,
  'g',
);

export function parseChineseDate(year: string, month: string, day: string): CalendarDate | null {
  const y = parseNumber(year);
  const m = parseNumber(month);
  const d = parseNumber(day);
  return y === null || m === null || d === null ? null : validDate(y, m, d);
}

/** A line that is only digits for year, month and day with the separators lost. */
export function parseRunTogetherDate(line: string): CalendarDate | null {
  const match = /^((?:19|20)\d{2})(\d{2,4})日?$/.exec(line);
  if (!match) return null;
  const year = Number(match[1]);
  const rest = match[2]!;
  const splits =
    rest.length === 2
      ? [[rest.slice(0, 1), rest.slice(1)]]
      : rest.length === 4
        ? [[rest.slice(0, 2), rest.slice(2)]]
        : [
            [rest.slice(0, 1), rest.slice(1)],
            [rest.slice(0, 2), rest.slice(2)],
          ];
  for (const [month, day] of splits) {
    const date = validDate(year, Number(month), Number(day));
    if (date) return date;
  }
  return null;
}
