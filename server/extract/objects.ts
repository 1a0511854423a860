/**
 * What a quantity counts and at which level it applies. The counted thing follows the measure
 * word (30个公益慈善类社会组织) or, when nothing follows, precedes the number (机耕路9.1公里,
 * 建筑面积约12万平方米). "A、B分别达到X、Y" pairs names and numbers in order. Scope words
 * (每个区, 各区, 每个街(镇), 每校, 生均) say the target is per district, street, school ….
 */
import type { PerScope } from '../../shared/extraction';
import type { Quantity } from './quantities';
import { PLAIN_CODE } from './script';

export interface CountedObject {
  object: string;
  /** clean/plain index range of the object in the text, or null when it is not written out */
  start: number;
  end: number;
  after: boolean;
}

const OPENING_QUOTES = /^[“"‘「『]/;
const STOP_CHARS = /[\s,，。;；:：!！?？、“”"‘’「」『』《》\d.]/;
const STOP_WORDS_AFTER = [
  '的',
  '和',
  '及',
  '与',
  '或',
  '并',
  '等',
  '作为',
  '进行',
  '探索',
  '参与',
  '纳入',
  '列入',
  '铺设',
  '安装',
  '建设',
  '新建',
  '修建',
  '实施',
  '完成',
  '引进',
  '配备',
  '建成',
  '投入',
  '用于',
  '用作',
  '达到',
  '覆盖',
  '通过',
  '到',
  '在',
  '于',
  '将',
  '已',
  '共',
  '涉及',
  '其中',
  '分别',
  '开展',
  '实现',
];
/** After the unit, these open a verb phrase (600万元由…, 用于…), never the counted thing. */
const STARTS_A_VERB = new Set(['由', '对', '向', '用', '给', '为', '从']);
const TRAILING_LINKS =
  /(?:分别为|分别达到|分别|达到|达|为|是|约|大约|共计|共|计|合计|总计|至|升至|增至|提高到|提升至|增加到|将|可|在|近期|远期|年底|年内|今年|规划|计划|数量|总数|总量|每[百千万]?[户人名]|各)$/;
const CUT_WORDS = [
  '的',
  '和',
  '及',
  '与',
  '、',
  '向',
  '对',
  '把',
  '将',
  '拟',
  '计划',
  '预计',
  '争取',
  '力争',
  '确保',
  '推动',
  '实施',
  '完成',
  '新建',
  '新改建',
  '改扩建',
  '建设',
  '建成',
  '修建',
  '铺设',
  '安装',
  '增设',
  '配备',
  '改造',
  '提升',
  '筹措',
  '申请到',
  '申请',
  '安排',
  '年内',
  '今年',
  '其中',
  '包括',
  '包含',
  '涉及',
  '覆盖',
  '减少',
  '增加',
  '提供',
  '开展',
  '实现',
  '设计',
  '规划',
  '估算',
  '按照',
  '在',
  '通过',
  '动员',
  '培训',
  '引进',
  '新增',
  '总结提炼',
  '惠及',
  '选取',
  '确定',
  '建立',
  '抓好',
  '入驻孵化',
  '我市',
  '我县',
  '我区',
  '我局',
  '全市',
  '全县',
  '全区',
];
const WINDOW_STOP = /[\s,，。;；:：!！?？“”"‘’「」『』《》\d.()（）]/;
const NOUN_UNITS = new Set(['床', '户', '人', '人次', '名', '辆', '套', '座', '所', '家']);

function objectAfter(plain: string, q: Quantity): CountedObject | null {
  let i = q.end;
  if (OPENING_QUOTES.test(plain[i] ?? '')) i++;
  const start = i;
  let depth = 0;
  while (i < plain.length && i - start < 20) {
    const ch = plain[i]!;
    if (ch === '(' || ch === '（') {
      const close = plain.slice(i, i + 7).search(/[)）]/);
      const inner = close > 0 ? plain.slice(i + 1, i + close) : '';
      if (close < 0 || /\d/.test(inner) || i === start) break;
      depth++;
      i++;
      continue;
    }
    if ((ch === ')' || ch === '）') && depth > 0) {
      depth--;
      i++;
      continue;
    }
    if (STOP_CHARS.test(ch) || ch === ')' || ch === '）') break;
    if (STOP_WORDS_AFTER.some((w) => plain.startsWith(w, i))) break;
    if (i === start && STARTS_A_VERB.has(ch)) break;
    i++;
  }
  return i > start ? { object: '', start, end: i, after: true } : null;
}

function objectBefore(plain: string, q: Quantity, windowStart: number): CountedObject | null {
  let end = q.qualifierStart;
  const start0 = Math.max(windowStart, end - 20);
  let text = plain.slice(start0, end);
  // a digit that names a thing (5G基站) and a short aside (自然村(组)) do not end the window
  const aside = new Set<number>();
  for (const m of text.matchAll(/[(（][^()（）\d]{1,4}[)）]/g))
    for (let k = m.index; k < m.index + m[0].length; k++) aside.add(k);
  const stops = (ch: string, k: number) =>
    !aside.has(k) && WINDOW_STOP.test(ch) && !(/\d/.test(ch) && /[A-Za-z]/.test(text[k + 1] ?? ''));
  const lastStop = Math.max(...[...text].map((ch, k) => (stops(ch, k) ? k : -1)));
  let start = lastStop >= 0 ? start0 + lastStop + 1 : start0;
  // 2026-2028年任务: the 年 belongs to the date before, not to the thing counted
  if (lastStop >= 0 && /\d/.test(plain[start - 1] ?? '') && plain[start] === '年') start++;
  text = plain.slice(start, end);
  for (let guard = 0; guard < 6; guard++) {
    const link = TRAILING_LINKS.exec(text);
    if (!link || link[0].length === text.length) break;
    text = text.slice(0, -link[0].length);
    end -= link[0].length;
  }
  if (TRAILING_LINKS.test(text) && TRAILING_LINKS.exec(text)![0].length === text.length) return null;
  if (CUT_WORDS.includes(text)) return null;
  let cut = -1;
  for (const word of CUT_WORDS) {
    let at = text.lastIndexOf(word);
    while (at >= 0 && at + word.length >= text.length) at = at > 0 ? text.lastIndexOf(word, at - 1) : -1;
    if (at >= 0) cut = Math.max(cut, at + word.length);
  }
  // 覆盖率: never cut a noun down to its last character
  if (cut > 0 && text.length - cut >= 2) start += cut;
  if (CUT_WORDS.includes(plain.slice(start, end))) return null;
  return end > start ? { object: '', start, end, after: false } : null;
}

/** Strip quote marks the contract does not want in objects. */
export function tidyObject(text: string): string {
  const tidy = text
    .replace(/[“”"‘’「」『』《》]/g, '')
    .replace(/^[\s、,，;；:：]+|[\s、,，;；:：]+$/g, '')
    .trim();
  return /[\p{L}]/u.test(tidy) ? tidy : '';
}

export function findObject(
  plain: string,
  clean: string,
  q: Quantity,
  windowStart: number,
): CountedObject | null {
  const found = objectAfter(plain, q) ?? objectBefore(plain, q, windowStart);
  if (!found) return null;
  const object = tidyObject(clean.slice(found.start, found.end));
  return object ? { ...found, object } : null;
}

const MONEY_NOUN = /^(?:总?投资|投入|资金|总?费用|拨款|经费|预算)$/;
const PROJECT_AT_END = /([\u4e00-\u9fff]{2,24}(?:工程|项目))$/;
const BEFORE_PROJECT_NAME = /.*(?:了|实施|安排|启动|开展|建设|对|将|的|在)/;

/**
 * 实施了天生桥至洛恩乡路段养护修复工程,计划投资300万元: money named only as 投资 is the
 * investment in the project the clause before names.
 */
export function projectOfMoney(
  plain: string,
  clean: string,
  object: string,
  q: Quantity,
  previousClause: { start: number; end: number } | undefined,
): string {
  const plainObject = Array.from(object, (ch) => String.fromCharCode(PLAIN_CODE[ch.charCodeAt(0)]!)).join('');
  if (!previousClause || !q.baseUnit.endsWith('元') || !MONEY_NOUN.test(plainObject)) return object;
  const before = plain.slice(Math.max(previousClause.start, previousClause.end - 40), previousClause.end);
  const project = PROJECT_AT_END.exec(before);
  if (!project) return object;
  const lead = BEFORE_PROJECT_NAME.exec(project[1]!)?.[0].length ?? 0;
  const nameStart = previousClause.end - project[1]!.length + lead;
  const name = tidyObject(clean.slice(nameStart, previousClause.end));
  return name.length >= 4 && !/^(?:该|本|此)/.test(name) ? name + object : object;
}

export function unitAsObject(q: Quantity): boolean {
  return NOUN_UNITS.has(q.baseUnit) && q.unit.endsWith(q.baseUnit);
}

/** "A、B分别达到X、Y": the names before 分别, one per quantity in order. */
export function respectiveObjects(
  plain: string,
  clean: string,
  clauseStart: number,
  run: readonly Quantity[],
): string[] | null {
  const first = run[0];
  if (!first || run.length < 2) return null;
  const windowStart = Math.max(clauseStart, first.qualifierStart - 80);
  const before = plain.slice(windowStart, first.qualifierStart);
  const m = /([^,，。;；:：]+?)分别(?:为|达到|达|是|增加|提高到|提升至)?$/.exec(before);
  if (!m) return null;
  const offset = windowStart + m.index;
  const names: string[] = [];
  let from = 0;
  for (const part of m[1]!.split('、')) {
    names.push(tidyObject(clean.slice(offset + from, offset + from + part.length)));
    from += part.length + 1;
  }
  return names.length === run.length ? names : null;
}

const PER_SCOPES: Array<[RegExp, PerScope]> = [
  [/(?:每个?|各)(?:区县|县区|县\(市、?区\)|县\(区\)|县（区）|县市区|县|区)(?!域|别|间|级)/g, 'district'],
  [/(?:每个?|各)(?:街道|街\(镇\)|镇\(街\)|镇街|街镇|街)(?!头)/g, 'street'],
  [/(?:每个?|各)(?:乡镇|镇|乡)/g, 'town'],
  [/(?:每个?|各)(?:社区|村居|居委会|小区)/g, 'community'],
  [/(?:每个?|各)(?:行政村|建制村|村)(?!民)/g, 'village'],
  [/每所?学?校|每所学校|各(?:中小学|学校|校)/g, 'school'],
  [/每天|每日|每周|每月|每年|每[百千万](?:户|人|名|城镇)|生均|人均|户均|各一/g, 'other'],
  // 公园和广场各安装1个: one at each listed site
  [/各(?=[\u4e00-\u9fff]{0,3}$)/g, 'other'],
];

/** The scope word nearest before the quantity in its clause. */
export function findPer(plain: string, clauseStart: number, q: Quantity): PerScope | null {
  const text = plain.slice(Math.max(clauseStart, q.qualifierStart - 30), q.qualifierStart);
  let best: { at: number; scope: PerScope } | null = null;
  for (const [regex, scope] of PER_SCOPES) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      if (!best || m.index > best.at) best = { at: m.index, scope };
    }
  }
  return best?.scope ?? null;
}
