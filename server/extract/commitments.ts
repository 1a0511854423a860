/**
 * Turns the quantities of a letter into commitments: keeps those in a promising clause that
 * are not excluded as names, ordinals, statistics …, and gives each its object, scope,
 * deadline and section. A target stated twice (once with its deadline) is kept once.
 */
import type { ExtractedCommitment } from '../../shared/extraction';
import { type ClauseReading, isDueWord, type SentenceReading } from './analysis';
import { type Figure, readBreakdowns } from './breakdowns';
import {
  type ClauseEvidence,
  clauseEvidence,
  commitmentEvidence,
  confidenceOf,
  sentenceEvidence,
} from './confidence';
import { findMarkedRanges, notPromiseReason } from './not-promise';
import { findObject, findPer, projectOfMoney, respectiveObjects, unitAsObject } from './objects';
import { LONG_TERM, projectPeriods } from './project-period';
import { findQuantities, type Quantity } from './quantities';
import { type Heading, sectionAt } from './sections';
import { statementKind } from './statements';
import type { TimeWord } from './timewords';
import { type LetterView, originalSpan } from './view';

/** Rates of an outcome (年可减少…) hold every year: no due year of their own. */
const ANNUAL_RATE = /(?:年可|每年可?|年均)[^,，。;；]{0,12}$/;

function deadlineFor(
  reading: SentenceReading,
  clause: ClauseReading,
  clauseDueWords: readonly TimeWord[],
  q: Quantity,
  plain: string,
): number | null {
  if (ANNUAL_RATE.test(plain.slice(Math.max(clause.start, q.qualifierStart - 20), q.qualifierStart)))
    return null;
  const pool = clauseDueWords.length > 0 ? clauseDueWords : reading.dueWords;
  if (pool.length === 0) return reading.deadline;
  return nearest(pool, q.start).year;
}

/** The word nearest to `at` in a list sorted by position (binary search: sentences can be huge). */
function nearest(words: readonly TimeWord[], at: number): TimeWord {
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  const after = words[lo]!;
  const before = words[lo - 1];
  return before && Math.abs(before.start - at) <= Math.abs(after.start - at) ? before : after;
}

interface PreviousFigure {
  object: string;
  unit: string;
  clauseStart: number;
  /** its object was written out, not stood in for by its unit */
  named: boolean;
}

/**
 * What a figure with no object of its own counts: what the figure before it counted, in the
 * same clause (102个老旧小区160万平米) or in the same unit (近期3000人/天,远期为5000人/天); else
 * its unit, which for 户, 名, 床 … is the thing itself.
 */
function objectOfEllipsis(q: Quantity, clauseStart: number, previous: PreviousFigure | null): string {
  if (unitAsObject(q) || !previous?.named) return q.unit;
  return previous.clauseStart === clauseStart || previous.unit === q.unit ? previous.object : q.unit;
}

function sameTarget(a: ExtractedCommitment, b: ExtractedCommitment): boolean {
  if (a.min !== b.min || a.max !== b.max || a.unit !== b.unit || a.per !== b.per) return false;
  return a.object.includes(b.object) || b.object.includes(a.object);
}

/** The indices of the commitments kept once each, a restatement giving way to its dated twin. */
function withoutRestatements(found: readonly ExtractedCommitment[]): number[] {
  const kept: number[] = [];
  // only targets with the same value, unit and scope can be twins
  const byTarget = new Map<string, number[]>();
  for (const [index, c] of found.entries()) {
    const key = `${c.min}|${c.max}|${c.unit}|${c.per}`;
    const candidates = byTarget.get(key) ?? [];
    const twin = candidates.slice(-MAX_TWIN_CHECKS).find((k) => sameTarget(found[kept[k]!]!, c));
    if (twin === undefined) {
      candidates.push(kept.length);
      byTarget.set(key, candidates);
      kept.push(index);
    } else if (found[kept[twin]!]!.deadlineYear === null && c.deadlineYear !== null) {
      kept[twin] = index;
    }
  }
  return kept;
}

