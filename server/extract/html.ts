/**
 * Turns a saved web page into the plain text a reader sees: letters are often published as
 * HTML pages with navigation and scripts around them. Block elements become line breaks so
 * that headings, signature and date stay on their own lines, which the metadata rules need.
 */

import { Parser } from 'htmlparser2';

/** Elements whose content a reader never sees as text. */
const DROPPED_ELEMENTS = new Set([
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
]);

/** Elements that stand on their own lines. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'tbody',
  'thead',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'dd',
  'dt',
  'dl',
  'hr',
  'blockquote',
  'pre',
  'form',
  'center',
  'title',
]);

/** Table cells: neighbours on one line, kept apart. */
const CELL_ELEMENTS = new Set(['td', 'th']);

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

/** What a tag written in the page adds to the text: a line break, a space or nothing. */
function separator(name: string): string {
  if (DROPPED_ELEMENTS.has(name) || BLOCK_ELEMENTS.has(name)) return '\n';
  return CELL_ELEMENTS.has(name) ? ' ' : '';
}

/**
 * The page's text through an HTML parser (htmlparser2), which reads tags as a browser does: a
 * `>` inside a quoted attribute does not end the tag, entities are decoded, script and style
 * bodies are never markup. Only tags written in the page separate text; the ones the parser
 * implies (a `<p>` closed by the next) add nothing, so blank lines stay where the page has them.
 * Offsets of the extraction then point into this text, the letter as decoded.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, _attributes, isImplied) {
        if (DROPPED_ELEMENTS.has(name)) hidden++;
        if (!isImplied) parts.push(separator(name));
      },
      onclosetag(name, isImplied) {
        if (DROPPED_ELEMENTS.has(name) && hidden > 0) hidden--;
        if (!isImplied) parts.push(separator(name));
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
