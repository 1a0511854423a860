/**
 * Time words that set a commitment's due year, resolved against the letter's year:
 * 今年/年内/年底 → that year, 明年 → +1, 三年内 / 用2—3年时间 → +3, 2025年底前 → 2025,
 * 2026-2028年 → 2028, "十四五"期间 → 2025. A time word reaching back (截至2019年6月,
 * 2021年以来, a year before the letter) is marked past: it dates a report, not a promise.
 */
import { parseNumber } from './numerals';

export interface TimeWord {
  start: number;
  end: number;
  year: number | null;
  /** points back in time: the sentence around it reports the past */
  past: boolean;
  /** points forward from the letter: a plan */
  future: boolean;
}

const FIVE_YEAR_PLAN_END: Readonly<Record<string, number>> = { 二: 2015, 三: 2020, 四: 2025, 五: 2030 };
const COUNT = '[0-9一二两三四五六七八九十]{1,4}';

interface Pattern {
  regex: RegExp;
  resolve: (match: RegExpExecArray, letterYear: number | null) => number | null;
  relative: boolean;
  /** for a range of years, its first year */
  startYear?: (match: RegExpExecArray) => number;
}

const plus = (letterYear: number | null, years: number): number | null =>
  letterYear === null ? null : letterYear + years;

const PATTERNS: Pattern[] = [
  {
    regex: /十([二三四五])[·.]?五/g,
    resolve: (m) => FIVE_YEAR_PLAN_END[m[1]!] ?? null,
    relative: false,
  },
  {
    regex: /((?:19|20)\d{2})\s*年?\s*(?:-{1,2}|至|到)\s*((?:19|20)\d{2})\s*年?/g,
    resolve: (m) => Number(m[2]),
    relative: false,
    startYear: (m) => Number(m[1]),
  },
  {
    regex: /((?:19|20)\d{2})\s*年(?:度|底|末|前|以前|之前|内|上半年|下半年)?/g,
    resolve: (m) => Number(m[1]),
    relative: false,
  },
  {
    regex: new RegExp(`用\\s*(${COUNT})(?:\\s*(?:-{1,2}|至|到)\\s*(${COUNT}))?\\s*年?(?:左右)?的?时间`, 'g'),
    resolve: (m, y) => {
      const years = parseNumber(m[2] ?? m[1]!);
      return years === null || years > 20 ? null : plus(y, years);
    },
    relative: true,
  },
  {
    regex: new RegExp(
      `(${COUNT})(?:\\s*(?:-{1,2}|至|到)\\s*(${COUNT}))?\\s*年(?:左右)?(?:时间|内|之内|以内)`,
      'g',
    ),
    resolve: (m, y) => {
      const years = parseNumber(m[2] ?? m[1]!);
      return years === null || years > 20 ? null : plus(y, years);
    },
    relative: true,
  },
  {
    regex: new RegExp(`(?:未来|今后|此后)(${COUNT})年`, 'g'),
    resolve: (m, y) => {
      const years = parseNumber(m[1]!);
      return years === null || years > 20 ? null : plus(y, years);
    },
    relative: true,
  },
  { regex: /明年|来年|下一年/g, resolve: (_m, y) => plus(y, 1), relative: true },
  { regex: /后年/g, resolve: (_m, y) => plus(y, 2), relative: true },
  {
    regex: /今年|本年度?|年内|新的一年|上半年|下半年|今[春夏秋冬]|本学期/g,
    resolve: (_m, y) => plus(y, 0),
    relative: true,
  },
  // 12月末开工: a month of the letter's year, for due years only
  {
    regex: /(?<![\d年])(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:底|末|中旬|上旬|下旬|份|前)/g,
    resolve: (_m, y) => plus(y, 0),
    relative: false,
  },
  // 年底 dates a promise (计划年底完工) but also a statistic (年末存栏657头): a year, no cue
  { regex: /年底|年末|年初|当年|全年/g, resolve: (_m, y) => plus(y, 0), relative: false },
];

const LOOKS_BACK_BEFORE = /(?:截至|截止到?|到目前|从|自)\s*$/;
const LOOKS_BACK_AFTER = /^\s*(?:以来|起|来|以前|之前|期间已|已)/;

export function findTimeWords(
  plain: string,
  from: number,
  to: number,
  letterYear: number | null,
): TimeWord[] {
  const text = plain.slice(from, to);
  const taken = new Uint8Array(text.length);
  // years in a document title (《…2015年工作方案》) name the document, not a due date
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '《') depth++;
    else if (text[k] === '》' && depth > 0) depth--;
    else if (depth > 0) taken[k] = 1;
  }
  const words: TimeWord[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m !== null; m = pattern.regex.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.subarray(s, e).some((x) => x === 1)) continue;
      if (
        /\d/.test(text[s - 1] ?? '') ||
        (!pattern.relative && /[0-9]/.test(m[0][0]!) && /[.\d]/.test(text[s - 1] ?? ''))
      )
        continue;
      taken.fill(1, s, e);
      const year = pattern.resolve(m, letterYear);
      const before = text.slice(Math.max(0, s - 4), s);
      const after = text.slice(e, e + 4);
      const reachesBack = LOOKS_BACK_BEFORE.test(before) || LOOKS_BACK_AFTER.test(after);
      // 2021-2023年 in a letter of 2023: a period up to now, reported on
      const periodUpToNow =
        pattern.startYear !== undefined &&
        letterYear !== null &&
        year === letterYear &&
        pattern.startYear(m) < letterYear;
      const beforeLetter = (year !== null && letterYear !== null && year < letterYear) || periodUpToNow;
      words.push({
        start: from + s,
        end: from + e,
        year,
        past: reachesBack || beforeLetter,
        future:
          !reachesBack &&
          !beforeLetter &&
          (pattern.relative ||
            (year !== null && letterYear !== null && year >= letterYear && /\d/.test(m[0]))),
      });
    }
  }
  return words.sort((a, b) => a.start - b.start);
}
