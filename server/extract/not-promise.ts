/**
 * Quantities that are never promises, whatever the tense around them: ordinals (第三污水处理厂),
 * names and slogans in quotes or book-title marks (“三社联动”, 《…2015年工作方案》),
 * category counts (五个类型, 三个“加强”), durations, thresholds (30户以上的), dimensions
 * (建筑高度48.3米), phone numbers, the count that sums up a list of named places
 * (山口、尹村、固城3个供水站), statistics (在建的有5个) and the article 一 (作为一项…).
 */
import type { Quantity } from './quantities';

export interface MarkedRanges {
  /** [start, end) inside 《》 */
  titles: Array<[number, number]>;
  /** [start, end) inside “” 「」 『』 "" */
  quotes: Array<[number, number]>;
}

export function findMarkedRanges(plain: string): MarkedRanges {
  const titles: Array<[number, number]> = [];
  const quotes: Array<[number, number]> = [];
  for (const m of plain.matchAll(/《[^《》\n]{0,200}》/g)) titles.push([m.index, m.index + m[0].length]);
  for (const m of plain.matchAll(
    /“[^“”\n]{0,200}”|「[^「」\n]{0,200}」|『[^『』\n]{0,200}』|"[^"\n]{0,60}"/g,
  )) {
    quotes.push([m.index, m.index + m[0].length]);
  }
  return { titles, quotes };
}

const LOOK_BACK = 80;

/** The marked range around `at`; ranges are sorted and do not overlap, so search by halves. */
function inside(ranges: Array<[number, number]>, at: number): [number, number] | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (at <= s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return ranges[mid];
  }
  return undefined;
}

const QUOTES_THE_DEPUTY = /(?:关于|提出的?|建议|提到的?|反映的?|要求)$/;
/** 统一, 唯一, 进一步, 之一: 一 inside a word */
const ONE_IN_A_WORD = /[统唯同逐划专单进之万归合均另]/;
const GENERIC_CLASSIFIERS = new Set(['个', '项', '次', '条', '件', '份', '场', '位', '支', '批', '轮']);
const CATEGORY_WORDS = /^(?:类型|类别|种类|方面|层次|环节|层级|等级|步骤|阶段|批次|大类|标准|原则|级|类|种)/;
const DURATION_AFTER = /^(?:月|工作日|小时|星期|年)/;
const TIME_UNITS = new Set(['天', '小时', '周']);
const LENGTH_UNITS = new Set(['米', 'm', '公里', 'km', '千米']);
/** 一户一表, 一场两馆, 一村一品: numbered set phrases, read in pairs */
const SET_PHRASE_NEXT = /^[一二两三四五六七八九十][\u4e00-\u9fff](?<![年月天周个])/;
const SET_PHRASE_PREVIOUS = /^[一二两三四五六七八九十][\u4e00-\u9fff]$/;
const SUBJECT_PLACES =
  /^(?:区县|县区|区|县|市|乡镇|镇街|街镇|街道|镇|乡|行政村|村|社区)(?:将|要|均|都|各|拟|计划|共)/;
/** Where a project lies or runs (从曙十三支为起点), not what it delivers. */
const LOCATION = /起点|终点|位于|坐落|毗邻|东至|西至|南至|北至/;
/** 建筑高度为48.3米, 宽7米, 板厚0.2米 — but not 提高5个百分点 or 拓宽3公里 */
const DIMENSION_BEFORE =
  /(?:高度|海拔|(?<![提升最])高|宽度|(?<![拓加放])宽|深度|(?<![加])深|距离|半径|直径|层高|厚度|厚|埋深)(?:为|约|达|是)?$/;

/** 各县(区)…, 每个乡镇…: a scope of places before the figure, which makes 一个 one each */
const PER_PLACE = /(?:各|每个?)(?:县|区|市|乡镇|乡|镇|街道|街|村|社区)[^,，。;；]{0,10}$/;

