/**
 * The annual report laid out as the tables the downloads contain, with their Chinese headings.
 * XLSX and CSV are both written from these tables, so the two files cannot disagree with each
 * other, nor with the page, which reads the same AnnualReport.
 */
import type { ReasonCode } from '../../shared/commitments';
import type { TrackedStatus } from '../domain/commitment-metrics';
import type { AnnualReport, OutcomeRow } from './annual-report';

/** A share 0..1 shown as a percentage; null when there was nothing to divide by. */
export interface Rate {
  rate: number | null;
}
export type Cell = string | number | null | Rate;

export interface ReportTable {
  /** sheet name in the XLSX, section heading in the CSV */
  name: string;
  header: string[];
  rows: Cell[][];
}

export const REASON_LABELS: Record<ReasonCode, string> = {
  funding: '资金',
  land: '用地',
  higher_authority: '上级事权',
  policy_change: '政策调整',
  solved_otherwise: '已由其他途径解决',
  other: '其他',
};

export const STATUS_LABELS: Record<TrackedStatus, string> = {
  achieved: '已完成',
  on_track: '推进中',
  behind: '滞后',
  overdue: '逾期未完成',
  not_started: '未启动',
};

/** Row labels of the summary table; the download test finds the figures by these. */
export const SUMMARY_LABELS = {
  year: '年度',
  cutoff: '统计截止日期',
  suggestions: '建议件数',
  answered: '已办复件数',
  replyRate: '办复率',
  letters: '答复函件数',
  gradeCount: (g: string) => `${g}类件数`,
  gradeShare: (g: string) => `${g}类占比`,
  ungraded: '未标注办理结果',
  rated: '已测评件数',
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
  satisfactionRate: '满意率(含基本满意)',
  due: '到期承诺事项',
  kept: '已兑现',
  keptOnTime: '按期兑现',
  keptRate: '承诺兑现率',
  onTimeRate: '按期兑现率',
  status: (s: TrackedStatus) => `状态:${STATUS_LABELS[s]}`,
} as const;

const rate = (value: number | null): Rate => ({ rate: value });

function summaryTable(report: AnnualReport): ReportTable {
  const r = report.replies;
  const c = report.commitments;
  const L = SUMMARY_LABELS;
  const grades = (['A', 'B', 'C', 'D'] as const).flatMap((g): Cell[][] => [
    [L.gradeCount(g), r.grades[g]],
    [L.gradeShare(g), rate(r.gradeShares[g])],
  ]);
  const statuses = (['achieved', 'on_track', 'behind', 'overdue', 'not_started'] as const).map(
    (s): Cell[] => [L.status(s), c.statusCounts[s]],
  );
  return {
    name: '总体情况',
    header: ['指标', '数值'],
    rows: [
      [L.year, report.year],
      [L.cutoff, report.cutoff],
      [L.suggestions, r.suggestions],
      [L.answered, r.answered],
      [L.replyRate, rate(r.replyRate)],
      [L.letters, r.letters],
      ...grades,
      [L.ungraded, r.ungraded],
      [L.rated, r.rated],
      [L.satisfied, r.satisfied],
      [L.basically, r.basically],
      [L.unsatisfied, r.unsatisfied],
      [L.satisfactionRate, rate(r.satisfactionRate)],
      [L.due, c.due],
      [L.kept, c.kept],
      [L.keptOnTime, c.keptOnTime],
      [L.keptRate, rate(c.keptRate)],
      [L.onTimeRate, rate(c.onTimeRate)],
      ...statuses,
    ],
  };
}

const OUTCOME_HEADER = ['到期承诺', '已兑现', '按期兑现', '逾期未完成', '兑现率', '按期兑现率'];

function outcomeCells(row: OutcomeRow): Cell[] {
  return [row.due, row.kept, row.keptOnTime, row.overdue, rate(row.keptRate), rate(row.onTimeRate)];
}

function outcomeTable(
  name: string,
  first: string,
  rows: readonly OutcomeRow[],
  unnamed: string,
): ReportTable {
  return {
    name,
    header: [first, ...OUTCOME_HEADER],
    rows: rows.map((row) => [row.name ?? unnamed, ...outcomeCells(row)]),
  };
}

function overdueTable(report: AnnualReport): ReportTable {
  return {
    name: '逾期未完成清单',
    header: [
      '承诺编号',
      '承办单位',
      '文号',
      '承诺事项',
      '目标下限',
      '目标上限',
      '单位',
      '截至统计日完成',
      '截止年份',
      '原因',
      '原文',
    ],
    rows: report.overdue.map((o) => [
      o.commitmentId,
      o.agency,
      o.docNumber,
      o.object,
      o.targetMin,
      o.targetMax,
      o.unit,
      o.value,
      o.deadlineYear,
      o.reasonCode ? REASON_LABELS[o.reasonCode] : null,
      o.quote,
    ]),
  };
}

export function reportTables(report: AnnualReport): ReportTable[] {
  return [
    summaryTable(report),
    outcomeTable('按区', '区', report.byDistrict, '全市'),
    outcomeTable('按承办单位', '承办单位', report.byAgency, '未识别承办单位'),
    overdueTable(report),
  ];
}

export const reportTitle = (year: number) => `${year}年度代表建议办理情况报告`;
export const reportFileName = (year: number, extension: 'xlsx' | 'csv') =>
  `${year}年度办理情况报告.${extension}`;
