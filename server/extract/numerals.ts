/**
 * Numbers as letters write them: Arabic (1.26, 2235.28), Chinese with units (三十, 一百二十,
 * 一千零五, 一万亿), digit-by-digit Chinese (二〇一五) and the traditional and financial forms.
 * The 万/亿 that ends a number is a unit multiplier the contract keeps in the unit (11.54万人),
 * so callers split it off before parsing; inside a Chinese number it is part of the value.
 */

/** Each digit character with its value: plain, traditional and financial forms. */
const DIGIT_GROUPS: ReadonlyArray<[string, number]> = [
  ['零〇○', 0],
  ['一壹', 1],
  ['二贰貳两兩', 2],
  ['三叁', 3],
  ['四肆', 4],
  ['五伍', 5],
  ['六陆陸', 6],
  ['七柒', 7],
  ['八捌', 8],
  ['九玖', 9],
];

export const CHINESE_DIGITS: Readonly<Record<string, number>> = Object.fromEntries(
  DIGIT_GROUPS.flatMap(([chars, value]) => [...chars].map((ch) => [ch, value] as const)),
);

const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const WAN = new Set(['万', '萬']);
const YI = new Set(['亿', '億']);

export const CHINESE_NUMERAL_CHARS = new Set([
  ...Object.keys(CHINESE_DIGITS),
  ...Object.keys(SMALL_UNITS),
  ...WAN,
  ...YI,
]);

export function isMultiplier(ch: string): boolean {
  return WAN.has(ch) || YI.has(ch);
}

export function multiplierValue(ch: string): number {
  return WAN.has(ch) ? 1e4 : YI.has(ch) ? 1e8 : 1;
}

/** 二〇一五 → 2015: three or more bare digits, read position by position (三五个 is a vague "three to five", not 35). */
function parsePositional(text: string): number | null {
  let value = 0;
  for (const ch of text) {
    const digit = CHINESE_DIGITS[ch];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A Chinese integer, or null when the text is not one. 十 may stand alone (十五 = 15),
 * 零 only marks a gap (一千零五), 万 and 亿 scale everything before them (一万亿 = 10^12).
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  if (text.length > 2 && [...text].every((ch) => CHINESE_DIGITS[ch] !== undefined))
    return parsePositional(text);

  let total = 0;
  let belowYi = 0;
  let section = 0;
  let digit: number | null = null;
  let sawValue = false;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null;
      digit = d;
      sawValue ||= d !== 0;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      sawValue = true;
      continue;
    }
    if (WAN.has(ch)) {
      if (!sawValue) return null;
      belowYi += (section + (digit ?? 0)) * 1e4;
      section = 0;
      digit = null;
      continue;
    }
    if (YI.has(ch)) {
      if (!sawValue) return null;
      total += (belowYi + section + (digit ?? 0)) * 1e8;
      belowYi = 0;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  if (!sawValue && !text.includes('零') && !text.includes('〇')) return null;
  return total + belowYi + section + (digit ?? 0);
}

/**
 * An Arabic or Chinese number as written, or null: 2235.28, 1,200, 三十, 一千零五, and with a
 * multiplier 1.2万 = 12000, 3亿 = 300000000. (Quantities keep the multiplier in their unit;
 * this full value is for callers that want the number itself.)
 */
export function parseNumber(text: string): number | null {
  const arabic = /^(\d+(?:\.\d+)?)([万萬亿億])?$/.exec(text.replace(/,/g, ''));
  if (arabic) {
    const value = Number(arabic[1]) * multiplierValue(arabic[2] ?? '');
    return Math.round(value * 1e6) / 1e6;
  }
  return parseChineseInteger(text);
}
