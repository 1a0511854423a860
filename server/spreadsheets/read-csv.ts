/**
 * Rows of a CSV upload. Excel on Chinese Windows saves "CSV" as GBK, "CSV UTF-8" with a BOM and
 * "Unicode text" as tab-separated UTF-16; other tools write plain UTF-8. The text is decoded by
 * what the bytes are, then parsed in chunks so a large file does not hold the event loop.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { hasBrokenQuotedCell, unclosedQuoteError } from './csv-quotes';
import type { SheetRow } from './sheet-rows';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not valid UTF-8: Excel's "CSV" on Chinese Windows, which is GBK (a subset of GB18030)
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Comma, tab or semicolon: whichever the first non-empty line uses most. */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ',';
}

const CHUNK_CHARS = 64 * 1024;

/** Slices of the text that never split a surrogate pair (GB18030 decodes to astral characters too). */
function* chunksOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + CHUNK_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
  }
}

export async function* readCsvRows(text: string): AsyncGenerator<SheetRow> {
  const delimiter = guessDelimiter(text);
  const parser = Readable.from(chunksOf(text)).pipe(
    parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      // blank lines stay so that row numbers match what Excel shows
      skip_empty_lines: false,
      // the record's source text, to tell a cell spanning lines from a quote left open
      raw: true,
    }),
  );
  let number = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: unknown; raw: string }>) {
      number++;
      if (hasBrokenQuotedCell(raw, delimiter)) throw unclosedQuoteError(number);
      const cells: string[] = Array.isArray(record)
        ? record.map((v: unknown) => (typeof v === 'string' ? v : ''))
        : [];
      yield { sheet: 0, number, cells };
    }
  } catch (error) {
    // the quote opened in the row after the last one parsed (not all of which reached this loop
    // before the stream failed), and ran to the end of the file
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      const parsed = typeof error.records === 'number' ? error.records : number;
      throw unclosedQuoteError(parsed + 1, error);
    }
    throw error;
  }
}
