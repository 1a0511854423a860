/**
 * Deadlines that a passage or a work plan states once for several items (made-up sentences).
 */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../server/extract/index';

const HEAD = '张三代表:\n您提出的建议收悉,现答复如下:\n';
const TAIL = '\n某某市住房和城乡建设局\n2021年5月12日\n';
const deadlinesOf = (body: string) =>
  extractLetter(HEAD + body + TAIL).commitments.map((c) => [c.min, c.deadlineYear]);

describe('deadlines carried', () => {
  it('from a time frame at the head of a passage to its following sentences, not beyond', () => {
    expect(deadlinesOf('到2025年,全市将新建停车场5处。改造老旧小区30个。\n下一步,计划修建道路3条。')).toEqual(
      [
        [5, 2025],
        [30, 2025],
        [3, null],
      ],
    );
  });

  it('not from a time word inside a longer opening clause', () => {
    expect(
      deadlinesOf('我市将于2025年前完成城区主干道的全部改造工作,新建停车场5处。改造老旧小区30个。'),
    ).toEqual([
      [5, 2025],
      [30, null],
    ]);
  });

  it("from a work plan's year to its items, until a report section", () => {
    const body =
      '2022年工作计划:\n一、新建公厕12座。\n二、改造道路3公里。\n三、主要工作成效\n已建成公园2个。';
    expect(deadlinesOf(body)).toEqual([
      [12, 2022],
      [3, 2022],
    ]);
    // the label itself is no milestone: its items carry the year
    expect(extractLetter(HEAD + body + TAIL).milestones).toEqual([]);
  });
});
