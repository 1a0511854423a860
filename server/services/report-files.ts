/**
 * The annual report's downloads: XLSX (one sheet per table, shares as real percentages Excel can
 * compute with) and CSV (the tables one after another, UTF-8 with a byte-order mark so Excel on
 * Chinese Windows opens it without mojibake).
 * @see https://github.com/exceljs/exceljs#interface
 * @see https://csv.js.org/stringify/
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutralizeFormula, neutralizeRow } from '../spreadsheets/formula-cells';
import type { AnnualReport } from './annual-report';
import { type Cell, type ReportTable, reportTables, reportTitle } from './report-tables';

const PERCENT_FORMAT = '0.0%';
const MISSING = '—';

function isRate(cell: Cell): cell is { rate: number | null } {
  return typeof cell === 'object' && cell !== null;
}

/** 0.6667 → "66.7%", the way the XLSX cell and the page display it. */
export function formatRate(rate: number | null): string {
  return rate === null ? MISSING : `${(rate * 100).toFixed(1)}%`;
}

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable, title: string) {
  const sheet = workbook.addWorksheet(table.name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([`${title} · ${table.name}`]).font = { bold: true, size: 14 };
  const header = sheet.addRow(neutralizeRow(table.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.map((cell) => (isRate(cell) ? (cell.rate ?? MISSING) : neutralizeFormula(cell))),
    );
    row.forEach((cell, index) => {
      if (isRate(cell) && cell.rate !== null) added.getCell(index + 1).numFmt = PERCENT_FORMAT;
    });
  }
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(
      ...[table.header[index] ?? '', ...table.rows.map((r) => String(r[index] ?? ''))].map((s) =>
        Math.min(60, [...s].length * 2),
      ),
    );
    column.width = Math.max(10, widest + 2);
  });
}

export async function annualReportXlsx(report: AnnualReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '承诺跟踪督办平台';
  workbook.created = new Date(`${report.cutoff}T00:00:00Z`);
  const title = reportTitle(report.year);
  for (const table of reportTables(report)) addSheet(workbook, table, title);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function annualReportCsv(report: AnnualReport): string {
  const rows: (string | number | null)[][] = [[reportTitle(report.year)]];
  for (const table of reportTables(report)) {
    rows.push([], [table.name], neutralizeRow(table.header));
    for (const row of table.rows)
      rows.push(row.map((cell) => (isRate(cell) ? formatRate(cell.rate) : neutralizeFormula(cell))));
  }
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`;
}
