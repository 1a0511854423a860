import { describe, expect, test } from 'vitest';
import {
  cutoffFor,
  groupProgress,
  itemOutcome,
  outcomesAsOf,
  ratio,
  summarizeOutcomes,
  type TrackedItem,
} from '../../server/domain/commitment-metrics';
import type { ProgressPoint } from '../../server/domain/progress-summary';
import { summarizeReplies } from '../../server/domain/reply-metrics';
import { districtItems, wholeItems } from '../../server/domain/tracked-items';

const item = (patch: Partial<TrackedItem> = {}): TrackedItem => ({
  commitmentId: 1,
  districtId: null,
  kind: 'quantified',
  min: 30,
  deadlineYear: 2015,
  letterDate: '2015-03-19',
  milestoneState: 'open',
  milestoneDoneOn: null,
  ...patch,
});

let nextId = 1;
const entry = (value: number, asOf: string, patch: Partial<ProgressPoint> = {}): ProgressPoint => ({
  id: nextId++,
  commitmentId: 1,
  districtId: null,
  value,
  asOf,
  supersedesId: null,
  ...patch,
});

describe('cutoffFor', () => {
  test('a finished year is counted as of its last day, the current year as of today', () => {
    expect(cutoffFor(2015, '2026-11-27')).toBe('2015-12-31');
    expect(cutoffFor(2026, '2026-11-27')).toBe('2026-11-27');
    expect(cutoffFor(null, '2026-11-27')).toBe('2026-11-27');
  });
});

