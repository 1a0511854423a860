/**
 * Bytes of an uploaded letter into the text users see. Letters arrive as UTF-8 (with or without
 * BOM) or as GBK/GB18030 from older government sites; web pages are reduced to their text.
 * Every offset the extractor returns points into the `text` returned here.
 */
import { LetterInputError, MAX_LETTER_BYTES, MAX_LETTER_CHARS } from './errors';
import { declaredCharset, htmlToText, looksLikeHtmlPage } from './html';

export interface DecodedLetter {
  text: string;
  /** 'utf-8', 'utf-8-bom' or 'gb18030' */
  encoding: string;
  html: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/**
 * Text files have no NUL bytes and few C0 controls; images, PDFs and Word files have many.
 * UTF-16 files are also rejected here (NUL in every other byte): no site serves letters so.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > sample.length * 0.02;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeGb18030(bytes: Uint8Array): string {
  return new TextDecoder('gb18030').decode(bytes);
}

/** GB18030 decoding of random bytes still "works"; replacement characters show that it did not. */
function mostlyReplacement(text: string): boolean {
  let bad = 0;
  for (const ch of text) if (ch === '\ufffd') bad++;
  return bad > Math.max(8, text.length * 0.05);
}

export function decodeLetter(bytes: Uint8Array): DecodedLetter {
  if (bytes.length === 0) throw new LetterInputError('EMPTY');
  if (bytes.length > MAX_LETTER_BYTES) throw new LetterInputError('TOO_LARGE');
  if (looksBinary(bytes)) throw new LetterInputError('BINARY');

  let text: string;
  let encoding: string;
  if (hasUtf8Bom(bytes)) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'utf-8-bom';
  } else {
    const asUtf8 = tryUtf8(bytes);
    if (asUtf8 !== null) {
      text = asUtf8;
      encoding = 'utf-8';
    } else {
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
      const declared = declaredCharset(head);
      text = decodeGb18030(bytes);
      encoding = declared === 'big5' ? 'big5' : 'gb18030';
      if (encoding === 'big5') text = new TextDecoder('big5').decode(bytes);
      if (mostlyReplacement(text)) throw new LetterInputError('BINARY');
    }
  }

  const html = looksLikeHtmlPage(text);
  if (html) text = htmlToText(text);
  if (text.trim() === '') throw new LetterInputError('EMPTY');
  // ASCII-heavy text decodes to more characters than bytes of Chinese would: same limit as extractLetter
  if (text.length > MAX_LETTER_CHARS) throw new LetterInputError('TOO_LARGE');
  return { text, encoding, html };
}
