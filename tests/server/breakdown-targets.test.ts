import { describe, expect, test } from 'vitest';
import type { GazetteerDistrict } from '../../server/domain/allocate-targets';
import {
  type BreakdownItem,
  districtNamed,
  planBreakdowns,
  splitTotal,
  storedCommitments,
} from '../../server/domain/breakdown-targets';

const districts: GazetteerDistrict[] = [
  { id: 1, name: '思明区', streets: 10, towns: 0 },
  { id: 2, name: '湖里区', streets: 5, towns: 0 },
  { id: 3, name: '集美区', streets: 4, towns: 2 },
];

const item = (over: Partial<BreakdownItem>): BreakdownItem => ({
  min: 1,
  max: 1,
  unit: '个',
  per: null,
  partOf: null,
  place: null,
  ...over,
});

describe('planBreakdowns', () => {
  test('120个，其中思明区40个、湖里区35个: one commitment, two district targets and 45 city-wide', () => {
    const items = [
      item({ min: 120, max: 120 }),
      item({ min: 40, max: 40, partOf: 0, place: '思明区' }),
      item({ min: 35, max: 35, partOf: 0, place: '湖里' }),
    ];
    const plan = planBreakdowns(items, districts);
    expect(plan.kept).toEqual([0]);
    expect(plan.targets.get(0)).toEqual([
      { districtId: 1, min: 40, max: 40, allocation: 'split' },
      { districtId: 2, min: 35, max: 35, allocation: 'split' },
      { districtId: null, min: 45, max: 45, allocation: 'city' },
    ]);
    expect([...plan.foldedInto]).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  test('parts that add up to the total leave no city-wide rest', () => {
    const items = [
      item({ min: 10, max: 10 }),
      item({ min: 6, max: 6, partOf: 0, place: '思明区' }),
      item({ min: 4, max: 4, partOf: 0, place: '集美区' }),
    ];
    expect(planBreakdowns(items, districts).targets.get(0)).toHaveLength(2);
  });

  test('a range total keeps a range rest; an open total an open rest', () => {
    const range = planBreakdowns(
      [item({ min: 3, max: 5 }), item({ min: 2, max: 2, partOf: 0, place: '思明区' })],
      districts,
    );
    expect(range.targets.get(0)?.at(-1)).toEqual({ districtId: null, min: 1, max: 3, allocation: 'city' });
    const open = planBreakdowns(
      [item({ min: 80, max: null }), item({ min: 30, max: 30, partOf: 0, place: '湖里区' })],
      districts,
    );
    expect(open.targets.get(0)?.at(-1)).toEqual({ districtId: null, min: 50, max: null, allocation: 'city' });
  });

  test('a part naming a street or an unknown place stays a commitment of its own', () => {
    const items = [
      item({ min: 20, max: 20 }),
      item({ min: 5, max: 5, partOf: 0, place: '鼓浪屿街道' }),
      item({ min: 5, max: 5, partOf: 0, place: null }),
      item({ min: 8, max: 8, partOf: 0, place: '思明区' }),
    ];
    const plan = planBreakdowns(items, districts);
    expect(plan.kept).toEqual([0, 1, 2]);
    expect(plan.targets.get(0)).toEqual([
      { districtId: 1, min: 8, max: 8, allocation: 'split' },
      { districtId: null, min: 12, max: 12, allocation: 'city' },
    ]);
  });

  test('inconsistent breakdowns are not folded: parts over the total, another unit, a district twice, a per-unit total', () => {
    const cases: BreakdownItem[][] = [
      [item({ min: 10, max: 10 }), item({ min: 11, max: 11, partOf: 0, place: '思明区' })],
      [item({ min: 10, max: 10 }), item({ min: 2, max: 2, unit: '公里', partOf: 0, place: '思明区' })],
      [
        item({ min: 10, max: 10 }),
        item({ min: 2, max: 2, partOf: 0, place: '思明区' }),
        item({ min: 3, max: 3, partOf: 0, place: '思明' }),
      ],
      [item({ min: 1, max: 1, per: 'district' }), item({ min: 1, max: 1, partOf: 0, place: '思明区' })],
    ];
    for (const items of cases) {
      const plan = planBreakdowns(items, districts);
      expect(plan.kept).toEqual(items.map((_, i) => i));
      expect(plan.targets.size).toBe(0);
    }
  });

  test('a partOf that points nowhere or at itself is ignored', () => {
    const items = [
      item({ min: 5, max: 5, partOf: 0, place: '思明区' }),
      item({ partOf: 7, place: '湖里区' }),
    ];
    expect(planBreakdowns(items, districts).kept).toEqual([0, 1]);
  });

  test('decimal parts are summed without float noise', () => {
    const items = [
      item({ min: 3.5, max: 3.5, unit: '万亩' }),
      item({ min: 2.3, max: 2.3, unit: '万亩', partOf: 0, place: '思明区' }),
      item({ min: 1.2, max: 1.2, unit: '万亩', partOf: 0, place: '湖里区' }),
    ];
    expect(planBreakdowns(items, districts).targets.get(0)).toHaveLength(2);
  });
});

describe('districtNamed', () => {
  test('matches the full or the bare name, never a one-character stem', () => {
    expect(districtNamed('思明', districts)?.id).toBe(1);
    expect(districtNamed('湖里区', districts)?.id).toBe(2);
    expect(districtNamed('区', districts)).toBeNull();
    expect(districtNamed('海沧区', districts)).toBeNull();
  });
});

describe('splitTotal', () => {
  test('a partial split leaves the unassigned rest as one city-wide target', () => {
    const split = splitTotal({ min: 120, max: 120 }, [
      { districtId: 1, min: 40, max: 40 },
      { districtId: 2, min: 35, max: 35 },
    ]);
    expect(split).toEqual({
      ok: true,
      targets: [
        { districtId: 1, min: 40, max: 40, allocation: 'split' },
        { districtId: 2, min: 35, max: 35, allocation: 'split' },
        { districtId: null, min: 45, max: 45, allocation: 'city' },
      ],
    });
  });

  test('shares above the total or a district named twice are refused with the figures', () => {
    expect(
      splitTotal({ min: 120, max: 120 }, [
        { districtId: 1, min: 80, max: 80 },
        { districtId: 2, min: 50, max: 50 },
      ]),
    ).toEqual({
      ok: false,
      reason: 'over-min',
      assigned: 130,
      total: 120,
    });
    expect(splitTotal({ min: 3, max: 5 }, [{ districtId: 1, min: 2, max: 6 }])).toMatchObject({
      ok: false,
      reason: 'over-max',
      assigned: 6,
      total: 5,
    });
    expect(
      splitTotal({ min: 10, max: 10 }, [
        { districtId: 1, min: 1, max: 1 },
        { districtId: 1, min: 2, max: 2 },
      ]),
    ).toEqual({
      ok: false,
      reason: 'district-twice',
    });
  });

  test('decimal shares add up without float noise', () => {
    const split = splitTotal({ min: 3.5, max: 3.5 }, [
      { districtId: 1, min: 2.3, max: 2.3 },
      { districtId: 2, min: 1.2, max: 1.2 },
    ]);
    expect(split).toEqual({ ok: true, targets: expect.any(Array) });
    expect(split.ok && split.targets).toHaveLength(2);
  });
});

describe('storedCommitments', () => {
  test('folded parts disappear into their total; other commitments keep their gazetteer targets', () => {
    const items = [
      item({ min: 120, max: 120 }),
      item({ min: 40, max: 40, partOf: 0, place: '思明区' }),
      item({ min: 2, max: 2, per: 'district' }),
      item({ min: 7, max: 7, partOf: 0, place: '某某镇' }),
    ];
    const stored = storedCommitments(items, districts);
    expect(stored.map((s) => s.item)).toEqual([items[0], items[2], items[3]]);
    expect(stored[0]).toMatchObject({ foldedParts: 1 });
    expect(stored[0]?.targets).toEqual([
      { districtId: 1, min: 40, max: 40, allocation: 'split' },
      { districtId: null, min: 80, max: 80, allocation: 'city' },
    ]);
    expect(stored[1]?.targets).toHaveLength(3);
    expect(stored[2]?.targets).toEqual([{ districtId: null, min: 7, max: 7, allocation: 'city' }]);
  });
});
