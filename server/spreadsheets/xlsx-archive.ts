/**
 * An XLSX upload is a zip: 10 MB of it can unzip to gigabytes (a "zip bomb": one sheet of 1.5
 * million long shared strings took the server to 1.8 GB, three at once past its heap limit). The
 * upload limit bounds only the compressed bytes, so before exceljs sees the file its central
 * directory is read with yauzl and every part is held to a size bound; the parts are then inflated
 * once and thrown away, because the directory's sizes are the sender's word: yauzl stops with an
 * error as soon as a part inflates past the size it declares.
 *
 * exceljs does not read the central directory: it walks the local headers from the start of the
 * file. A part hidden between the listed ones (or before the first) would reach it unchecked, so
 * the listed parts must cover the file from byte 0 to the central directory without gaps.
 * @see https://github.com/thejoshwolfe/yauzl#readme
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ProgressFileError } from './errors';

/** The shared-string table is held in memory whole while the sheet is read. */
export const MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
/** A worksheet is parsed as a stream; 20,000 exported rows unzip to about 12 MB. */
export const MAX_WORKSHEET_BYTES = 64 * 1024 * 1024;
/** Styles, workbook, relationships, themes: kilobytes in any real workbook. */
export const MAX_OTHER_PART_BYTES = 8 * 1024 * 1024;
/** Pictures and other binary parts a clerk may have pasted in: exceljs skips them unparsed. */
export const MAX_BINARY_PART_BYTES = 16 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 128 * 1024 * 1024;
/** A workbook of a few sheets has a few dozen parts. */
export const MAX_PARTS = 1000;
/** Distinct texts of a sheet: 20,000 rows of nine text columns at most. */
export const MAX_SHARED_STRINGS = 200_000;
/** 20,000 rows of 50 columns. */
export const MAX_CELLS = 1_000_000;

const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const XML_PART = /\.(?:xml|rels|vml)$/i;
/** General-purpose flag bit 3: sizes and CRC follow the data in a descriptor of 12 to 24 bytes. */
const DATA_DESCRIPTOR_FLAG = 0x08;
const DATA_DESCRIPTOR_LENGTHS = new Set([12, 16, 20, 24]);

export function partLimit(name: string): number {
  if (SHARED_STRINGS.test(name)) return MAX_SHARED_STRINGS_BYTES;
  if (WORKSHEET.test(name)) return MAX_WORKSHEET_BYTES;
  return XML_PART.test(name) ? MAX_OTHER_PART_BYTES : MAX_BINARY_PART_BYTES;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** What a clerk reads when a file is refused for its unzipped size: nothing in it was imported. */
export function tooMuchContent(fileName: string, detail: string): ProgressFileError {
  return new ProgressFileError(
    'UNZIPPED_TOO_LARGE',
    `「${fileName}」解压后内容过大(${detail}),不像是进度填报表,未导入任何数据。请使用系统导出的填报表,只填写需要的行后重新上传。`,
  );
}

function damaged(fileName: string, cause: unknown): ProgressFileError {
  return new ProgressFileError(
    'UNREADABLE',
    `无法读取「${fileName}」:文件已损坏或不是 Excel 工作簿。请在 Excel 中“另存为” .xlsx 后重试。`,
    { cause },
  );
}

/** yauzl keeps the central directory's offset as its read cursor until the first entry is read. */
function centralDirectoryOffset(zip: yauzl.ZipFile): number {
  const cursor: unknown = (zip as unknown as { readEntryCursor: unknown }).readEntryCursor;
  if (typeof cursor !== 'number') throw new Error('yauzl ZipFile internals changed; see xlsx-archive.ts');
  return cursor;
}

async function drain(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // inflated only to prove its size; yauzl's byte count errors past the declared size
  }
}

/**
 * Throws ProgressFileError unless every part of the zip stays within its bound, both as declared
 * and as actually inflated, and no bytes of the file lie outside the listed parts.
 */
export async function checkXlsxArchive(bytes: Uint8Array, fileName: string): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw damaged(fileName, error);
  }
  try {
    if (zip.entryCount > MAX_PARTS) throw tooMuchContent(fileName, `含 ${zip.entryCount} 个部件`);
    const directoryAt = centralDirectoryOffset(zip);
    const entries: yauzl.Entry[] = [];
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const limit = partLimit(entry.fileName);
      if (entry.uncompressedSize > limit)
        throw tooMuchContent(
          fileName,
          `${entry.fileName} 达 ${mb(entry.uncompressedSize)},上限 ${mb(limit)}`,
        );
      total += entry.uncompressedSize;
      if (total > MAX_UNZIPPED_BYTES) throw tooMuchContent(fileName, `合计超过 ${mb(MAX_UNZIPPED_BYTES)}`);
      entries.push(entry);
    }
    entries.sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
    let expectedAt = 0;
    for (const [index, entry] of entries.entries()) {
      const gap = entry.relativeOffsetOfLocalHeader - expectedAt;
      if (gap !== 0) throw damaged(fileName, new Error(`${gap} unlisted bytes before ${entry.fileName}`));
      const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
      expectedAt = fileDataStart + entry.compressedSize;
      if (entry.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) {
        // the next header (or the directory) follows the descriptor; its length varies by writer
        const next = entries[index + 1]?.relativeOffsetOfLocalHeader ?? directoryAt;
        if (!DATA_DESCRIPTOR_LENGTHS.has(next - expectedAt))
          throw damaged(fileName, new Error(`unlisted bytes after ${entry.fileName}`));
        expectedAt = next;
      }
      await drain(await zip.openReadStreamPromise(entry));
    }
    if (expectedAt !== directoryAt)
      throw damaged(fileName, new Error(`${directoryAt - expectedAt} unlisted bytes before the directory`));
  } catch (error) {
    if (error instanceof ProgressFileError) throw error;
    // a part inflating past its declared size lands here too: the file lies about itself
    throw damaged(fileName, error);
  } finally {
    zip.close();
  }
}