/** Why the quantity is not a promise, or null when it may be one. */
export function notPromiseReason(
  plain: string,
  q: Quantity,
  clauseStart: number,
  marked: MarkedRanges,
): string | null {
  // what precedes the number in its clause, as far as any rule below looks back
  const before = plain.slice(Math.max(clauseStart, q.qualifierStart - LOOK_BACK), q.qualifierStart);
  const after = plain.slice(q.end, q.end + 6);
  if (plain[q.start - 1] === '第' || plain[q.qualifierStart - 1] === '第') return 'ordinal';
  if (inside(marked.titles, q.start)) return 'title';
  const quote = inside(marked.quotes, q.start);
  if (quote && (q.chinese || quote[1] - quote[0] <= 22)) return 'name or slogan';
  // 关于“尽快新建3所学校”的问题: the deputy's words quoted back
  if (quote && QUOTES_THE_DEPUTY.test(plain.slice(Math.max(0, quote[0] - 6), quote[0])))
    return 'the suggestion quoted';
  // 第4号“关于批准将…2.3公里道路纳入…的建议”: a suggestion's title, however it is introduced
  if (quote && /^[“"「『]关于/.test(plain.slice(quote[0], quote[0] + 3))) return 'the suggestion quoted';
  // 各县(区)建有一个体育公园: one per district is a count, not an article
  if (q.bareChineseOne && GENERIC_CLASSIFIERS.has(q.baseUnit) && !PER_PLACE.test(before)) return 'article';
  if (q.chinese && plain[q.start] === '一' && ONE_IN_A_WORD.test(plain[q.start - 1] ?? ''))
    return 'word with 一';
  if (q.chinese && /^[“"「『]/.test(after)) return 'category of slogans';
  if (
    q.chinese &&
    (SET_PHRASE_NEXT.test(after) || SET_PHRASE_PREVIOUS.test(plain.slice(q.start - 2, q.start)))
  )
    return 'set phrase';
  if (CATEGORY_WORDS.test(after)) return 'category count';
  if (after.startsWith('性')) return 'adjective';
  if (q.baseUnit === '次' && /^(?:全体)?会议/.test(after)) return 'session name';
  if (q.baseUnit === '个' && DURATION_AFTER.test(after)) return 'duration';
  if (TIME_UNITS.has(q.baseUnit) && /^(?:内|以内|之内|后|前)/.test(after)) return 'duration';
  if (q.qualifier === 'threshold') return 'threshold';
  // 50户以上自然村: a size class of the thing, not a number of them
  if (
    /(?:以上|以下|及以上|以内)$/.test(plain.slice(q.unitEnd, q.end)) &&
    /^[\u4e00-\u9fff]/.test(plain[q.end] ?? '') &&
    !/^[,，。;；的]/.test(plain[q.end] ?? '')
  )
    return 'threshold';
  if (LOCATION.test(before + plain.slice(q.qualifierStart, q.end + 12))) return 'location';
  if (/超过$/.test(before) && /^规模|^的/.test(after)) return 'threshold';
  if (DIMENSION_BEFORE.test(before)) return 'dimension';
  // 4米改6米: a road widened from one width to another
  if (q.baseUnit === '米' && (/^[改变]/.test(after) || /米[改变]为?$/.test(before))) return 'dimension';
  if (LENGTH_UNITS.has(q.baseUnit) && /距离|相距|离.{0,12}$/.test(before)) return 'distance';
  if (/(?:电话|热线|手机|传真)[^,，。]{0,6}$/.test(before)) return 'phone';
  // 建有, 至少有: what each place will have, not what the letter counts now
  if (/(?<![将可会能还少建])有$/.test(before)) return 'statistic';
  // 厦门市五个区将新增28所: the places that act, not something delivered
  if (SUBJECT_PLACES.test(plain.slice(q.end, q.end + 8))) return 'places as subject';
  if (isSummaryOfNamedList(before, plain.slice(q.end, q.end + 6), q)) return 'summary of a named list';
  return null;
}

/** 向山口供水站、尹村供水站、固城供水站3个供水站: the count only restates the names. */
function isSummaryOfNamedList(before: string, counted: string, q: Quantity): boolean {
  if (q.max !== q.min || before.endsWith('等')) return false;
  const items = before.replace(/[(（][^()（）]*[)）]/g, '').split('、');
  if (items.length < 2 || items.length !== q.min) return false;
  // each name ends in the kind of thing counted: 尹村供水站 … 3个供水站, 隆尧镇 … 四个乡镇
  return items.every(
    (item) => item.length > 0 && !/\d/.test(item) && counted.includes(item[item.length - 1]!),
  );
}
