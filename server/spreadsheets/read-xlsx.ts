/**
 * Rows of an XLSX upload through exceljs's streaming reader: the workbook is unzipped and parsed
 * piece by piece with awaits in between, so a 5,000-row sheet never holds the event loop for
 * long, and a huge sheet can be abandoned at the row limit instead of being loaded whole.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetCell } from './cells';
import type { SheetRow } from './sheet-rows';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** exceljs wraps rich text, formulas, hyperlinks and errors in objects; a clerk sees only the text or result. */
export function plainCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isRecord(value)) return null;
  if (typeof value.error === 'string') return { error: value.error };
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return plainCell(value.result);
  if (typeof value.text === 'string') return value.text;
  if (isRecord(value.text)) return plainCell(value.text);
  return null;
}

export async function* readXlsxRows(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    // styles tell dates from numbers: without them every date cell would read as a serial number
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheet = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      // exceljs rows are 1-based sparse arrays; index 0 is always empty
      const cells: SheetCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
      yield { sheet, number: row.number, cells };
    }
    sheet++;
  }
}
