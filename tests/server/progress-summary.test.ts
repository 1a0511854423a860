import { describe, expect, test } from 'vitest';
import {
  completionOf,
  type ProgressPoint,
  standingEntries,
  summarizeDistrictYears,
} from '../../server/domain/progress-summary';

const entry = (p: Partial<ProgressPoint> & Pick<ProgressPoint, 'id' | 'value' | 'asOf'>): ProgressPoint => ({
  commitmentId: 1,
  districtId: 10,
  supersedesId: null,
  ...p,
});

describe('standingEntries', () => {
  test('the latest dated entry counts, and a correction replaces the entry it supersedes', () => {
    const updates = [
      entry({ id: 1, value: 2, asOf: '2015-06-30' }),
      entry({ id: 2, value: 5, asOf: '2015-12-31' }),
      entry({ id: 3, value: 4, asOf: '2015-12-31', supersedesId: 2 }),
    ];
    expect(standingEntries(updates).get('1:10')?.value).toBe(4);
    expect(standingEntries(updates, '2015-07-01').get('1:10')?.value).toBe(2);
    expect(standingEntries(updates, '2014-12-31').get('1:10')).toBeUndefined();
  });
});

describe('completionOf', () => {
  test('is capped at 1 and 0 without a value', () => {
    expect(completionOf(undefined, 5)).toBe(0);
    expect(completionOf(2, 4)).toBe(0.5);
    expect(completionOf(9, 4)).toBe(1);
  });
});

describe('summarizeDistrictYears', () => {
  test('averages completion per district at each year end', () => {
    const targets = [
      { commitmentId: 1, districtId: 10, min: 4 },
      { commitmentId: 2, districtId: 10, min: 1 },
      { commitmentId: 3, districtId: null, min: 30 },
    ];
    const updates = [
      entry({ id: 1, value: 2, asOf: '2015-12-31' }),
      entry({ id: 2, value: 4, asOf: '2016-06-30' }),
      entry({ id: 3, commitmentId: 2, value: 1, asOf: '2016-03-01' }),
      entry({ id: 4, commitmentId: 3, districtId: null, value: 15, asOf: '2015-10-01' }),
    ];
    const cells = summarizeDistrictYears(targets, updates, [2015, 2016]);
    expect(cells).toEqual([
      { districtId: 10, year: 2015, targets: 2, achieved: 0, completion: 0.25 },
      { districtId: null, year: 2015, targets: 1, achieved: 0, completion: 0.5 },
      { districtId: 10, year: 2016, targets: 2, achieved: 2, completion: 1 },
      { districtId: null, year: 2016, targets: 1, achieved: 0, completion: 0.5 },
    ]);
  });
});
