/**
 * The numeral parser reads every way letters write numbers; the property test writes each
 * integer up to 10^12 the way a Chinese text would and reads it back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseInteger, parseNumber } from '../../server/extract/numerals';

const DIGITS = '零一二三四五六七八九';

/** 0–9999 in standard Chinese, with 零 for inner gaps; `leadingTen` writes 10–19 as 十… */
function writeSection(n: number, leadingTen: boolean): string {
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let gap = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out) gap = true;
      return;
    }
    if (gap) out += '零';
    gap = false;
    out += leadingTen && !out && d === 1 && units[i] === '十' ? '十' : DIGITS[d]! + units[i]!;
  });
  return out;
}

/** Any integer 0 … 10^12 in Chinese numerals (一万亿 for 10^12). */
function writeChinese(n: number, leadingTen = true): string {
  if (n === 0) return '零';
  const groups: Array<[number, string]> = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor((n % 1e8) / 1e4), '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let needZero = false;
  for (const [value, unit] of groups) {
    if (value === 0) {
      if (out) needZero = true;
      continue;
    }
    if (out && (needZero || value < 1000)) out += '零';
    needZero = false;
    out += value >= 1e4 ? writeChinese(value, leadingTen && !out) : writeSection(value, leadingTen && !out);
    out += unit;
  }
  return out;
}

describe('parseChineseInteger', () => {
  it.each([
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['三十', 30],
    ['一百二十', 120],
    ['一千零五', 1005],
    ['二〇一五', 2015],
    ['一万亿', 1e12],
    ['三亿五千万', 350_000_000],
    ['兩百', 200],
    ['壹佰贰拾', 120],
  ])('%s → %d', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it('refuses what is not a number', () => {
    expect(parseChineseInteger('万')).toBeNull();
    expect(parseChineseInteger('三五')).toBeNull();
    expect(parseChineseInteger('')).toBeNull();
    expect(parseChineseInteger('十大')).toBeNull();
  });

  it('reads back every integer up to 10^12 written in Chinese', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (n, leadingTen) => {
        expect(parseChineseInteger(writeChinese(n, leadingTen))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('reads the edges of each magnitude', () => {
    for (const n of [
      0,
      1,
      10,
      11,
      20,
      100,
      101,
      110,
      1000,
      1001,
      1010,
      10000,
      10001,
      100000,
      1e8,
      1e8 + 1,
      1e12 - 1,
      1e12,
    ]) {
      expect(parseChineseInteger(writeChinese(n)), String(n)).toBe(n);
    }
  });
});

describe('parseNumber', () => {
  it('reads Arabic numbers with decimals and thousands separators', () => {
    expect(parseNumber('2235.28')).toBe(2235.28);
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('三十')).toBe(30);
    expect(parseNumber('1.2万')).toBe(12000);
    expect(parseNumber('3亿')).toBe(300_000_000);
    expect(parseNumber('2235.28万')).toBe(22_352_800);
    expect(parseNumber('三十万')).toBe(300_000);
  });
});
