/**
 * Confidence is read from the evidence of the clause: an explicit plan word and a deadline
 * make a commitment trustworthy, a tense only inherited from the text around it or words of
 * description and standards make it one for the reviewer to check first.
 */
import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../server/extract/confidence';
import { extractLetter } from '../../server/extract/index';

const HEAD = '张三代表:\n您提出的建议收悉,现答复如下:\n';
const TAIL = '\n某某市民政局\n2021年5月12日\n';
const extract = (body: string) => extractLetter(HEAD + body + TAIL);

describe('commitment confidence', () => {
  it('is high for a plan word with its deadline and object', () => {
    const [c] = extract('今年计划新建停车场8处。').commitments;
    expect(c!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('is lower when the tense is only inherited and lower still next to a past marker', () => {
    const found = extract(
      '下一步,我们将加快建设。\n增设充电桩30个。\n已完成改造一期,计划再改造楼道16个。',
    ).commitments;
    const inherited = found.find((c) => c.min === 30)!;
    const nearPast = found.find((c) => c.min === 16)!;
    expect(inherited.confidence).toBeLessThan(0.9);
    expect(nearPast.confidence).toBeLessThan(extract('计划再改造楼道16个。').commitments[0]!.confidence);
  });

  const plan = {
    clauseCue: true,
    sentenceCue: false,
    weakCue: false,
    deadline: true,
    object: true,
    cleanNumber: true,
    pastInClause: false,
    pastInSentence: false,
    descriptive: false,
    bareListItem: false,
  };

  it('falls below the review threshold for each kind of weak evidence', () => {
    expect(confidenceOf(plan)).toBeGreaterThanOrEqual(0.8);
    expect(confidenceOf({ ...plan, clauseCue: false, deadline: false })).toBeLessThan(0.8);
    expect(confidenceOf({ ...plan, pastInClause: true })).toBeLessThan(0.8);
    expect(confidenceOf({ ...plan, descriptive: true })).toBeLessThan(0.8);
    expect(confidenceOf({ ...plan, descriptive: true, bareListItem: true })).toBeLessThan(
      confidenceOf({ ...plan, descriptive: true }),
    );
  });

  it('stays within [0, 1] whatever the evidence', () => {
    const weakest = {
      ...plan,
      clauseCue: false,
      deadline: false,
      object: false,
      cleanNumber: false,
      pastInClause: true,
      pastInSentence: true,
      descriptive: true,
      bareListItem: true,
    };
    const strongest = { ...plan, sentenceCue: true, weakCue: true };
    expect(confidenceOf(weakest)).toBeGreaterThanOrEqual(0);
    expect(confidenceOf(strongest)).toBeLessThanOrEqual(1);
  });

  it('is carried by milestones too', () => {
    const [m] = extract('年内将印发职能清单。').milestones;
    expect(m!.confidence).toBeGreaterThan(0.7);
    expect(m!.confidence).toBeLessThanOrEqual(1);
  });
});
