/** The pure scorer: one-to-one matching on value and overlapping span, attr, meta, the confidence cut. */
import { describe, expect, it } from 'vitest';
import { type GoldLetter, letterBody, scoreCorpus, summaryLine } from '../../server/extract/scoring';

const body = '今年新建公园3个，改造公园3个。';
const gold: GoldLetter = {
  agency: '某市园林局',
  letterDate: '2024-05-01',
  suggestionRef: null,
  resultGrade: 'A',
  commitments: [
    { quote: '新建公园3个', min: 3, max: 3, unit: '个', object: '公园', per: null, deadlineYear: 2024 },
    { quote: '改造公园3个', min: 3, max: 3, unit: '个', object: '公园', per: null, deadlineYear: 2024 },
  ],
};
const first = { quote: '新建公园3个', start: 2, end: 8, min: 3, max: 3, unit: '个', object: '公园' };

describe('scoreCorpus', () => {
  it('matches each prediction to one gold commitment only', () => {
    const score = scoreCorpus([
      {
        name: 'a',
        body,
        gold,
        prediction: {
          letter: { agency: '某市园林局', letterDate: '2024-05-01', resultGrade: 'B' },
          commitments: [{ ...first, per: null, deadlineYear: 2024 }],
        },
      },
    ]);
    expect(score.tp).toBe(1);
    expect(score.perLetter[0]!.misses).toEqual(['改造公园3个']);
    expect(score.P).toBe(1);
    expect(score.R).toBe(0.5);
    expect(score.attr).toBe(1);
    // suggestionRef is null in the gold and not counted; the grade is wrong
    expect(score.meta).toBeCloseTo(2 / 3);
  });

  it('counts a span that does not equal its quote and scores a letter without prediction as empty', () => {
    const score = scoreCorpus([
      { name: 'a', body, gold, prediction: { commitments: [{ ...first, start: 3 }] } },
      { name: 'b', body, gold, prediction: undefined },
    ]);
    expect(score.badSpans).toBe(1);
    expect(score.nGold).toBe(4);
    expect(score.meta).toBe(0);
    expect(summaryLine(score, 2)).toMatch(
      /^F1 0\.\d{3} P 1\.000 R 0\.250 attr 0\.\d{3} meta 0\.000 \(1\/4 gold/,
    );
  });

  it('scores only the commitments at or above the confidence cut', () => {
    const commitments = [
      { ...first, confidence: 0.9 },
      {
        quote: '改造公园3个',
        start: 9,
        end: 15,
        min: 3,
        max: 3,
        unit: '个',
        object: '公园',
        confidence: 0.5,
      },
    ];
    expect(scoreCorpus([{ name: 'a', body, gold, prediction: { commitments } }], 0.8).tp).toBe(1);
    expect(scoreCorpus([{ name: 'a', body, gold, prediction: { commitments } }]).tp).toBe(2);
  });

  it('reads the letter text after the source header', () => {
    expect(letterBody('# source: http://x\n\n正文')).toBe('正文');
    expect(letterBody('正文')).toBe('正文');
  });
});
