/**
 * The figures officials publish about replies: 办复率 (suggestions answered), the A/B/C/D result
 * grades, and 满意率 (satisfied, basically satisfied included, among the replies a deputy rated —
 * the latest rating of each letter counts, earlier ones are history).
 */
import { ratio } from './commitment-metrics';

export const RESULT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type ResultGrade = (typeof RESULT_GRADES)[number];
export type SatisfactionLevel = 'satisfied' | 'basically' | 'unsatisfied';

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

export function summarizeReplies(
  suggestions: readonly SuggestionFact[],
  letters: readonly LetterFact[],
): ReplyMetrics {
  const answered = suggestions.filter((s) => s.answered).length;
  const grades: Record<ResultGrade, number> = { A: 0, B: 0, C: 0, D: 0 };
  const levels: Record<SatisfactionLevel, number> = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const letter of letters) {
    if (letter.grade) grades[letter.grade] += 1;
    if (letter.rating) levels[letter.rating] += 1;
  }
  const graded = grades.A + grades.B + grades.C + grades.D;
  const rated = levels.satisfied + levels.basically + levels.unsatisfied;
  return {
    suggestions: suggestions.length,
    answered,
    replyRate: ratio(answered, suggestions.length),
    letters: letters.length,
    grades,
    ungraded: letters.length - graded,
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
