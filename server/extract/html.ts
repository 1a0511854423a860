/**
 * Turns a saved web page into the plain text a reader sees: letters are often published as
 * HTML pages with navigation and scripts around them. Block elements become line breaks so
 * that headings, signature and date stay on their own lines, which the metadata rules need.
 */

const DROPPED_ELEMENTS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'nav',
  'select',
  'button',
];

const BLOCK_TAG =
  /<\/?(?:p|div|br|li|ul|ol|tr|table|tbody|thead|h[1-6]|section|article|header|footer|aside|main|dd|dt|dl|hr|blockquote|pre|form|center|title)\b[^>]*>/gi;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  times: '×',
  emsp: '\u2003',
  ensp: '\u2002',
  thinsp: '\u2009',
  copy: '©',
  reg: '®',
  yen: '¥',
  deg: '°',
  sup2: '²',
  sup3: '³',
};

/** True when the bytes decoded to a web page rather than a plain text letter. */
export function looksLikeHtmlPage(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head);
}

/** The charset a page declares in its <meta>, if any (lower case). */
export function declaredCharset(head: string): string | null {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  let text = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of DROPPED_ELEMENTS) {
    text = text.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?<\\/${tag}\\s*>`, 'gi'), '\n');
  }
  text = text
    .replace(BLOCK_TAG, '\n')
    .replace(/<\/?t[dh]\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  text = decodeEntities(text);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
