/**
 * A project described with its construction period (项目建设年限: 2014年—2018年) gives that
 * end year to the specifications around it (床位, 用地, 建筑面积, 总投资) that name no year of
 * their own; long-term figures (远期, 总规模) are beyond the period and keep none.
 */
import type { SentenceReading } from './analysis';

const PERIOD =
  /(?:建设|施工)?(?:年限|工期|期限|周期)\s*[:：为]?\s*(?:19|20)\d{2}\s*年?\s*(?:-{1,2}|至|到)\s*((?:19|20)\d{2})\s*年?/;
export const LONG_TERM = /远期|规模/;

export interface ProjectPeriods {
  /** paragraph index → end year of the construction period stated in it */
  byParagraph: Map<number, number>;
  /** the period of the letter's only project, when it states exactly one (三、建设年限:2007年-2008年) */
  letterWide: number | null;
}

export function projectPeriods(plain: string, readings: readonly SentenceReading[]): ProjectPeriods {
  const byParagraph = new Map<number, number>();
  for (const { sentence } of readings) {
    const m = PERIOD.exec(plain.slice(sentence.start, sentence.end));
    if (m) byParagraph.set(sentence.paragraph, Number(m[1]));
  }
  const years = new Set(byParagraph.values());
  return { byParagraph, letterWide: years.size === 1 ? [...years][0]! : null };
}