describe('ratio', () => {
  test('nothing to divide by is no figure at all, not 0%', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});

describe('itemOutcome', () => {
  test('reached in the deadline year: kept and kept on time', () => {
    const o = itemOutcome(item(), [entry(12, '2015-06-30'), entry(30, '2015-12-20')], 2015, '2015-12-31');
    expect(o).toEqual({ status: 'achieved', value: 30, due: true, kept: true, keptOnTime: true });
  });

  test('reached a year late: overdue in the deadline year, kept but not on time the year after', () => {
    const progress = [entry(20, '2015-11-30'), entry(30, '2016-02-01')];
    expect(itemOutcome(item(), progress, 2015, '2015-12-31')).toMatchObject({
      status: 'overdue',
      value: 20,
      kept: false,
    });
    expect(itemOutcome(item(), progress, 2016, '2016-12-31')).toMatchObject({
      status: 'achieved',
      kept: true,
      keptOnTime: false,
    });
  });

  test('a correction that lowers the value below the minimum undoes keeping', () => {
    const first = entry(30, '2015-10-01');
    const corrected = entry(25, '2015-10-01', { supersedesId: first.id });
    expect(itemOutcome(item(), [first, corrected], 2015, '2015-12-31')).toMatchObject({
      status: 'overdue',
      kept: false,
      keptOnTime: false,
    });
  });

  test('not yet due: counted in the status mix, not in the kept rate', () => {
    const o = itemOutcome(item({ deadlineYear: 2018 }), [entry(30, '2015-10-01')], 2015, '2015-12-31');
    expect(o).toMatchObject({ status: 'achieved', due: false, kept: true });
    expect(summarizeOutcomes([o])).toMatchObject({ due: 0, kept: 0, keptRate: null });
  });

  test('no deadline: never due', () => {
    expect(itemOutcome(item({ deadlineYear: null }), [], 2030, '2030-12-31').due).toBe(false);
  });

  test('a district part counts only that district’s progress', () => {
    const progress = [entry(1, '2015-05-01', { districtId: 7 }), entry(1, '2015-05-01', { districtId: 8 })];
    expect(itemOutcome(item({ districtId: 7, min: 1 }), progress, 2015, '2015-12-31')).toMatchObject({
      value: 1,
      kept: true,
    });
    expect(itemOutcome(item({ min: 6 }), progress, 2015, '2015-12-31')).toMatchObject({
      value: 2,
      status: 'overdue',
    });
  });

  test('milestones: done by the deadline is kept on time; done after the cut-off was still open then', () => {
    const milestone = item({
      kind: 'milestone',
      min: null,
      milestoneState: 'done',
      milestoneDoneOn: '2016-03-01',
    });
    expect(itemOutcome(milestone, [], 2015, '2015-12-31')).toMatchObject({ status: 'overdue', kept: false });
    expect(itemOutcome(milestone, [], 2016, '2016-12-31')).toMatchObject({ kept: true, keptOnTime: false });
    const onTime = { ...milestone, milestoneDoneOn: '2015-09-01' };
    expect(itemOutcome(onTime, [], 2015, '2015-12-31')).toMatchObject({ kept: true, keptOnTime: true });
  });
});

describe('summarizeOutcomes and outcomesAsOf', () => {
  test('kept ÷ due, on time ÷ due, and the status mix', () => {
    const items = [
      item({ commitmentId: 1 }),
      item({ commitmentId: 2 }),
      item({ commitmentId: 3, deadlineYear: 2018 }),
      item({ commitmentId: 4, letterDate: '2016-01-05' }),
    ];
    const progress = groupProgress([
      entry(30, '2015-10-01', { commitmentId: 1 }),
      entry(5, '2015-10-01', { commitmentId: 3 }),
    ]);
    const outcomes = outcomesAsOf(items, progress, 2015, '2015-12-31');
    expect(outcomes.map((o) => o.item.commitmentId)).toEqual([1, 2, 3]);
    const metrics = summarizeOutcomes(outcomes.map((o) => o.outcome));
    expect(metrics).toEqual({
      tracked: 3,
      due: 2,
      kept: 1,
      keptOnTime: 1,
      keptRate: 0.5,
      onTimeRate: 0.5,
      statusCounts: { not_started: 0, on_track: 0, behind: 1, achieved: 1, overdue: 1 },
    });
  });
});

describe('tracked items', () => {
  const commitments = [
    {
      id: 1,
      kind: 'quantified' as const,
      min: 1,
      deadlineYear: 2015,
      letterDate: '2015-03-19',
      milestoneState: 'open' as const,
      milestoneDoneOn: null,
    },
    {
      id: 2,
      kind: 'quantified' as const,
      min: 30,
      deadlineYear: 2015,
      letterDate: '2015-03-19',
      milestoneState: 'open' as const,
      milestoneDoneOn: null,
    },
  ];
  const targets = [
    { commitmentId: 1, districtId: 7, min: 1 },
    { commitmentId: 1, districtId: 8, min: 2 },
    { commitmentId: 2, districtId: null, min: 30 },
  ];
  test('a broken-down commitment’s target is the sum of its district targets', () => {
    expect(wholeItems(commitments, targets).map((i) => i.min)).toEqual([3, 30]);
  });
  test('district items: one per district target, city-level targets belong to no district', () => {
    expect(districtItems(commitments, targets).map((i) => [i.districtId, i.min])).toEqual([
      [7, 1],
      [8, 2],
    ]);
    expect(districtItems(commitments, targets, [8]).map((i) => i.districtId)).toEqual([8]);
  });
});

describe('summarizeReplies', () => {
  test('办复率, A类占比 among graded letters, 满意率 counting basically satisfied', () => {
    const metrics = summarizeReplies(
      [{ answered: true }, { answered: true }, { answered: false }, { answered: true }],
      [
        { grade: 'A', rating: 'satisfied' },
        { grade: 'B', rating: 'basically' },
        { grade: 'A', rating: 'unsatisfied' },
        { grade: null, rating: null },
      ],
    );
    expect(metrics).toMatchObject({
      suggestions: 4,
      answered: 3,
      replyRate: 0.75,
      letters: 4,
      grades: { A: 2, B: 1, C: 0, D: 0 },
      ungraded: 1,
      rated: 3,
      satisfied: 1,
      basically: 1,
      unsatisfied: 1,
    });
    expect(metrics.gradeShares.A).toBeCloseTo(2 / 3);
    expect(metrics.satisfactionRate).toBeCloseTo(2 / 3);
  });
  test('an empty year has no rates', () => {
    expect(summarizeReplies([], [])).toMatchObject({
      replyRate: null,
      satisfactionRate: null,
      gradeShares: { A: null },
    });
  });
});
