import { describe, expect, test } from 'vitest';
import type { ProgressRowInput } from '../../server/spreadsheets/row-rules';
import { type KnownTarget, validateAgainstTargets } from '../../server/spreadsheets/validate-targets';

const MINZHENG = 7;
const JIAOYU = 8;

const target = (over: Partial<KnownTarget> = {}): KnownTarget => ({
  commitmentId: 12,
  districtId: 1,
  districtName: '思明区',
  agencyId: MINZHENG,
  kind: 'quantified',
  reviewStatus: 'confirmed',
  withdrawn: false,
  letterDate: '2024-05-20',
  latest: { value: 3, asOf: '2024-12-31' },
  ...over,
});

const input = (over: Partial<ProgressRowInput> = {}): ProgressRowInput => ({
  row: 5,
  targetKey: '12@思明区',
  commitmentId: 12,
  districtName: '思明区',
  value: 5,
  asOf: '2025-03-01',
  evidenceText: null,
  evidenceUrl: null,
  ...over,
});

const messagesOf = (rows: ProgressRowInput[], targets: KnownTarget[], agency: number | null = MINZHENG) =>
  validateAgainstTargets(rows, targets, agency).errors.map((e) => e.message);

describe('validateAgainstTargets', () => {
  test('a row of the clerk’s own agency is matched to its target', () => {
    const city = target({ districtId: null, districtName: null, latest: null });
    const result = validateAgainstTargets(
      [input(), input({ row: 6, targetKey: '12', districtName: null })],
      [target(), city],
      MINZHENG,
    );
    expect(result.errors).toEqual([]);
    expect(result.matched.map((m) => [m.row, m.target.districtId])).toEqual([
      [5, 1],
      [6, null],
    ]);
  });

  test('an id the database does not know', () => {
    expect(
      messagesOf([input({ targetKey: '99', commitmentId: 99, districtName: null })], [target()]),
    ).toEqual(['第 5 行「目标编号」99 不存在:请勿修改目标编号,并使用系统最新导出的填报表']);
  });

  test('a district the commitment has no target in lists the places it has', () => {
    const targets = [target(), target({ districtId: 2, districtName: '湖里区' })];
    expect(messagesOf([input({ targetKey: '12@集美区', districtName: '集美区' })], targets)).toEqual([
      '第 5 行「目标编号」12@集美区:承诺 12 没有「集美区」的目标(其目标为:思明区、湖里区)',
    ]);
  });

  test('another agency’s commitment is refused to a clerk but open to the office', () => {
    expect(messagesOf([input()], [target()], JIAOYU)).toEqual([
      '第 5 行「目标编号」12@思明区 是其他承办单位的承诺,本单位不能填报;请只填写本单位导出的填报表',
    ]);
    expect(validateAgainstTargets([input()], [target()], null).matched).toHaveLength(1);
  });

  test('withdrawn and rejected commitments take no progress', () => {
    expect(messagesOf([input()], [target({ withdrawn: true })])).toEqual([
      '第 5 行「目标编号」12@思明区 对应的承诺已取消,不再接受进度填报',
    ]);
    expect(messagesOf([input()], [target({ reviewStatus: 'rejected' })])).toEqual([
      '第 5 行「目标编号」12@思明区 经核实不是承诺事项,不接受进度填报',
    ]);
  });

  test('progress dated before the reply letter', () => {
    expect(messagesOf([input({ asOf: '2024-05-19' })], [target({ latest: null })])).toEqual([
      '第 5 行「截至日期」2024-05-19 早于答复函日期 2024-05-20,请检查日期',
    ]);
  });

  test('a milestone takes 1 (done) or 0 (not done) only', () => {
    const milestone = target({ kind: 'milestone', latest: null });
    expect(messagesOf([input({ value: 1 })], [milestone])).toEqual([]);
    expect(messagesOf([input({ value: 2 })], [milestone])).toEqual([
      '第 5 行「本期累计完成值」为里程碑类承诺(无具体数量),只能填 1(已完成)或 0(未完成)',
    ]);
  });

  test('cumulative values never go down, and a date already reported is not reported again', () => {
    expect(messagesOf([input({ value: 2 })], [target()])).toEqual([
      '第 5 行「本期累计完成值」2 小于 2024-12-31 已填报的累计值 3:完成值为累计数,不应减少;更正历史数据请在系统中提交更正并说明原因',
    ]);
    expect(messagesOf([input({ value: 3, asOf: '2024-12-31' })], [target()])).toEqual([
      '第 5 行「截至日期」2024-12-31 的进度已经填报过(累计值 3),无需重复填报;如无新进度请清空本行',
    ]);
    expect(messagesOf([input({ value: 4, asOf: '2024-12-31' })], [target()])).toEqual([
      '第 5 行「截至日期」2024-12-31 已填报过累计值 3;更正已填报的数据请在系统中提交更正并说明原因',
    ]);
    expect(messagesOf([input({ value: 4, asOf: '2024-10-01' })], [target()])).toEqual([
      '第 5 行「本期累计完成值」4 大于之后 2024-12-31 已填报的累计值 3:较早日期的累计数不应更大,请检查日期和数值',
    ]);
    expect(messagesOf([input({ value: 2, asOf: '2024-10-01' })], [target()])).toEqual([]);
  });
});
