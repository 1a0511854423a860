import { describe, expect, test } from 'vitest';
import { parseAsOfDate, parseProgressValue, todayInChina } from '../../server/spreadsheets/cells';
import { columnForHeader, formatTargetKey, parseTargetKey } from '../../server/spreadsheets/progress-columns';

describe('dates as Excel and clerks write them', () => {
  test.each([
    ['2025-03-01', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025.3.1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['2025 年 3 月 1 日', '2025-03-01'],
    ['２０２５－０３－０１', '2025-03-01'],
    ['2025/3/1 0:00', '2025-03-01'],
    ['2025-03-01 00:00:00', '2025-03-01'],
    ['20250301', '2025-03-01'],
    ['45717', '2025-03-01'],
  ])('%s', (text, iso) => {
    expect(parseAsOfDate(text)).toEqual({ ok: true, value: iso });
  });

  test('Excel date cells, serial numbers and yyyymmdd numbers', () => {
    expect(parseAsOfDate(new Date(Date.UTC(2024, 1, 29)))).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseAsOfDate(new Date(Date.UTC(2024, 1, 29, 18, 30)))).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseAsOfDate(45717)).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseAsOfDate(20250301)).toEqual({ ok: true, value: '2025-03-01' });
  });

  test.each(['2025-02-29', '2025-13-01', '3/1/2025', '2025', '明年', '2025-3', ''])('refuses %j', (text) => {
    expect(parseAsOfDate(text).ok).toBe(false);
  });

  test('refuses numbers that are no plausible date', () => {
    expect(parseAsOfDate(2025).ok).toBe(false);
    expect(parseAsOfDate(true).ok).toBe(false);
  });
});

describe('values', () => {
  test.each([
    [12, 12],
    ['12', 12],
    [' 12.50 ', 12.5],
    ['1,234', 1234],
    ['１２', 12],
    ['+3', 3],
    ['0', 0],
    [1e12, 1e12],
    ['85%', 85],
    ['８５％', 85],
  ])('%j', (cell, value) => {
    expect(parseProgressValue(cell)).toEqual({ ok: true, value });
  });

  test.each(['12个', '约10', '1e', 'NaN', '', '3-5'])('refuses %j', (text) => {
    expect(parseProgressValue(text).ok).toBe(false);
  });
});

describe('target keys and headers', () => {
  test('keys round-trip and tolerate full-width characters', () => {
    expect(parseTargetKey(formatTargetKey({ commitmentId: 123, districtName: '思明区' }))).toEqual({
      commitmentId: 123,
      districtName: '思明区',
    });
    expect(parseTargetKey(' 123 ')).toEqual({ commitmentId: 123, districtName: null });
    expect(parseTargetKey('１２３＠思明区')).toEqual({ commitmentId: 123, districtName: '思明区' });
    for (const bad of ['0', '-1', '12@', 'abc', '1.5', '12#思明区']) expect(parseTargetKey(bad)).toBeNull();
  });

  test('headers are matched by Chinese name, English key or alias, with hints and stars ignored', () => {
    expect(columnForHeader('本期累计完成值')).toBe('value');
    expect(columnForHeader(' 截至日期（YYYY-MM-DD） ')).toBe('as_of');
    expect(columnForHeader('*目标编号')).toBe('target_key');
    expect(columnForHeader('Evidence_URL')).toBe('evidence_url');
    expect(columnForHeader('备注')).toBeNull();
  });

  test('today is the date in China', () => {
    expect(todayInChina(new Date('2025-03-01T17:00:00Z'))).toBe('2025-03-02');
  });
});
