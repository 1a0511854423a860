/**
 * What is not a reply letter: GB18030 mojibake of binary bytes, a page of menus, prose with none
 * of a reply's parts. Every letter of the dev corpus (58, traditional mirrors and debris included)
 * and the seed letter must still pass, each far below the mojibake threshold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeLetter, extractLetter } from '../../server/extract/index';
import {
  implausibleShare,
  MOJIBAKE_SHARE,
  sentenceCount,
  UnusualLetterError,
  unusualLetterProblem,
} from '../../server/extract/reply-shape';
import { highByteBinary } from '../support/junk';

const CORPUS = join(__dirname, '../../../shared/corpus/dev/letters');
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name), 'utf8');
const problemOf = (text: string) => unusualLetterProblem(text, extractLetter(text));

describe('reply letters pass', () => {
  const letters = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));

  test('all 58 letters of the dev corpus', () => {
    expect(letters).toHaveLength(58);
    const refused = letters
      .map((file) => {
        // line 1 is `# source: URL`, line 2 blank (the corpus README)
        const text = readFileSync(join(CORPUS, file), 'utf8').split('\n').slice(2).join('\n');
        return { file, problem: problemOf(text), share: implausibleShare(text) };
      })
      .filter((r) => r.problem !== null || r.share > MOJIBAKE_SHARE / 10);
    expect(refused).toEqual([]);
  });

  test('the seed letter, as text and as its GBK copy', () => {
    expect(problemOf(fixture('reply-260.txt'))).toBeNull();
    const gbk = decodeLetter(new Uint8Array(readFileSync(join(__dirname, '../fixtures/letter-gbk.txt'))));
    expect(problemOf(gbk.text)).toBeNull();
  });
});

describe('junk is refused with its reason', () => {
  test('high-byte binary decodes as GB18030 without error but is mostly rare characters', () => {
    const decoded = decodeLetter(highByteBinary(4000));
    expect(decoded.encoding).toBe('gb18030');
    expect(implausibleShare(decoded.text)).toBeGreaterThan(0.4);
    expect(problemOf(decoded.text)).toBe('MOJIBAKE');
  });

  test('a page of menus only has no sentence', () => {
    const menus = fixture('junk/menus.txt');
    expect(sentenceCount(menus)).toBe(0);
    expect(problemOf(menus)).toBe('NO_SENTENCES');
  });

  test('prose without salutation, reply wording, signature or date', () => {
    const prose = fixture('junk/prose.txt');
    expect(sentenceCount(prose)).toBeGreaterThan(2);
    expect(problemOf(prose)).toBe('NO_REPLY_PARTS');
    // any one part makes it a (short, odd) reply: a salutation, or a date under it
    expect(problemOf(`王明代表:\n\n${prose}`)).toBeNull();
    expect(problemOf(`${prose}\n\n2015年3月19日`)).toBeNull();
    // full-width punctuation, as most letters are typed: the salutation's colon, sentences ending in ！
    expect(problemOf(`王明代表\uff1a\n\n${prose}`)).toBeNull();
    expect(sentenceCount('岛上没有汽车只有步行的人\uff01小店里卖着馅饼和鱼丸汤\uff1f')).toBe(2);
  });

  test('the messages are Chinese and name the override', () => {
    for (const code of ['MOJIBAKE', 'NO_SENTENCES', 'NO_REPLY_PARTS'] as const) {
      expect(new UnusualLetterError(code).message).toMatch(/[\u4e00-\u9fff].*仍然录入/u);
    }
  });
});
