/**
 * Reads a gazetteer (区划) CSV so another city can be loaded, or boundary changes recorded by year.
 * Columns (header names in Chinese or English): 城市 city, 区 district, 名称 name, 类型 kind
 * (区/街道/镇 or district/street/town), 起始年份 valid_from, 截止年份 valid_to (blank: still valid).
 * A 区 row names the district in 名称; a 街道/镇 row names its district in 区.
 */
import { parse } from 'csv-parse/sync';

export interface GazetteerRow {
  line: number;
  city: string;
  district: string;
  name: string;
  kind: 'district' | 'street' | 'town';
  validFrom: number;
  validTo: number | null;
}

export interface GazetteerCsvResult {
  rows: GazetteerRow[];
  errors: { line: number; message: string }[];
}

type Column = keyof Omit<GazetteerRow, 'line'>;

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
  valid_from: 'validFrom',
  截止年份: 'validTo',
  valid_to: 'validTo',
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

const year = (value: string | undefined) => (value && /^\d{4}$/.test(value) ? Number(value) : null);

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
      errors: [{ line: 1, message: '表头应包含:城市、区、名称、类型、起始年份(截止年份可选)。' }],
    };
  }
  const rows: GazetteerRow[] = [];
  const errors: GazetteerCsvResult['errors'] = [];
  const seen = new Set<string>();
  body.forEach((record, index) => {
    const line = index + 2;
    const cell = (key: Column) => record[columns.indexOf(key)]?.trim() ?? '';
    const kind = KINDS[cell('kind').toLowerCase()];
    const validFrom = year(cell('validFrom'));
    const validTo = cell('validTo') ? year(cell('validTo')) : null;
    const name = cell('name');
    const district = kind === 'district' ? name : cell('district');
    const problems = [
      !cell('city') && '缺少城市',
      !name && '缺少名称',
      !kind && `类型“${cell('kind')}”无效(应为 区、街道 或 镇)`,
      kind && kind !== 'district' && !district && '街道或镇须填写所属的区',
      validFrom === null && '起始年份应为四位年份',
      cell('validTo') && validTo === null && '截止年份应为四位年份',
      validFrom !== null && validTo !== null && validTo < validFrom && '截止年份早于起始年份',
    ].filter(Boolean);
    const key = `${cell('city')}|${district}|${name}|${validFrom}`;
    if (seen.has(key)) problems.push('与前面的行重复');
    seen.add(key);
    if (problems.length || !kind || validFrom === null) {
      errors.push({ line, message: `第 ${line} 行:${problems.join(';')}。` });
      return;
    }
    rows.push({ line, city: cell('city'), district, name, kind, validFrom, validTo });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, message: 'CSV 中没有数据行。' });
  return { rows, errors };
}
