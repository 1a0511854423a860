/**
 * Expands a commitment's target into per-district targets through the gazetteer.
 * 每个区至少1个 in a city of six districts → at least 1 in each district; 每个街(镇)3—5个 →
 * 3–5 times the district's number of streets and towns. The city total is always the sum of
 * the district rows, so it is never stored separately.
 */
import type { PerScope } from '../../shared/extraction';

export interface GazetteerDistrict {
  id: number;
  name: string;
  /** 街道 */
  streets: number;
  /** 镇 */
  towns: number;
}

export interface TargetSpec {
  min: number;
  max: number | null;
  per: PerScope | null;
}

export interface AllocatedTarget {
  /** null: one target for the whole city */
  districtId: number | null;
  min: number;
  max: number | null;
  allocation: 'per_unit' | 'split' | 'city';
}

/** How many units of a per-scope one district holds, or null when the gazetteer cannot tell. */
function unitsIn(district: GazetteerDistrict, per: PerScope): number | null {
  switch (per) {
    case 'district':
      return 1;
    // 每个街(镇) and 每个街道 are read the same way: local usage counts towns alongside streets.
    case 'street':
      return district.streets + district.towns;
    case 'town':
      return district.towns;
    default:
      return null;
  }
}

/**
 * Returns the target rows for one commitment. Per-unit targets whose unit the gazetteer does not
 * count (每个社区, 每校) return no rows: they stay per-unit targets until the office splits them.
 */
export function allocateTargets(
  spec: TargetSpec,
  districts: readonly GazetteerDistrict[],
): AllocatedTarget[] {
  if (spec.per === null) {
    return [{ districtId: null, min: spec.min, max: spec.max, allocation: 'city' }];
  }
  const per = spec.per;
  const counts = districts.map((d) => ({ district: d, units: unitsIn(d, per) }));
  if (counts.length === 0 || counts.some((c) => c.units === null)) return [];
  return counts
    .filter((c) => (c.units ?? 0) > 0)
    .map(({ district, units }) => ({
      districtId: district.id,
      min: spec.min * (units ?? 0),
      max: spec.max === null ? null : spec.max * (units ?? 0),
      allocation: 'per_unit' as const,
    }));
}
