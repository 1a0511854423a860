/**
 * The figures officials publish about replies: 办复率 (suggestions answered), the A/B/C/D result
 * grades, and 满意率 (satisfied, basically satisfied included, among the replies a deputy rated —
 * the latest rating of each letter counts, earlier ones are history).
 */
import { ratio } from './commitment-metrics';

export const RESULT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type ResultGrade = (typeof RESULT_GRADES)[number];
export type SatisfactionLevel = 'satisfied' | 'basically' | 'unsatisfied';

/** One verdict on a reply as the wire carries it (history is kept; the latest stands). */
export interface SatisfactionRating {
  id: number;
  letterId: number;
  level: SatisfactionLevel;
  comment: string | null;
  recordedBy: number | null;
  createdAt: string;
}

export interface SuggestionFact {
  /** at least one reply letter was received */
  answered: boolean;
}

export interface LetterFact {
  grade: ResultGrade | null;
  /** the latest rating, null when the deputy has not rated the reply */
  rating: SatisfactionLevel | null;
}

export interface ReplyMetrics {
  suggestions: number;
  answered: number;
  /** answered ÷ suggestions */
  replyRate: number | null;
  letters: number;
  grades: Record<ResultGrade, number>;
  /** letters without a result grade: not in the grade shares' denominator */
  ungraded: number;
  /** share of each grade among graded letters */
  gradeShares: Record<ResultGrade, number | null>;
  rated: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  /** (satisfied + basically) ÷ rated */
  satisfactionRate: number | null;
}

/** The same from counts: suggestions answered of all, letters per grade and latest rating. */
export interface ReplyCounts {
  suggestions: number;
  answered: number;
  letters: readonly (LetterFact & { count: number })[];
}

export function summarizeReplies(
  suggestions: readonly SuggestionFact[],
  letters: readonly LetterFact[],
): ReplyMetrics {
  return summarizeReplyCounts({
    suggestions: suggestions.length,
    answered: suggestions.filter((s) => s.answered).length,
    letters: letters.map((l) => ({ ...l, count: 1 })),
  });
}

export function summarizeReplyCounts(counts: ReplyCounts): ReplyMetrics {
  const grades: Record<ResultGrade, number> = { A: 0, B: 0, C: 0, D: 0 };
  const levels: Record<SatisfactionLevel, number> = { satisfied: 0, basically: 0, unsatisfied: 0 };
  let letters = 0;
  for (const letter of counts.letters) {
    letters += letter.count;
    if (letter.grade) grades[letter.grade] += letter.count;
    if (letter.rating) levels[letter.rating] += letter.count;
  }
  const graded = grades.A + grades.B + grades.C + grades.D;
  const rated = levels.satisfied + levels.basically + levels.unsatisfied;
  return {
    suggestions: counts.suggestions,
    answered: counts.answered,
    replyRate: ratio(counts.answered, counts.suggestions),
    letters,
    grades,
    ungraded: letters - graded,
    gradeShares: {
      A: ratio(grades.A, graded),
      B: ratio(grades.B, graded),
      C: ratio(grades.C, graded),
      D: ratio(grades.D, graded),
    },
    rated,
    ...levels,
    satisfactionRate: ratio(levels.satisfied + levels.basically, rated),
  };
}