/** 其余10座, 剩余5个: the rest of a total, named by no object of its own. */
const REMAINDER = /^(?:其余|其他|剩余|余下)$/;

/** A restatement follows its first statement closely; comparing with the last few suffices. */
const MAX_TWIN_CHECKS = 32;

export function findCommitments(
  view: LetterView,
  readings: readonly SentenceReading[],
  headings: readonly Heading[],
): ExtractedCommitment[] {
  const { plain, clean } = view;
  const marked = findMarkedRanges(plain);
  const found: ExtractedCommitment[] = [];
  const figures: Figure[] = [];
  const periods = projectPeriods(plain, readings);
  for (const reading of readings) {
    const period = periods.byParagraph.get(reading.sentence.paragraph) ?? periods.letterWide;
    if (reading.rejected) continue;
    let previous: PreviousFigure | null = null;
    const aroundClause = sentenceEvidence(reading);
    for (const [clauseIndex, clause] of reading.clauses.entries()) {
      let ofClause: ClauseEvidence | null = null;
      const quantities = findQuantities(view, clause.start, clause.end);
      const respective = respectiveObjects(plain, clean, clause.start, quantities);
      const clauseDueWords = clause.timeWords.filter(isDueWord);
      // the period covers the clause unless it speaks of the long term (远期, 总规模)
      const clausePeriod =
        period !== null && !LONG_TERM.test(plain.slice(clause.start, clause.end)) ? period : null;
      let windowStart = clause.start;
      quantities.forEach((q, index) => {
        const reason =
          clause.tense !== 'future'
            ? 'not a plan'
            : clause.cues.restating
              ? 'restates the suggestion'
              : (notPromiseReason(plain, q, clause.start, marked) ?? statementKind(plain, q, clause.start));
        const counted = findObject(plain, clean, q, windowStart);
        windowStart = counted?.after ? Math.max(q.end, counted.end) : q.end;
        if (reason) return;
        const written = respective?.[index] ?? counted?.object ?? '';
        const named = written && projectOfMoney(plain, clean, written, q, reading.clauses[clauseIndex - 1]);
        const object = named || objectOfEllipsis(q, clause.start, previous);
        previous = { object, unit: q.unit, clauseStart: clause.start, named: object !== q.unit };
        const spanStart = Math.min(q.qualifierStart, counted && !counted.after ? counted.start : q.start);
        const closingQuote = counted?.after && /^[”"’」』]/.test(plain[counted.end] ?? '') ? 1 : 0;
        const spanEnd = Math.max(q.end, counted?.after ? counted.end + closingQuote : q.end);
        const span = originalSpan(view, spanStart, spanEnd);
        const deadlineYear = deadlineFor(reading, clause, clauseDueWords, q, plain) ?? clausePeriod;
        ofClause ??= clauseEvidence(plain, clause);
        const evidence = commitmentEvidence(
          plain,
          aroundClause,
          ofClause,
          clause.start,
          q,
          deadlineYear,
          object !== q.unit,
        );
        found.push({
          ...span,
          min: q.min,
          max: q.max,
          unit: q.unit,
          object,
          per: findPer(plain, clause.start, q),
          deadlineYear,
          section: sectionAt(headings, q.start),
          confidence: confidenceOf(evidence),
          partOf: null,
          place: null,
        });
        figures.push({ start: q.qualifierStart, end: q.unitEnd, min: q.min, unit: q.unit });
      });
    }
  }
  const kept = withoutRestatements(found);
  const commitments = kept.map((k) => found[k]!);
  const breakdowns = readBreakdowns(
    plain,
    clean,
    kept.map((k) => figures[k]!),
  );
  for (const [k, c] of commitments.entries()) {
    c.partOf = breakdowns.partOf[k]!;
    c.place = breakdowns.place[k]!;
    // 其中甲区40个 counts what its total counts; the place only says where
    if (c.partOf !== null && (c.object === c.place || REMAINDER.test(c.object)))
      c.object = commitments[c.partOf]!.object;
  }
  return commitments;
}
