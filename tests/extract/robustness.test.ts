/**
 * extractLetter never throws on any string within the size limit, and every span it returns
 * quotes the text it points at — over arbitrary unicode and over mutilated real letters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLetter, LetterInputError, MAX_LETTER_CHARS } from '../../server/extract/index';
import type { LetterExtraction } from '../../shared/extraction';

/** Property runs share the machine with the scorer test; give them room. */
const PROPERTY_TIMEOUT = 60_000;

const seed = readFileSync(join(__dirname, '../fixtures/reply-260.txt'), 'utf8');

function expectSpansQuote(text: string, result: LetterExtraction): void {
  for (const span of [...result.commitments, ...result.milestones]) {
    expect(text.slice(span.start, span.end)).toBe(span.quote);
    expect(span.start).toBeLessThan(span.end);
  }
  for (const c of result.commitments) {
    expect(Number.isFinite(c.min)).toBe(true);
    if (c.max !== null) expect(c.max).toBeGreaterThanOrEqual(c.min);
  }
}

/** Pieces real letters are made of, to reach deep into the rules with random text. */
const LETTER_PIECES = [
  '苏辉明代表:',
  '今年',
  '年内',
  '计划',
  '已建成',
  '争取完成',
  '每个区',
  '至少',
  '30个',
  '3—5个',
  '80多个',
  '1.2万元',
  '三十',
  '两',
  '“三社联动”',
  '《方案》',
  '第二届',
  '(huì)',
  ',,',
  '。',
  '\n',
  '一、',
  '2015年3月19日',
  '厦民函〔2015〕8号',
  '办理结果:B',
  '〇',
  '%',
  '万',
  '亿',
  '\u00a0',
  '～',
  '分别达到',
  '、',
];

describe('extractLetter robustness', () => {
  it(
    'never throws on arbitrary unicode',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
          expectSpansQuote(text, extractLetter(text));
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'never throws on arbitrary UTF-16, lone surrogates included',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          expectSpansQuote(text, extractLetter(text));
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'never throws on text assembled from letter pieces',
    () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...LETTER_PIECES), { maxLength: 80 }), (pieces) => {
          const text = pieces.join('');
          expectSpansQuote(text, extractLetter(text));
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'never throws on mutated letters',
    () => {
      const mutation = fc.record({
        at: fc.nat({ max: seed.length }),
        remove: fc.nat({ max: 200 }),
        insert: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...LETTER_PIECES)),
      });
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          let text = seed;
          for (const { at, remove, insert } of mutations) {
            const from = Math.min(at, text.length);
            text = text.slice(0, from) + insert + text.slice(from + remove);
          }
          expectSpansQuote(text, extractLetter(text));
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('refuses text over the size limit and accepts text at it', () => {
    expect(() => extractLetter('一'.repeat(MAX_LETTER_CHARS + 1))).toThrow(LetterInputError);
    expect(() => extractLetter(`${seed}\n`.repeat(3))).not.toThrow();
  });

  it.each([
    ['one endless sentence of promises', '计划新建3所学校,'],
    ['an endless numeral', '一二三四五六七八九十'],
    ['endless digits', '1234567890'],
    ['endless quotes', '“三十个”将建30个,'],
    ['endless headings', '一、计划\n'],
    ['one endless clause of dated promises', '今年计划新建3所学校'],
  ])(
    'stays fast on %s',
    (_name, unit) => {
      const text = unit.repeat(Math.floor(300_000 / unit.length));
      const started = performance.now();
      expectSpansQuote(text, extractLetter(text));
      expect(performance.now() - started).toBeLessThan(8000);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'stays fast on many sentences with distinct promises',
    () => {
      const text = Array.from({ length: 20_000 }, (_, i) => `今年计划新建${i + 1}所学校。`).join('');
      const started = performance.now();
      const result = extractLetter(text);
      expect(result.commitments.length).toBe(20_000);
      expect(performance.now() - started).toBeLessThan(8000);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'extracts a large letter quickly',
    () => {
      const big = `${seed}\n`.repeat(40);
      const started = performance.now();
      extractLetter(big);
      expect(performance.now() - started).toBeLessThan(5000);
    },
    PROPERTY_TIMEOUT,
  );
});
