import { describe, expect, test } from 'vitest';
import { allocateTargets, type GazetteerDistrict } from '../../server/domain/allocate-targets';

// Xiamen from 2014-12-31 to 2015-01-21, while 东孚 was still a town (db/seed/gazetteer-xiamen.json).
const xiamen2015: GazetteerDistrict[] = [
  { id: 1, name: '思明区', streets: 10, towns: 0 },
  { id: 2, name: '湖里区', streets: 5, towns: 0 },
  { id: 3, name: '集美区', streets: 4, towns: 2 },
  { id: 4, name: '海沧区', streets: 3, towns: 1 },
  { id: 5, name: '同安区', streets: 2, towns: 6 },
  { id: 6, name: '翔安区', streets: 1, towns: 4 },
];

describe('allocateTargets', () => {
  test('a city-wide target stays one city-level row', () => {
    expect(allocateTargets({ min: 30, max: 30, per: null }, xiamen2015)).toEqual([
      { districtId: null, min: 30, max: 30, allocation: 'city' },
    ]);
  });

  test('每个区至少一个 gives at least one in each district', () => {
    const rows = allocateTargets({ min: 1, max: null, per: 'district' }, xiamen2015);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.min === 1 && r.max === null && r.allocation === 'per_unit')).toBe(true);
  });

  test('每个街(镇)3—5个 multiplies by the streets and towns of each district', () => {
    const rows = allocateTargets({ min: 3, max: 5, per: 'street' }, xiamen2015);
    expect(rows.find((r) => r.districtId === 1)).toMatchObject({ min: 30, max: 50 });
    expect(rows.find((r) => r.districtId === 5)).toMatchObject({ min: 24, max: 40 });
    expect(rows.reduce((s, r) => s + r.min, 0)).toBe(3 * 38);
  });

  test('每个镇 skips districts without towns', () => {
    const rows = allocateTargets({ min: 2, max: 2, per: 'town' }, xiamen2015);
    expect(rows.map((r) => r.districtId)).toEqual([3, 4, 5, 6]);
    expect(rows.reduce((s, r) => s + r.min, 0)).toBe(2 * 13);
  });

  test('scopes the gazetteer cannot count, or no gazetteer, give no rows', () => {
    expect(allocateTargets({ min: 1, max: 1, per: 'school' }, xiamen2015)).toEqual([]);
    expect(allocateTargets({ min: 1, max: 1, per: 'district' }, [])).toEqual([]);
  });
});
