/**
 * File names of downloads. Express's res.attachment keeps only the part after the last `/` (it
 * takes the basename of a path), so an evidence file named “2025/06 进度.pdf” or an agency named
 * “发改委/粮食局” arrived cut. A download name is not a path: characters that are path separators
 * or forbidden in Windows file names become their full-width forms, which read the same to a
 * Chinese user, and the header is built by `content-disposition` (the package express itself uses).
 */
import { create } from 'content-disposition';
import type { Response } from 'express';

const FULL_WIDTH: Record<string, string> = {
  '/': '／',
  '\\': '＼',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
};

/** The name as saved on the user's disk: nothing cut, nothing that a file system reads as a path. */
export function readableFileName(name: string, fallback = '下载文件'): string {
  const readable = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[/\\:*?"<>|]/g, (c) => FULL_WIDTH[c] ?? '_')
    .trim();
  // only dots would name the current or the parent folder
  return /^\.*$/.test(readable) ? fallback : readable;
}

/** Content-Disposition: attachment with the readable name (ASCII fallback and RFC 8187 UTF-8 form). */
export function setDownloadName(res: Response, name: string): Response {
  return res.setHeader('Content-Disposition', create(readableFileName(name)));
}
