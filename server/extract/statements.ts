/**
 * What a clause says about a figure, even when the clause speaks of the future: a promise
 * delivers the figure (新建停车场5处), but a clause may instead describe what exists
 * (片区现有口袋公园一处, 该路段全长820米), set a standard or threshold (人均面积不低于0.2平方米,
 * 补助标准1800元/亩), report money already allocated (已下达资金1.2亿元), state a need or who
 * benefits (满足2000辆车充电需求, 两个乡镇直接受益) or say where (距路口500米处). One decision
 * over the words that govern the figure in its clause: the stretch right before it (its
 * predicate) and right after it (what it qualifies). Each kind is a grammatical role, never
 * a phrase of one letter.
 */
import type { Quantity } from './quantities';

export type StatementKind = 'description' | 'standard' | 'allocation' | 'need' | 'location';

const SUBJECT_REACH = 16;
/** How far back the predicate of a figure is read: the verb governing it stands close. */
const PREDICATE_REACH = 12;

/** Existence and the present state: the figure counts what is already there. */
const EXISTS =
  /(?:现有|现存|原有|已有|现状|目前有|目前共有|拥有|服务人口|常住人口)[^,，。;；将拟计划新建增]{0,8}$/;
/** 该工程包括两个子项: the parts of something named by a demonstrative, not new work. */
const PARTS_OF_EXISTING = /^(?:该|此|本|上述|这)[\u4e00-\u9fff]{1,8}(?:包括|包含|分为|由)[^,，。;；]{0,6}$/;
/** 该路段全长820米: the measure of a thing the clause points back at. */
const MEASURE_OF_EXISTING = /^(?:该|此|这|上述)[\u4e00-\u9fff]{1,6}(?:全长|总长|长|宽|面积|占地)[为约是达]?$/;
/** A standard the work must meet: a noun of measure with a bound, or a named standard. */
const BOUNDED_STANDARD =
  /(?:人均|生均|比例|占比|分辨率|规格|容积率|密度|间距)[^,，。;；]{0,6}(?:不低于|不高于|不超过|不少于|不小于|不大于|不得低于|不得超过|不得少于)$/;
const NAMED_STANDARD = /(?<!高)标准(?:为|是|按|达到)?$/;
/** 已下达资金1.2亿元: money allocated before the letter, whatever the clause plans. */
const ALLOCATED = /(?:已|已经|先后|累计)(?:下达|拨付|拨款|到位|落实|安排|争取到?|筹集|投入)[^,，。;；]{0,6}$/;
/** 满足2000辆车充电需求: the figure qualifies a need. */
const NEED_AFTER = /^[^,，。;；]{0,12}(?:需求|需要)/;
/** 两个乡镇直接受益: the figure names who benefits, not what is built. */
const BENEFIT_AFTER = /^[^,，。;；]{0,6}(?:直接|间接)?受益/;
const SCALE_OVER = /规模(?:超过|逾|超)$/;
/** 距路口500米处: a distance that says where. */
const DISTANCE_BEFORE = /距(?!今)[^,，。;；]{0,10}$/;
const LENGTH_UNITS = new Set(['米', 'm', '公里', 'km', '千米']);
/** 在两个村新建厕所各一座: the places where the work is done, counted before the work. */
const PLACES_WHERE =
  /^(?:个|所)?(?:行政村|自然村|村|社区|乡镇|镇街|街道|镇|乡|县区|区县|区|县|学校|小区)(?:新建|建设|改造|安装|设置|实施|开展|各|分别|均|都)/;
/** 安排资金3600万元用于…改造: money set aside for work still to do. */
const FOR_WORK_TO_DO = /^[^。;；]{0,4}用于/;

/** The kind of statement the clause makes about the figure, or null for a deliverable. */
export function statementKind(plain: string, q: Quantity, clauseStart: number): StatementKind | null {
  const from = Math.max(clauseStart, q.qualifierStart - PREDICATE_REACH);
  const before = plain.slice(from, q.qualifierStart);
  // with the qualifier, which may be the bound itself (不低于0.2平方米, 超过500人)
  const bound = plain.slice(Math.max(clauseStart, q.start - PREDICATE_REACH), q.start);
  // only a short clause head can be a subject and its verb: never slice a huge clause
  const head =
    q.qualifierStart - clauseStart <= SUBJECT_REACH ? plain.slice(clauseStart, q.qualifierStart) : '';
  const after = plain.slice(q.end, q.end + 16);
  if (EXISTS.test(before)) return 'description';
  if (head.length <= 16 && (PARTS_OF_EXISTING.test(head) || MEASURE_OF_EXISTING.test(head)))
    return 'description';
  if (BOUNDED_STANDARD.test(bound) || NAMED_STANDARD.test(before)) return 'standard';
  // 1800元/亩 after 标准 or 按: a rate the work is paid at
  if (q.baseUnit === '元' && plain[q.unitEnd] === '/' && /标准|按|补助|补贴/.test(before)) return 'standard';
  if (q.baseUnit === '元' && ALLOCATED.test(before) && !FOR_WORK_TO_DO.test(after)) return 'allocation';
  if (/在$/.test(before) && PLACES_WHERE.test(plain.slice(q.unitEnd - q.baseUnit.length, q.unitEnd + 8)))
    return 'location';
  if (NEED_AFTER.test(after) || BENEFIT_AFTER.test(after) || SCALE_OVER.test(bound)) return 'need';
  if (LENGTH_UNITS.has(q.baseUnit) && (DISTANCE_BEFORE.test(before) || after.startsWith('处')))
    return 'location';
  return null;
}
