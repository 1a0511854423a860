import { expect, test } from 'vitest';
import { buildDemoProgress } from '../../server/domain/demo-progress';

const targets = [
  { commitmentId: 1, districtId: 1, min: 3 },
  { commitmentId: 2, districtId: null, min: 2235.28 },
];

test('demo progress is deterministic, cumulative and never dated after today', () => {
  const a = buildDemoProgress(targets, 2015, '2026-11-27');
  expect(a).toEqual(buildDemoProgress(targets, 2015, '2026-11-27'));
  expect(a).toHaveLength(6);
  for (const id of [1, 2]) {
    const values = a.filter((e) => e.commitmentId === id).map((e) => e.value);
    expect(values).toEqual([...values].sort((x, y) => x - y));
  }
  expect(buildDemoProgress(targets, 2026, '2026-11-27').every((e) => e.asOf <= '2026-11-27')).toBe(true);
});
