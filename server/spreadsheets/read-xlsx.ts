/**
 * Rows of an XLSX upload through exceljs's streaming reader: the workbook is unzipped and parsed
 * piece by piece with awaits in between, so a 5,000-row sheet never holds the event loop for
 * long, and a huge sheet can be abandoned at the row limit instead of being loaded whole.
 * (`workbook.xlsx.load` holds the loop for ~400 ms on 5,000 rows and ~1 s on 20,000.)
 *
 * exceljs 4.4.0's streaming reader decodes every inflated chunk of XML as UTF-8 on its own, so a
 * Chinese character split across two chunks turns into U+FFFD (seen on our own 5,000-row export:
 * 思明区 read back as ���明区). Its XML parser accepts strings as they are, so the reader is
 * handed text decoded across chunk boundaries instead; see utf8SafeReader below. Upstream:
 * https://github.com/exceljs/exceljs/issues/2063 and /issues/2084 (open; same setEncoding fix).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetCell } from './cells';
import type { SheetRow } from './sheet-rows';
import {
  checkXlsxArchive,
  MAX_CELLS,
  MAX_SHARED_STRINGS,
  MAX_SHARED_STRINGS_BYTES,
  MAX_WORKSHEET_BYTES,
  tooMuchContent,
} from './xlsx-archive';

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

/**
 * A clerk who types 85% into a cell gets 0.85 stored with a percent format; the target's unit is
 * %, so the number meant is 85. Such cells are handed on as the text Excel shows.
 */
function asDisplayedPercent(value: number, numFmt: string | undefined): SheetCell {
  if (numFmt === undefined || !numFmt.replace(/"[^"]*"/g, '').includes('%')) return value;
  return `${Number((value * 100).toPrecision(12))}%`;
}

/** The parts of exceljs's WorkbookReader (4.4.0) that receive the raw XML bytes. */
interface ReaderInternals {
  /** filled while the shared strings are parsed (sharedStrings: 'cache') */
  sharedStrings?: unknown[];
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    // stream: true keeps a character's leading bytes until the rest arrive
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function isReaderInternals(value: unknown): value is ReaderInternals {
  return (
    isRecord(value) &&
    typeof value._parseSharedStrings === 'function' &&
    typeof value._parseWorksheet === 'function'
  );
}

/**
 * The second bound behind checkXlsxArchive: exceljs's own inflated bytes are counted as they
 * arrive, so a part the directory check let through (a zip quirk it did not foresee) still stops
 * at the bound instead of filling memory.
 */
async function* bounded<T extends Buffer | string>(
  chunks: AsyncIterable<T>,
  limit: number,
  refuse: () => Error,
  after?: () => void,
): AsyncGenerator<T> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limit) throw refuse();
    yield chunk;
    after?.();
  }
}

function utf8SafeReader(bytes: Uint8Array, fileName: string): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    // styles tell dates from numbers: without them every date cell would read as a serial number
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // a newer exceljs without these methods must fail the tests loudly, not garble text quietly
  if (!isReaderInternals(reader))
    throw new Error('exceljs WorkbookReader internals changed; see read-xlsx.ts');
  const parseSharedStrings = reader._parseSharedStrings.bind(reader);
  const parseWorksheet = reader._parseWorksheet.bind(reader);
  const internals = reader;
  reader._parseSharedStrings = (entry) => {
    // Node's string decoder holds split characters back, like utf8Text does
    entry.setEncoding('utf8');
    const counted = bounded<Buffer | string>(
      entry,
      MAX_SHARED_STRINGS_BYTES,
      () => tooMuchContent(fileName, '共享字符串过大'),
      () => {
        if ((internals.sharedStrings?.length ?? 0) > MAX_SHARED_STRINGS)
          throw tooMuchContent(fileName, `共享字符串超过 ${MAX_SHARED_STRINGS} 条`);
      },
    );
    // objectMode keeps the decoded strings whole: a byte stream would split characters again
    return parseSharedStrings(Readable.from(counted));
  };
  reader._parseWorksheet = (chunks, sheetNo) =>
    parseWorksheet(
      utf8Text(
        bounded(chunks, MAX_WORKSHEET_BYTES, () => tooMuchContent(fileName, `工作表 ${sheetNo} 过大`)),
      ),
      sheetNo,
    );
  return reader;
}

/** Refuses a zip bomb before parsing (xlsx-archive.ts), then counts what the parse produces. */
export async function* readXlsxRows(bytes: Uint8Array, fileName: string): AsyncGenerator<SheetRow> {
  await checkXlsxArchive(bytes, fileName);
  let sheet = 0;
  let cellCount = 0;
  for await (const worksheet of utf8SafeReader(bytes, fileName)) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      cellCount += values.length;
      if (cellCount > MAX_CELLS) throw tooMuchContent(fileName, `单元格超过 ${MAX_CELLS} 个`);
      // exceljs rows are 1-based sparse arrays; index 0 is always empty
      const cells: SheetCell[] = [];
      for (let i = 1; i < values.length; i++) {
        const cell = plainCell(values[i]);
        cells.push(typeof cell === 'number' ? asDisplayedPercent(cell, row.getCell(i).numFmt) : cell);
      }
      yield { sheet, number: row.number, cells };
    }
    sheet++;
  }
}
