/**
 * Why a letter cannot be read, with a message a supervisor can act on. The ingest path shows
 * `message` as is, so it is Chinese; `code` is for programs.
 */

import { Invalid } from '../domain/errors';

/**
 * Largest accepted letter, in bytes. A reply letter is a few pages (the longest seen is about
 * 40 KB as a saved web page); 2 MiB leaves room for bulky HTML while keeping one extraction
 * well under a second.
 */
export const MAX_LETTER_BYTES = 2 * 1024 * 1024;

/**
 * Largest accepted decoded text, in UTF-16 code units: 1 Mi characters, more than a 2 MiB
 * UTF-8 file of Chinese text decodes to (about 700 K), and a bound on extraction time
 * (about three seconds for a pathological text made of nothing but quantities).
 */
export const MAX_LETTER_CHARS = 1024 * 1024;

export type LetterInputErrorCode = 'EMPTY' | 'BINARY' | 'TOO_LARGE';

const MESSAGES: Record<LetterInputErrorCode, string> = {
  EMPTY: '文件为空,请选择一封答复函。',
  BINARY: '无法识别的文件:请上传文本(.txt)或网页(.html)格式的答复函。',
  TOO_LARGE: `文件过大:答复函不能超过 ${MAX_LETTER_BYTES / 1024 / 1024} MB。`,
};

/** Invalid input, even when too large: the office fixes the file, the server is not at fault. */
export class LetterInputError extends Invalid {
  readonly code: LetterInputErrorCode;

  constructor(code: LetterInputErrorCode) {
    super(`letter.${code}`, MESSAGES[code]);
    this.code = code;
  }
}
