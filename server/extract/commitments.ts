/**
 * Turns the quantities of a letter into commitments: keeps those in a promising clause that
 * are not excluded as names, ordinals, statistics …, and gives each its object, scope,
 * deadline and section. A target stated twice (once with its deadline) is kept once.
 */
import type { ExtractedCommitment } from '../../shared/extraction';
import type { ClauseReading, SentenceReading } from './analysis';
import { findMarkedRanges, notPromiseReason } from './not-promise';
import { findObject, findPer, respectiveObjects, unitAsObject } from './objects';
import { LONG_TERM, projectPeriods } from './project-period';
import { findQuantities, type Quantity } from './quantities';
import { type Heading, sectionAt } from './sections';
import { type LetterView, originalSpan } from './view';

/** Rates of an outcome (年可减少…) hold every year: no due year of their own. */
const ANNUAL_RATE = /(?:年可|每年可?|年均)[^,，。;；]{0,12}$/;

function deadlineFor(
  reading: SentenceReading,
  clause: ClauseReading,
  q: Quantity,
  plain: string,
): number | null {
  if (ANNUAL_RATE.test(plain.slice(clause.start, q.qualifierStart))) return null;
  const usable = reading.timeWords.filter((w) => !w.past && w.year !== null);
  const inClause = usable.filter((w) => w.start >= clause.start && w.start < clause.end);
  const pool = inClause.length > 0 ? inClause : usable;
  if (pool.length === 0) return reading.deadline;
  let best = pool[0]!;
  for (const w of pool) {
    if (Math.abs(w.start - q.start) < Math.abs(best.start - q.start)) best = w;
  }
  return best.year;
}

function sameTarget(a: ExtractedCommitment, b: ExtractedCommitment): boolean {
  if (a.min !== b.min || a.max !== b.max || a.unit !== b.unit || a.per !== b.per) return false;
  return a.object.includes(b.object) || b.object.includes(a.object);
}

function withoutRestatements(found: ExtractedCommitment[]): ExtractedCommitment[] {
  const kept: ExtractedCommitment[] = [];
  for (const c of found) {
    const twin = kept.findIndex((k) => sameTarget(k, c));
    if (twin < 0) kept.push(c);
    else if (kept[twin]!.deadlineYear === null && c.deadlineYear !== null) kept[twin] = c;
  }
  return kept;
}

export function findCommitments(
  view: LetterView,
  readings: readonly SentenceReading[],
  headings: readonly Heading[],
): ExtractedCommitment[] {
  const { plain, clean } = view;
  const marked = findMarkedRanges(plain);
  const found: ExtractedCommitment[] = [];
  const periods = projectPeriods(plain, readings);
  for (const reading of readings) {
    const period = periods.get(reading.sentence.paragraph) ?? null;
    if (reading.isHeading || reading.rejected) continue;
    let previousObject: string | null = null;
    for (const clause of reading.clauses) {
      const quantities = findQuantities(view, clause.start, clause.end);
      const respective = respectiveObjects(plain, clean, clause.start, quantities);
      let windowStart = clause.start;
      quantities.forEach((q, index) => {
        const reason =
          clause.tense !== 'future'
            ? 'not a plan'
            : clause.cues.restating
              ? 'restates the suggestion'
              : notPromiseReason(plain, q, clause.start, marked);
        const counted = findObject(plain, clean, q, windowStart);
        windowStart = counted?.after ? Math.max(q.end, counted.end) : q.end;
        if (reason) return;
        let object = respective?.[index] ?? counted?.object ?? '';
        if (!object) object = unitAsObject(q) ? q.unit : (previousObject ?? q.unit);
        previousObject = object;
        const spanStart = Math.min(q.qualifierStart, counted && !counted.after ? counted.start : q.start);
        const closingQuote = counted?.after && /^[”"’」』]/.test(plain[counted.end] ?? '') ? 1 : 0;
        const spanEnd = Math.max(q.end, counted?.after ? counted.end + closingQuote : q.end);
        const span = originalSpan(view, spanStart, spanEnd);
        found.push({
          ...span,
          min: q.min,
          max: q.max,
          unit: q.unit,
          object,
          per: findPer(plain, clause.start, q),
          deadlineYear:
            deadlineFor(reading, clause, q, plain) ??
            (LONG_TERM.test(plain.slice(clause.start, clause.end)) ? null : period),
          section: sectionAt(headings, q.start),
        });
      });
    }
  }
  return withoutRestatements(found);
}
