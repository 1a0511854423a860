/**
 * Finds every written quantity: a number or range, the qualifiers around it (至少, 80多个,
 * 约, 以上) and its unit or measure word with the 万/亿 multiplier kept in the unit as the
 * contract asks (11.54万人 → 11.54 万人). Whether a quantity is a promise is decided later;
 * this module only reads what is written. Works on the `plain` reading, units cut from `clean`.
 */

import { CHINESE_DIGITS, CHINESE_NUMERAL_CHARS, isMultiplier, parseNumber } from './numerals';
import type { LetterView } from './view';

export interface Quantity {
  /** start of the number (clean/plain index) */
  start: number;
  /** end of the unit and any trailing qualifier */
  end: number;
  /** end of the unit itself */
  unitEnd: number;
  min: number;
  max: number | null;
  unit: string;
  /** the unit without multiplier, in plain script (个, 元, 人次 …) */
  baseUnit: string;
  /** written with Chinese numerals (两, 三十) rather than digits */
  chinese: boolean;
  /** the number's value when it is exactly one written Chinese 一 */
  bareChineseOne: boolean;
  qualifier: 'atLeast' | 'approx' | 'threshold' | null;
  /** start of a qualifier written before the number (至少, 不少于, 约) */
  qualifierStart: number;
}

/** Measure words and units, longest first so that 平方米 wins over 米 and 人次 over 人. */
const UNITS = [
  '平方公里',
  '平方千米',
  '个百分点',
  '平方米',
  '立方米',
  '百分点',
  '万平米',
  '平米',
  '公里',
  '千米',
  '千瓦',
  '兆瓦',
  '公顷',
  '人次',
  '场次',
  '班次',
  '车次',
  '台套',
  '延米',
  '分钟',
  '标台',
  '小时',
  'km²',
  'km',
  'kW',
  'MW',
  'm³',
  'm²',
  'm3',
  'm2',
  '㎡',
  '个',
  '家',
  '所',
  '座',
  '处',
  '套',
  '张',
  '床',
  '栋',
  '幢',
  '户',
  '名',
  '位',
  '人',
  '辆',
  '台',
  '次',
  '场',
  '项',
  '条',
  '块',
  '间',
  '口',
  '眼',
  '盏',
  '棵',
  '株',
  '亩',
  '米',
  'm',
  '吨',
  '元',
  '%',
  '倍',
  '天',
  '周',
  '支',
  '队',
  '本',
  '册',
  '份',
  '篇',
  '件',
  '片',
  '段',
  '根',
  '组',
  '只',
  '头',
  '匹',
  '艘',
  '架',
  '孔',
  '基',
  '趟',
  '轮',
  '宗',
  '例',
  '羽',
  '杆',
  '路',
];

const RATE_DENOMINATORS = ['天', '日', '年', '月', '周', '人', '小时', '次', '户'];

const AT_LEAST_BEFORE = ['不少于', '不低于', '不少於', '至少', '最少', '超过', '多于', '逾', '超'];
const APPROX_BEFORE = ['大约', '将近', '接近', '约', '近'];
const RANGE_SEPARATOR = /^\s*(?:-{1,2}|至|到)\s*/;
const NUMBER_START = new RegExp(`[0-9十${Object.keys(CHINESE_DIGITS).join('')}]`, 'g');

