/**
 * Builds hostile XLSX files for the upload bounds: a minimal workbook whose parts are generated as
 * streams, so a part that unzips to a gigabyte is deflated chunk by chunk into a few megabytes
 * without ever being held whole. Parts can lie about their size in the zip directory, and a part
 * can be hidden (written to the file, left out of the directory).
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (local header, central directory)
 */
import { constants, crc32, createDeflateRaw } from 'node:zlib';

export interface BombPart {
  name: string;
  /** the part's text, produced piece by piece */
  chunks: () => Iterable<string>;
  /** uncompressed size written to the headers instead of the real one */
  declaredSize?: number;
  /** written to the file but not listed in the central directory */
  hidden?: boolean;
  /** the chunks are bytes written as latin1 text (a picture), not UTF-8 */
  latin1?: boolean;
}

interface Deflated {
  data: Buffer;
  crc: number;
  size: number;
}

async function deflatePart(chunks: Iterable<string>, encoding: BufferEncoding): Promise<Deflated> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const text of chunks) {
    const bytes = Buffer.from(text, encoding);
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** A zip (deflate, no data descriptors) of the parts, in order. */
export async function buildZip(parts: readonly BombPart[]): Promise<Buffer> {
  const files: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const part of parts) {
    const { data, crc, size } = await deflatePart(part.chunks(), part.latin1 ? 'latin1' : 'utf8');
    const name = Buffer.from(part.name);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    files.push(local, name, data);
    if (!part.hidden) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc >>> 0, 16);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(declared, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      directory.push(central, name);
      listed++;
    }
    offset += local.length + name.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...files, directoryBytes, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const once = (text: string) => () => [text];

/** The parts every workbook needs around its shared strings and its one sheet. */
export function workbookParts(): BombPart[] {
  return [
    {
      name: '[Content_Types].xml',
      chunks: once(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      chunks: once(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: once(
        `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="进度填报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: once(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
  ];
}

/** `count` shared strings of `length` characters each (one repeated text: it deflates to almost nothing). */
export function sharedStrings(count: number, length: number): BombPart {
  const item = `<si><t>${'承'.repeat(length)}</t></si>`;
  return {
    name: 'xl/sharedStrings.xml',
    *chunks() {
      yield `${XML}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`;
      const batch = 256;
      for (let i = 0; i < count; i += batch) yield item.repeat(Math.min(batch, count - i));
      yield '</sst>';
    },
  };
}

/** A, B, …, Z, AA, …: exceljs needs every cell's address. */
function columnLetters(position: number): string {
  let letters = '';
  for (let n = position; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One sheet of `rows` rows of `columns` numeric cells. */
export function worksheet(rows: number, columns: number): BombPart {
  const letters = Array.from({ length: columns }, (_, i) => columnLetters(i + 1));
  return {
    name: 'xl/worksheets/sheet1.xml',
    *chunks() {
      yield `${XML}<worksheet xmlns="${MAIN}"><sheetData>`;
      for (let r = 1; r <= rows; r++)
        yield `<row r="${r}">${letters.map((l) => `<c r="${l}${r}"><v>1</v></c>`).join('')}</row>`;
      yield '</sheetData></worksheet>';
    },
  };
}

/** What the issue reported: a few MB whose shared strings unzip to about 1.5 GB. */
export async function sharedStringsBomb(megabytes = 1536, declaredSize?: number): Promise<Buffer> {
  // 1,000 characters of 3 UTF-8 bytes each, plus tags: about 3 KB a string
  const count = Math.ceil((megabytes * 1024 * 1024) / 3016);
  const strings = sharedStrings(count, 1000);
  return buildZip([
    ...workbookParts(),
    declaredSize === undefined ? strings : { ...strings, declaredSize },
    worksheet(1, 1),
  ]);
}
