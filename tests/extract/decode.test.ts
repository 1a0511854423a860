/**
 * decodeLetter: UTF-8 with and without BOM, GBK (the committed fixtures were written by a
 * Python script with str.encode('gbk'); Node has no GBK encoder), HTML pages reduced to their
 * text, and the refusals users see.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeLetter,
  extractLetter,
  LetterInputError,
  MAX_LETTER_BYTES,
  MAX_LETTER_CHARS,
} from '../../server/extract/index';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures', name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): LetterInputError {
  try {
    decodeLetter(bytes);
  } catch (error) {
    if (error instanceof LetterInputError) return error;
    throw error;
  }
  throw new Error('expected a LetterInputError');
}

describe('decodeLetter', () => {
  it('reads UTF-8', () => {
    expect(decodeLetter(utf8('王明代表:今年新建3所学校。'))).toEqual({
      text: '王明代表:今年新建3所学校。',
      encoding: 'utf-8',
      html: false,
    });
  });

  it('drops a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('厦民函〔2015〕8号')]);
    expect(decodeLetter(bytes)).toMatchObject({ text: '厦民函〔2015〕8号', encoding: 'utf-8-bom' });
  });

  it('reads a GBK letter', () => {
    const { text, encoding } = decodeLetter(fixture('letter-gbk.txt'));
    expect(encoding).toBe('gb18030');
    expect(text).toContain('今年我局计划新建3所社区养老服务中心');
    expect(text).toContain('2025年6月1日');
  });

  it('reads a GBK byte table', () => {
    // 厦门 = CF C3 C3 C5, 代表 = B4 FA B1 ED in GBK
    const bytes = new Uint8Array([0xcf, 0xc3, 0xc3, 0xc5, 0xb4, 0xfa, 0xb1, 0xed]);
    expect(decodeLetter(bytes).text).toBe('厦门代表');
  });

  it('reduces a GBK web page to its text', () => {
    const { text, html } = decodeLetter(fixture('page-gbk.html'));
    expect(html).toBe(true);
    expect(text).not.toMatch(/views|color|首页|<|&nbsp;/);
    expect(text).toContain('王明代表:\n');
    expect(text).toContain('今年计划新建\u00a03所社区养老服务中心。');
  });

  it('decodes entities and keeps block elements on their own lines', () => {
    const page = '<html><body><p>A&amp;B</p><div>&#21414;&#x95E8;</div>x<br>y</body></html>';
    expect(decodeLetter(utf8(page)).text).toBe('A&B\n\n厦门\nx\ny');
  });

  it('reads a > inside an attribute as part of the tag, as a browser does', () => {
    const page =
      '<html><body><p title="a > b" data-x=\'3>2\'>今年新建公园3个。</p><a href="?q=1>0">详情</a></body></html>';
    expect(decodeLetter(utf8(page)).text).toBe('今年新建公园3个。\n详情');
  });

  it('drops scripts whose text looks like markup, and comments', () => {
    const page =
      '<html><head><title>t</title></head><body><script>if (a < b && c > d) { x = "</p>"; }</script><!-- 2015年3月19日 --><p>王明代表:</p></body></html>';
    expect(decodeLetter(utf8(page)).text).toBe('王明代表:');
  });

  it('keeps the extraction offsets pointing into the decoded page text', () => {
    const page =
      '<html><body><div class="c" data-note="x>y"><p>王明代表:</p><p>今年计划新建&nbsp;3所社区养老服务中心。</p><p>某某市民政局</p><p>2015年3月19日</p></div></body></html>';
    const { text } = decodeLetter(utf8(page));
    const { letter, commitments } = extractLetter(text);
    expect(letter.agency).toBe('某某市民政局');
    expect(commitments).toHaveLength(1);
    const [commitment] = commitments;
    expect(text.slice(commitment!.start, commitment!.end)).toBe(commitment!.quote);
    expect(commitment!.quote).toContain('3所');
  });

  it('refuses empty, binary and oversized input with a Chinese message', () => {
    expect(refusal(new Uint8Array()).code).toBe('EMPTY');
    expect(refusal(utf8('   \n ')).code).toBe('EMPTY');
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])).code).toBe('BINARY');
    const tooLarge = refusal(new Uint8Array(MAX_LETTER_BYTES + 1).fill(0x41));
    expect(tooLarge.code).toBe('TOO_LARGE');
    expect(tooLarge.message).toMatch(/[\u4e00-\u9fff]/);
    expect(refusal(new Uint8Array(MAX_LETTER_CHARS + 10).fill(0x41)).code).toBe('TOO_LARGE');
  });
});
