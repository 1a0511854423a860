/**
 * The one column list of the bulk progress sheet. Export writes these columns and import looks
 * them up by header text, so the two can never drift: changing a header here changes both.
 *
 * Layout: one header row in Chinese, which agencies read; each header cell of the XLSX carries
 * the column's English key in a note, and the 填报说明 sheet lists both. One header row (not a
 * second row of keys) keeps Excel's filter and sort working on the header. Import finds the
 * header row by its text, Chinese or English, so columns may be reordered and extra ones added.
 */

/** key: identifies the target; context: read-only, for the reader; fill: what the agency reports. */
export type ColumnRole = 'key' | 'context' | 'fill';

export type ProgressColumnId =
  | 'target_key'
  | 'district'
  | 'agency'
  | 'letter_ref'
  | 'object'
  | 'quote'
  | 'unit'
  | 'target_min'
  | 'target_max'
  | 'deadline_year'
  | 'latest_value'
  | 'latest_as_of'
  | 'value'
  | 'as_of'
  | 'evidence_text'
  | 'evidence_url';

export interface ProgressColumn {
  id: ProgressColumnId;
  /** the header agencies see */
  header: string;
  role: ColumnRole;
  /** Excel width in characters */
  width: number;
  /** other header texts accepted on import (older templates, hand-made sheets) */
  aliases: readonly string[];
  /** what the column holds, for the 填报说明 sheet */
  description: string;
}

export const PROGRESS_COLUMNS: readonly ProgressColumn[] = [
  {
    id: 'target_key',
    header: '目标编号',
    role: 'key',
    width: 14,
    aliases: ['目标ID', '编号'],
    description: '系统生成的目标编号:承诺编号,区级目标再加“@区名”(如 123、123@思明区)。用于识别目标,请勿修改',
  },
  {
    id: 'district',
    header: '区域',
    role: 'context',
    width: 10,
    aliases: ['区', '所在区'],
    description: '目标所在的区;“全市”表示全市总目标',
  },
  {
    id: 'agency',
    header: '承办单位',
    role: 'context',
    width: 18,
    aliases: ['主办单位'],
    description: '负责该承诺的承办单位',
  },
  {
    id: 'letter_ref',
    header: '建议/答复文号',
    role: 'context',
    width: 18,
    aliases: ['建议编号', '答复文号'],
    description: '代表建议编号或答复函文号',
  },
  {
    id: 'object',
    header: '承诺事项',
    role: 'context',
    width: 18,
    aliases: [],
    description: '承诺建设或完成的事项',
  },
  {
    id: 'quote',
    header: '承诺原文',
    role: 'context',
    width: 48,
    aliases: [],
    description: '答复函中作出该承诺的原文',
  },
  {
    id: 'unit',
    header: '单位',
    role: 'context',
    width: 6,
    aliases: ['计量单位'],
    description: '完成值的计量单位(个、所、%等)',
  },
  {
    id: 'target_min',
    header: '目标值(下限)',
    role: 'context',
    width: 10,
    aliases: ['目标下限', '目标值'],
    description: '承诺数量的下限(“3—5个”中的 3;“至少 30 个”中的 30)',
  },
  {
    id: 'target_max',
    header: '目标值(上限)',
    role: 'context',
    width: 10,
    aliases: ['目标上限'],
    description: '承诺数量的上限;只有下限时为空',
  },
  {
    id: 'deadline_year',
    header: '完成年限',
    role: 'context',
    width: 9,
    aliases: ['完成年份'],
    description: '承诺完成的年份;未写明时为空',
  },
  {
    id: 'latest_value',
    header: '上次填报值',
    role: 'context',
    width: 10,
    aliases: ['最近填报值'],
    description: '系统中最近一次登记的累计完成值',
  },
  {
    id: 'latest_as_of',
    header: '上次截至日期',
    role: 'context',
    width: 12,
    aliases: ['最近填报日期'],
    description: '最近一次登记的截至日期',
  },
  {
    id: 'value',
    header: '本期累计完成值',
    role: 'fill',
    width: 14,
    aliases: ['累计完成值', '完成值'],
    description:
      '截至「截至日期」的累计完成数(不是本期新增数),只填数字,不带单位(百分比填 85 或 85%);里程碑类承诺填 1(已完成)或 0(未完成)',
  },
  {
    id: 'as_of',
    header: '截至日期',
    role: 'fill',
    width: 12,
    aliases: ['统计截至日期'],
    description: '完成值统计到的日期,格式 YYYY-MM-DD(也接受 2025/3/1、2025年3月1日),不能晚于今天',
  },
  {
    id: 'evidence_text',
    header: '佐证说明',
    role: 'fill',
    width: 36,
    aliases: ['佐证材料说明'],
    description: '完成情况的简要说明(项目名称、地点、文件等),不超过 2000 字',
  },
  {
    id: 'evidence_url',
    header: '佐证链接',
    role: 'fill',
    width: 30,
    aliases: ['佐证材料链接', '链接'],
    description: '佐证材料的网址,须以 http:// 或 https:// 开头',
  },
];

