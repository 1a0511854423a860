/**
 * Reads a gazetteer (区划) CSV so another city can be loaded, or boundary changes recorded by year or day.
 * Columns (header names in Chinese or English): 城市 city, 区 district, 名称 name, 类型 kind
 * (区/街道/镇 or district/street/town), 起始年份 valid_from, 截止年份 valid_to (blank: still valid),
 * 来源 source (the document number or code list the row rests on; optional so older files still
 * load). A 区 row names the district in 名称; a 街道/镇 row names its district in 区.
 * Start and end take a year or a day (2015 or 2015-01-22): a year means from 1 January, or to
 * 31 December; a day is needed when a change takes effect within a year.
 */
import { parse } from 'csv-parse/sync';
import { GAZETTEER_YEAR_MAX, GAZETTEER_YEAR_MIN } from '../../shared/schemas/supervision';
import { isIsoDate } from './gazetteer-versions';

const outOfRange = (day: string | null) =>
  day !== null &&
  (Number(day.slice(0, 4)) < GAZETTEER_YEAR_MIN || Number(day.slice(0, 4)) > GAZETTEER_YEAR_MAX);

export interface GazetteerRow {
  line: number;
  city: string;
  district: string;
  name: string;
  kind: 'district' | 'street' | 'town';
  /** years, kept for the year filter */
  validFrom: number;
  validTo: number | null;
  /** ISO dates: first and last day valid */
  fromDate: string;
  toDate: string | null;
  source: string | null;
}

export interface GazetteerCsvResult {
  rows: GazetteerRow[];
  errors: { line: number; message: string }[];
}

type Column = 'city' | 'district' | 'name' | 'kind' | 'validFrom' | 'validTo' | 'source';

const HEADERS: Record<string, Column> = {
  城市: 'city',
  city: 'city',
  区: 'district',
  district: 'district',
  名称: 'name',
  name: 'name',
  类型: 'kind',
  kind: 'kind',
  起始年份: 'validFrom',
  起始日期: 'validFrom',
  valid_from: 'validFrom',
  截止年份: 'validTo',
  截止日期: 'validTo',
  valid_to: 'validTo',
  来源: 'source',
  依据: 'source',
  source: 'source',
};
const KINDS: Record<string, GazetteerRow['kind']> = {
  区: 'district',
  district: 'district',
  县: 'district',
  街道: 'street',
  street: 'street',
  镇: 'town',
  town: 'town',
  乡: 'town',
};

/** A year or an ISO day as the first day it names (1 January for a year), or null if neither. */
function firstDay(value: string): string | null {
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  return isIsoDate(value) ? value : null;
}

/** A year or an ISO day as the last day it names (31 December for a year), or null if neither. */
function lastDay(value: string): string | null {
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  return isIsoDate(value) ? value : null;
}

export function parseGazetteerCsv(csv: string): GazetteerCsvResult {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    return {
      rows: [],
      errors: [
        { line: 1, message: `无法读取 CSV:${error instanceof Error ? error.message : String(error)}` },
      ],
    };
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((h) => HEADERS[h.toLowerCase()] ?? HEADERS[h]);
  const missing = ['city', 'name', 'kind', 'validFrom'].filter((c) => !columns.includes(c as Column));
  if (missing.length) {
    return {
      rows: [],
      errors: [{ line: 1, message: '表头应包含:城市、区、名称、类型、起始年份(截止年份、来源可选)。' }],
    };
  }
  const rows: GazetteerRow[] = [];
  const errors: GazetteerCsvResult['errors'] = [];
  const seen = new Set<string>();
  body.forEach((record, index) => {
    const line = index + 2;
    const cell = (key: Column) => record[columns.indexOf(key)]?.trim() ?? '';
    const kind = KINDS[cell('kind').toLowerCase()];
    const fromDate = firstDay(cell('validFrom'));
    const toDate = cell('validTo') ? lastDay(cell('validTo')) : null;
    const name = cell('name');
    const district = kind === 'district' ? name : cell('district');
    const problems = [
      !cell('city') && '缺少城市',
      !name && '缺少名称',
      !kind && `类型“${cell('kind')}”无效(应为 区、街道 或 镇)`,
      kind && kind !== 'district' && !district && '街道或镇须填写所属的区',
      fromDate === null && '起始年份应为四位年份或日期(如 2015 或 2015-01-22)',
      cell('validTo') && toDate === null && '截止年份应为四位年份或日期(如 2019 或 2019-12-31)',
      fromDate !== null && toDate !== null && toDate < fromDate && '截止早于起始',
      (outOfRange(fromDate) || outOfRange(toDate)) &&
        `年份应在 ${GAZETTEER_YEAR_MIN}—${GAZETTEER_YEAR_MAX} 之间`,
    ].filter(Boolean);
    const key = `${cell('city')}|${district}|${name}|${fromDate}`;
    if (seen.has(key)) problems.push('与前面的行重复');
    seen.add(key);
    if (problems.length || !kind || fromDate === null) {
      errors.push({ line, message: `第 ${line} 行:${problems.join(';')}。` });
      return;
    }
    rows.push({
      line,
      city: cell('city'),
      district,
      name,
      kind,
      validFrom: Number(fromDate.slice(0, 4)),
      validTo: toDate === null ? null : Number(toDate.slice(0, 4)),
      fromDate,
      toDate,
      source: cell('source') || null,
    });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, message: 'CSV 中没有数据行。' });
  return { rows, errors };
}
