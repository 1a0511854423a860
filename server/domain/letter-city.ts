/**
 * Which gazetteer city a letter belongs to, so per-district targets are only expanded over the
 * districts of the letter's own city (a county letter's 每个乡镇 must not land on Xiamen's districts).
 */

/** 厦门市 → 厦门: letters write the short name inside agency names and text (厦民函, 厦门市民政局). */
const stemOf = (city: string) => city.replace(/[市州县区]$/u, '');

export function cityOfLetter(agency: string | null, text: string, cities: readonly string[]): string | null {
  for (const city of cities) {
    if (agency?.includes(stemOf(city))) return city;
  }
  // Without a signed agency, the city must be named repeatedly in the text, not merely mentioned once.
  let best: { city: string; count: number } | null = null;
  for (const city of cities) {
    const count = text.split(city).length - 1;
    if (count >= 2 && (!best || count > best.count)) best = { city, count };
  }
  return best?.city ?? null;
}