interface NumberToken {
  end: number;
  value: number;
  chinese: boolean;
  bareOne: boolean;
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

/** The number starting at `at`, leaving a trailing 万/亿 for the unit. */
function readNumber(plain: string, at: number): NumberToken | null {
  const ch = plain[at];
  if (ch === undefined) return null;
  if (isAsciiDigit(ch)) {
    const match = /^\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|^\d+(?:\.\d+)?/.exec(plain.slice(at, at + 40));
    if (!match) return null;
    const text = match[0];
    const value = parseNumber(text);
    return value === null ? null : { end: at + text.length, value, chinese: false, bareOne: false };
  }
  if (CHINESE_DIGITS[ch] === undefined && ch !== '十') return null;
  let end = at;
  while (end < plain.length && CHINESE_NUMERAL_CHARS.has(plain[end]!)) end++;
  if (end - at > 1 && isMultiplier(plain[end - 1]!)) end--;
  const text = plain.slice(at, end);
  const value = parseNumber(text);
  return value === null ? null : { end, value, chinese: true, bareOne: text === '一' };
}

function unitAt(plain: string, at: number): string | null {
  for (const unit of UNITS) {
    if (plain.startsWith(unit, at)) {
      // ASCII units must not be the start of a longer Latin word (m in "mm", km in "kmh")
      if (isAsciiLetter(unit[unit.length - 1]) && isAsciiLetter(plain[at + unit.length])) continue;
      // 5路监控 counts channels; 5路公交, 3路口 name a route or a crossing
      if (unit === '路' && /^[公车口段面线桥灯由\d]/.test(plain[at + 1] ?? '')) continue;
      return unit;
    }
  }
  return null;
}

function qualifierBefore(plain: string, at: number): { kind: Quantity['qualifier']; start: number } {
  // 超 2000辆, 约 90张: a space may stand between the qualifier and its number
  if (plain[at - 1] === ' ' && /[\u4e00-\u9fff]/.test(plain[at - 2] ?? '')) {
    const spaced = qualifierBefore(plain, at - 1);
    if (spaced.kind) return spaced;
  }
  const before = plain.slice(Math.max(0, at - 4), at);
  for (const word of AT_LEAST_BEFORE)
    if (before.endsWith(word)) return { kind: 'atLeast', start: at - word.length };
  // 至少 may stand before the verb: 至少建立一个, 每校至少配备1名
  if (/(?:至少|最少)[\u4e00-\u9fff]{1,4}$/.test(plain.slice(Math.max(0, at - 6), at)))
    return { kind: 'atLeast', start: at };
  for (const word of APPROX_BEFORE) {
    // 近 is "nearly" (近3000人) but not in 最近
    if (before.endsWith(word) && !(word === '近' && plain[at - 2] === '最')) {
      return { kind: 'approx', start: at - word.length };
    }
  }
  return { kind: null, start: at };
}

/** All quantities in plain[from, to). */
export function findQuantities(view: LetterView, from: number, to: number): Quantity[] {
  const { plain, clean } = view;
  const found: Quantity[] = [];
  let i = from;
  while (i < to) {
    // jump to the next character that can start a number
    NUMBER_START.lastIndex = i;
    const next = NUMBER_START.exec(plain);
    if (!next || next.index >= to) break;
    i = next.index;
    const ch = plain[i]!;
    const prev = plain[i - 1];
    const startsNumber =
      (isAsciiDigit(ch) && !isAsciiDigit(prev) && prev !== '.' && !isAsciiLetter(prev)) ||
      ((CHINESE_DIGITS[ch] !== undefined || ch === '十') &&
        !(prev !== undefined && CHINESE_NUMERAL_CHARS.has(prev)));
    if (!startsNumber) {
      i++;
      continue;
    }
    const first = readNumber(plain, i);
    if (!first || first.end > to) {
      i++;
      continue;
    }
    const quantity = readQuantity(i, first, to);
    if (quantity) {
      found.push(quantity);
      i = quantity.end;
    } else {
      i = first.end;
    }
  }
  return found;

  function readQuantity(start: number, first: NumberToken, limit: number): Quantity | null {
    let k = first.end;
    let openMax = false;
    if (plain[k] === '多' || plain[k] === '余') {
      openMax = true;
      k++;
    }
    let multiplierAt = -1;
    if (isMultiplier(plain[k] ?? '')) {
      multiplierAt = k;
      k++;
    }
    if (!openMax && (plain[k] === '多' || plain[k] === '余')) {
      openMax = true;
      k++;
    }
    let min = first.value;
    let max: number | null = first.value;
    const range = RANGE_SEPARATOR.exec(plain.slice(k, k + 4));
    if (range && !openMax) {
      const second = readNumber(plain, k + range[0].length);
      if (second && second.value > first.value && second.end <= limit) {
        let r = second.end;
        if (isMultiplier(plain[r] ?? '')) {
          multiplierAt = r;
          r++;
        }
        if (plain[r] === '多' || plain[r] === '余') {
          openMax = true;
          r++;
        }
        min = first.value;
        max = second.value;
        k = r;
      }
    }
    // 380 m2: a space may stand before a Latin unit
    if (plain[k] === ' ' && /^[A-Za-z]/.test(plain[k + 1] ?? '') && unitAt(plain, k + 1)) k++;
    const base = unitAt(plain, k);
    let unitEnd = k;
    let baseUnit = '';
    if (base) {
      unitEnd = k + base.length;
      baseUnit = base;
      if (plain[unitEnd] === '/') {
        const denominator = RATE_DENOMINATORS.find((d) => plain.startsWith(d, unitEnd + 1));
        if (denominator) unitEnd += 1 + denominator.length;
      }
    } else if (multiplierAt >= 0 && /^[\s,.;:)。，、；：）]?$/.test(plain[k] ?? '')) {
      baseUnit = '';
    } else {
      return null;
    }
    if (unitEnd > limit) return null;
    const multiplier = multiplierAt >= 0 ? clean[multiplierAt]! : '';
    const unit = multiplier + clean.slice(k, unitEnd);
    let end = unitEnd;
    let qualifier: Quantity['qualifier'] = null;
    const after = plain.slice(unitEnd, unitEnd + 3);
    if (/^以上的|^以下的|^以内的|^及以上/.test(after)) qualifier = 'threshold';
    else if (after.startsWith('以上') || after.startsWith('多') || after.startsWith('余')) {
      openMax = true;
      end += after.startsWith('以上') ? 2 : 1;
    } else if (after.startsWith('左右')) {
      qualifier = 'approx';
      end += 2;
    } else if (after.startsWith('以内') || after.startsWith('以下')) {
      // a ceiling (控制在5%以内): the written value is the target
      end += 2;
    }
    const before = qualifierBefore(plain, start);
    const qualifierStart = before.kind ? before.start : start;
    if (qualifier === null) qualifier = before.kind;
    if (qualifier === 'atLeast') openMax = true;
    if (openMax) max = null;
    return {
      start,
      end,
      unitEnd,
      min,
      max,
      unit: unit || multiplier,
      baseUnit,
      chinese: first.chinese,
      bareChineseOne: first.bareOne && max === 1,
      qualifier: qualifier ?? (openMax ? 'atLeast' : null),
      qualifierStart,
    };
  }
}
