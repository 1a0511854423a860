/**
 * Section headings (一、 (一) 1. 第一部分 …) so each commitment knows the heading it stands
 * under, and the kind of a heading: "措施与成效" introduces achievements, "下步工作打算"
 * introduces plans, which sets how the unmarked sentences below it are read.
 */
import { splitLines } from './segments';
import type { LetterView } from './view';

export type HeadingKind = 'report' | 'plan' | 'neutral';

export interface Heading {
  start: number;
  end: number;
  /** the heading as written in the letter */
  text: string;
  kind: HeadingKind;
}

const HEADING_MARKER =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*[、．]|\d{1,2}\.(?!\d)|第[一二三四五六七八九十]{1,3}(?:部分|章|节|[、,，]))/;
const REPORT_HEADING = /成效|情况|现状|背景|成绩|做法|进展|回顾|已开展|主要工作/;
const PLAN_HEADING = /下一步|下步|计划|打算|措施|方向|今后|举措|安排|建议|思路|目标|任务|建设内容|建设规模/;

export function headingKind(text: string): HeadingKind {
  if (REPORT_HEADING.test(text)) return 'report';
  if (PLAN_HEADING.test(text)) return 'plan';
  return 'neutral';
}

export function findHeadings(view: LetterView, from: number, to: number): Heading[] {
  const headings: Heading[] = [];
  for (const line of splitLines(view.plain)) {
    if (line.start < from || line.start >= to || line.text.length > 40 || line.text.length < 3) continue;
    if (!HEADING_MARKER.test(line.text)) continue;
    const body = line.text.replace(/[。.]$/, '');
    if (/[。!?]/.test(body)) continue;
    headings.push({
      start: line.start,
      end: line.end,
      text: view.original.slice(view.toOriginal[line.start]!, view.toOriginal[line.end - 1]! + 1),
      kind: headingKind(line.text),
    });
  }
  return headings;
}

/** The heading a position stands under, if any. */
export function sectionAt(headings: readonly Heading[], position: number): string | null {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.start <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? headings[lo - 1]!.text : null;
}