/** Columns without which a sheet cannot be imported. */
export const REQUIRED_COLUMN_IDS: readonly ProgressColumnId[] = ['target_key', 'value', 'as_of'];

export const FILL_COLUMN_IDS: readonly ProgressColumnId[] = PROGRESS_COLUMNS.filter(
  (c) => c.role === 'fill',
).map((c) => c.id);

export function columnById(id: ProgressColumnId): ProgressColumn {
  const column = PROGRESS_COLUMNS.find((c) => c.id === id);
  if (!column) throw new Error(`unknown progress column ${id}`);
  return column;
}

/** Where export puts the header; import searches for it instead of assuming. */
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;

/**
 * Header text as compared on import: case, spaces, required-field stars and full-width
 * brackets (folded by NFKC) vary between hand-edited copies of the template.
 */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
}

const HEADER_LOOKUP: ReadonlyMap<string, ProgressColumnId> = new Map(
  PROGRESS_COLUMNS.flatMap((c) =>
    [c.header, c.id, ...c.aliases].map((text) => [normalizeHeader(text), c.id] as const),
  ),
);

/** The column a header cell names, or null for an extra column the import ignores. */
export function columnForHeader(text: string): ProgressColumnId | null {
  const normalized = normalizeHeader(text);
  if (normalized === '') return null;
  const exact = HEADER_LOOKUP.get(normalized);
  if (exact) return exact;
  // "截至日期(YYYY-MM-DD)" and similar hints added by hand after the header text
  const withoutHint = normalized.replace(/\(.*\)$/, '');
  return HEADER_LOOKUP.get(withoutHint) ?? null;
}

/** Label shown in the 区域 column for a city-level target. */
export const CITY_LEVEL_LABEL = '全市';

/**
 * The stable id of one target: the commitment id alone for the city-level target, or
 * `commitmentId@区名` for a district target. One cell (not two) so that a row cannot be
 * half-copied, and the district is named, not numbered, so agencies can read it.
 */
export interface TargetRef {
  commitmentId: number;
  /** null: the city-level target */
  districtName: string | null;
}

export function formatTargetKey(ref: TargetRef): string {
  return ref.districtName === null ? String(ref.commitmentId) : `${ref.commitmentId}@${ref.districtName}`;
}

/** Parses a target key; null when the text is not one. Tolerates full-width digits and ＠. */
export function parseTargetKey(text: string): TargetRef | null {
  const match = /^(\d{1,15})(?:@(.+))?$/.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const commitmentId = Number(match[1]);
  if (!Number.isSafeInteger(commitmentId) || commitmentId <= 0) return null;
  const districtName = match[2]?.trim() ?? null;
  if (districtName === '') return null;
  return { commitmentId, districtName };
}
