import { describe, expect, test } from 'vitest';
import { commitmentStatus, elapsedShare, type StatusInput } from '../../server/domain/commitment-status';

const base: StatusInput = {
  reviewStatus: 'confirmed',
  withdrawn: false,
  min: 30,
  value: null,
  deadlineYear: 2015,
  letterDate: '2015-03-19',
  today: '2015-06-01',
};
const status = (patch: Partial<StatusInput>) => commitmentStatus({ ...base, ...patch });

describe('commitmentStatus', () => {
  test('review comes first: unverified and rejected items are not tracked', () => {
    expect(status({ reviewStatus: 'unverified', value: 99 })).toBe('unverified');
    expect(status({ reviewStatus: 'rejected' })).toBe('rejected');
  });

  test('withdrawn wins over progress', () => {
    expect(status({ withdrawn: true, value: 30 })).toBe('withdrawn');
  });

  test('reaching the minimum is achieved, also after the deadline and for at-least targets', () => {
    expect(status({ value: 30 })).toBe('achieved');
    expect(status({ value: 31, today: '2017-01-01' })).toBe('achieved');
  });

  test('the deadline year over and below the minimum is overdue', () => {
    expect(status({ value: 29, today: '2016-01-01' })).toBe('overdue');
    expect(status({ value: null, today: '2016-01-01' })).toBe('overdue');
  });

  test('nothing recorded is not started until half the time has passed, then behind', () => {
    expect(status({ value: null, today: '2015-06-01' })).toBe('not_started');
    expect(status({ value: 0, today: '2015-10-01' })).toBe('behind');
    expect(status({ value: null, deadlineYear: null, today: '2020-01-01' })).toBe('not_started');
  });

  test('below the straight-line pace is behind, at or above it on track', () => {
    // 2015-09-01 is about 60% of the way from 2015-03-19 to 2015-12-31: pace ≈ 18 of 30
    expect(status({ value: 10, today: '2015-09-01' })).toBe('behind');
    expect(status({ value: 20, today: '2015-09-01' })).toBe('on_track');
  });

  test('without a deadline there is no pace', () => {
    expect(status({ value: 1, deadlineYear: null, today: '2030-01-01' })).toBe('on_track');
  });
});

describe('elapsedShare', () => {
  test('runs from the letter date to the end of the deadline year, clamped', () => {
    expect(elapsedShare('2015-01-01', 2015, '2015-01-01')).toBe(0);
    expect(elapsedShare('2015-01-01', 2015, '2016-06-01')).toBe(1);
    expect(elapsedShare('2015-01-01', 2015, '2014-06-01')).toBe(0);
    expect(elapsedShare(null, 2015, '2015-06-01')).toBeNull();
    expect(elapsedShare('2015-03-19', null, '2015-06-01')).toBeNull();
  });
});
