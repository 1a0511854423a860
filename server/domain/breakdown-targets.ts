/**
 * A total with parts (`今年完成改造120个，其中甲区40个、乙区35个`) is one promise, not three: the
 * parts that name a district of the letter's city become that district's targets of the total,
 * and whatever the parts leave unassigned stays a city-wide target of the same commitment. The
 * extractor keeps the parts as commitments of their own (`partOf`, `place`) because the gold
 * corpus counts them; this module decides how they are stored.
 *
 * A breakdown is folded only when it is consistent — same unit as the total, a single overall
 * total (no 每个区), each district named once, and the parts not exceeding the total. Anything
 * else is kept as separate commitments for the reviewer to judge, never silently dropped.
 */
import { exactAmount as exact } from '../../shared/commitments';
import type { PerScope } from '../../shared/extraction';
import { type AllocatedTarget, allocateTargets, type GazetteerDistrict } from './allocate-targets';

export interface BreakdownItem {
  min: number;
  max: number | null;
  unit: string;
  per: PerScope | null;
  /** index of the total in the same list, when this item is a part of it */
  partOf?: number | null;
  /** the district, street or town a part names */
  place?: string | null;
}

export interface BreakdownPlan {
  /** indices of the items stored as commitments of their own, in their order */
  kept: number[];
  /** targets of the totals that absorbed district parts, by the total's index */
  targets: Map<number, AllocatedTarget[]>;
  /** for each folded part, the index of the total it became a target of */
  foldedInto: Map<number, number>;
}

/** 思明区 and 思明 name the same district; a town or street name matches none. */
export function districtNamed(
  place: string,
  districts: readonly GazetteerDistrict[],
): GazetteerDistrict | null {
  const bare = (name: string) => name.replace(/(?:区|县|市)$/u, '');
  const wanted = place.trim();
  return (
    districts.find((d) => d.name === wanted) ??
    districts.find((d) => bare(d.name) === bare(wanted) && bare(wanted).length >= 2) ??
    null
  );
}

export interface DistrictShare {
  districtId: number;
  min: number;
  max: number | null;
}

export type TotalSplit =
  | { ok: true; targets: AllocatedTarget[] }
  | { ok: false; reason: 'district-twice' }
  | { ok: false; reason: 'over-min' | 'over-max'; assigned: number; total: number };

/**
 * Shares of a city total given to districts; what they leave stays one city-wide target of the
 * same commitment, so a split may name only the districts a letter or the office knows. The shares
 * may not exceed the total: 40 + 35 of 120 leaves 45 for the city, 80 + 50 of 120 is refused.
 */
export function splitTotal(
  total: { min: number; max: number | null },
  shares: readonly DistrictShare[],
): TotalSplit {
  const ids = shares.map((s) => s.districtId);
  if (new Set(ids).size !== ids.length) return { ok: false, reason: 'district-twice' };
  const assignedMin = exact(shares.reduce((sum, s) => sum + s.min, 0));
  if (assignedMin > total.min)
    return { ok: false, reason: 'over-min', assigned: assignedMin, total: total.min };
  const assignedMax = exact(shares.reduce((sum, s) => sum + (s.max ?? s.min), 0));
  if (total.max !== null && assignedMax > total.max) {
    return { ok: false, reason: 'over-max', assigned: assignedMax, total: total.max };
  }
  const targets: AllocatedTarget[] = shares.map((s) => ({
    districtId: s.districtId,
    min: s.min,
    max: s.max,
    allocation: 'split',
  }));
  const restMin = exact(total.min - assignedMin);
  const restMax = total.max === null ? null : exact(total.max - assignedMax);
  // An open total (80多个) fully taken by its shares leaves no city row: a target of 0 means nothing.
  if (restMin > 0 || (restMax ?? 0) > 0) {
    targets.push({ districtId: null, min: restMin, max: restMax, allocation: 'city' });
  }
  return { ok: true, targets };
}

function foldOne<T extends BreakdownItem>(
  total: T,
  parts: ReadonlyArray<{ index: number; item: T; district: GazetteerDistrict }>,
): AllocatedTarget[] | null {
  if (total.per !== null) return null;
  if (parts.some(({ item }) => item.unit !== total.unit || item.per !== null)) return null;
  const split = splitTotal(
    total,
    parts.map(({ item, district }) => ({ districtId: district.id, min: item.min, max: item.max })),
  );
  return split.ok ? split.targets : null;
}

export function planBreakdowns<T extends BreakdownItem>(
  items: readonly T[],
  districts: readonly GazetteerDistrict[],
): BreakdownPlan {
  const partsByTotal = new Map<number, Array<{ index: number; item: T; district: GazetteerDistrict }>>();
  items.forEach((item, index) => {
    const totalIndex = item.partOf;
    if (totalIndex == null || totalIndex === index || !items[totalIndex]) return;
    if (items[totalIndex].partOf != null) return; // a part of a part: left to the reviewer
    const district = item.place ? districtNamed(item.place, districts) : null;
    if (!district) return;
    const list = partsByTotal.get(totalIndex) ?? [];
    list.push({ index, item, district });
    partsByTotal.set(totalIndex, list);
  });

  const targets = new Map<number, AllocatedTarget[]>();
  const foldedInto = new Map<number, number>();
  for (const [totalIndex, parts] of partsByTotal) {
    const total = items[totalIndex];
    const folded = total ? foldOne(total, parts) : null;
    if (!folded) continue;
    targets.set(totalIndex, folded);
    for (const part of parts) foldedInto.set(part.index, totalIndex);
  }
  const kept = items.map((_, index) => index).filter((index) => !foldedInto.has(index));
  return { kept, targets, foldedInto };
}

/**
 * The commitments a letter's extraction is stored as, each with its targets: a total that absorbed
 * its district parts carries them as district targets; every other commitment is allocated
 * through the gazetteer as before (每个区 × districts, else one city-wide target).
 */
export function storedCommitments<T extends BreakdownItem>(
  items: readonly T[],
  districts: readonly GazetteerDistrict[],
): Array<{ item: T; targets: AllocatedTarget[]; foldedParts: number }> {
  const plan = planBreakdowns(items, districts);
  const partsOf = new Map<number, number>();
  for (const total of plan.foldedInto.values()) partsOf.set(total, (partsOf.get(total) ?? 0) + 1);
  return plan.kept.map((index) => {
    const item = items[index] as T;
    return {
      item,
      targets: plan.targets.get(index) ?? allocateTargets(item, districts),
      foldedParts: partsOf.get(index) ?? 0,
    };
  });
}
