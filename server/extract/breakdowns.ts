/**
 * Breakdowns: `今年完成改造120个，其中甲区40个、乙区35个` is a total and two of its parts. All three
 * stay commitments (the gold counts them); each part points at its total (`partOf`) and names
 * the district, street or town it applies to (`place`), so that ingest can turn the parts into
 * that district's targets of the total. A figure is a part when 其中 (包括, 分别为) stands
 * between it and an earlier figure of the same unit, no larger than that total, within the
 * same sentence or at the head of the next; the figures listed after it with the same unit
 * are the following parts, as long as together they do not exceed the total.
 */

export interface Figure {
  /** plain index of the number (or of the qualifier before it) */
  start: number;
  /** plain index just past the unit */
  end: number;
  min: number;
  unit: string;
}

export interface BreakdownReading {
  partOf: Array<number | null>;
  place: Array<string | null>;
}

/** The words that open a breakdown of the figure before them. */
const OPENS_PARTS = /其中|包括|分别为|分别是/;
/** How far a part may stand from its total: a breakdown follows its total closely. */
const MAX_GAP = 60;
/** Between two parts of one list: a separator and the next part's name, no new sentence. */
const LIST_GAP = /^[^。!?！？\n]{0,30}$/;
const PLACE =
  /^(?:其中|包括|分别为|分别是)?(?:在|对|为|由)?([\u4e00-\u9fff]{1,8}?(?:开发区|新区|街道|社区|区|县|市|镇|乡|街|村))/;
/** Rounding noise of decimal parts (2.3万 + 1.2万) must not break a sum. */
const EPSILON = 1e-6;

/** The place named at the head of a part: after the separator before it, up to its number. */
function placeOf(plain: string, clean: string, from: number, figureStart: number): string | null {
  const head = plain.slice(from, figureStart);
  const cut = Math.max(
    head.lastIndexOf('、'),
    head.lastIndexOf(','),
    head.lastIndexOf('，'),
    head.lastIndexOf(';'),
  );
  // the part's own segment names it (甲区40个), else the words right after 其中 do
  // (其中附城镇驻地管网改造项目,规划改造20km)
  for (const segmentStart of [from + cut + 1, from]) {
    const match = PLACE.exec(plain.slice(segmentStart, figureStart));
    if (!match) continue;
    const at = segmentStart + match[0].length - match[1]!.length;
    return clean.slice(at, at + match[1]!.length);
  }
  return null;
}

export function readBreakdowns(plain: string, clean: string, figures: readonly Figure[]): BreakdownReading {
  const partOf: Array<number | null> = figures.map(() => null);
  const place: Array<string | null> = figures.map(() => null);
  let total = -1;
  let sum = 0;
  // a total whose list of parts has ended takes no further parts
  const totals = new Set<number>();
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i]!;
    const previous = figures[i - 1]!;
    const continues =
      total >= 0 &&
      f.unit === figures[total]!.unit &&
      LIST_GAP.test(plain.slice(previous.end, f.start)) &&
      sum + f.min <= figures[total]!.min + EPSILON;
    if (continues) {
      partOf[i] = total;
      sum += f.min;
      place[i] = placeOf(plain, clean, previous.end, f.start);
      continue;
    }
    total = -1;
    // the total is the nearest earlier figure of the same unit with 其中 between them
    for (let j = i - 1; j >= 0 && f.start - figures[j]!.end <= MAX_GAP; j--) {
      const candidate = figures[j]!;
      if (candidate.unit !== f.unit || partOf[j] !== null || totals.has(j)) continue;
      const gap = plain.slice(candidate.end, f.start);
      const opener = OPENS_PARTS.exec(gap);
      if (!opener || f.min > candidate.min + EPSILON) continue;
      // a new sentence may only start right where the breakdown opens: 120个。其中甲区40个
      const beforeOpener = gap.slice(0, opener.index);
      if (
        !/^[^。!?！？\n]*[。;；,，]?\s*$/.test(beforeOpener) ||
        /[。!?！？\n]/.test(gap.slice(opener.index))
      )
        continue;
      total = j;
      totals.add(j);
      sum = f.min;
      partOf[i] = j;
      place[i] = placeOf(plain, clean, candidate.end + opener.index, f.start);
      break;
    }
  }
  return { partOf, place };
}
