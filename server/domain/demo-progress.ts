/**
 * Demo progress (演示数据) so a newcomer sees real charts at first start. Deterministic: the same
 * targets always give the same history, and every entry is flagged as demo data in the UI.
 */

export interface DemoTarget {
  commitmentId: number;
  districtId: number | null;
  min: number;
}

export interface DemoEntry {
  commitmentId: number;
  districtId: number | null;
  value: number;
  asOf: string;
}

/** mulberry32: a tiny seeded generator; demo data must not change between runs. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roundLike = (value: number, min: number) =>
  Number.isInteger(min) ? Math.round(value) : Math.round(value * 100) / 100;

/**
 * Three cumulative readings per target: mid-year and end of the letter's year, end of the next
 * year. Some targets finish, some lag, some have not started — the mix a real year shows.
 */
export function buildDemoProgress(
  targets: readonly DemoTarget[],
  letterYear: number,
  today: string,
): DemoEntry[] {
  const entries: DemoEntry[] = [];
  for (const target of targets) {
    const random = seededRandom(target.commitmentId * 7919 + (target.districtId ?? 0) * 104729);
    const finalShare = [0, 0.4, 0.7, 1, 1, 1.2][Math.floor(random() * 6)] ?? 1;
    const shares = [finalShare * (0.2 + random() * 0.3), finalShare * (0.55 + random() * 0.3), finalShare];
    const dates = [`${letterYear}-06-30`, `${letterYear}-12-31`, `${letterYear + 1}-12-31`];
    for (const [i, share] of shares.entries()) {
      const asOf = dates[i] ?? '';
      if (asOf > today) break;
      entries.push({
        ...target,
        districtId: target.districtId,
        value: roundLike(target.min * share, target.min),
        asOf,
      });
    }
  }
  return entries;
}
