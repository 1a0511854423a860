/**
 * The letters behind the overview's reply figures (满意率, A类占比, 答复函): the same letter facts
 * loadReplyMetrics counts (repositories/metrics.ts listLetterFacts: the year of the suggestion
 * answered, or the letter's own date; the agency that wrote it), narrowed by the same session and
 * deputy scope, then by grade and latest rating. null: no filter, every letter.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { LetterGradeFilter, LetterRatingFilter } from '../../shared/schemas/letters';
import { listLetterFacts } from '../repositories/metrics';
import { resolveAgency } from './metric-filter';
import { inLetterScope, resolveScope } from './suggestion-scope';

export interface LetterListFilter {
  year?: number | undefined;
  agency?: string | undefined;
  session?: string | undefined;
  deputy?: string | undefined;
  grade?: LetterGradeFilter | undefined;
  rating?: LetterRatingFilter | undefined;
}

function matchesRating(rating: string | null, wanted: LetterRatingFilter | undefined): boolean {
  if (wanted === undefined) return true;
  if (rating === null) return false;
  if (wanted === 'rated') return true;
  if (wanted === 'favourable') return rating === 'satisfied' || rating === 'basically';
  return rating === wanted;
}

export async function filteredLetterIds(
  db: Kysely<Database>,
  filter: LetterListFilter | undefined,
): Promise<ReadonlySet<number> | null> {
  if (!filter || Object.values(filter).every((v) => v === undefined)) return null;
  const [agencyId, scope] = await Promise.all([
    resolveAgency(db, filter.agency),
    resolveScope(db, { session: filter.session, deputy: filter.deputy }),
  ]);
  const facts = inLetterScope(
    await listLetterFacts(db, { year: filter.year ?? null, agencyId }),
    (l) => l.id,
    scope,
  );
  return new Set(
    facts
      .filter((l) =>
        filter.grade === undefined
          ? true
          : filter.grade === 'graded'
            ? l.grade !== null
            : l.grade === filter.grade,
      )
      .filter((l) => matchesRating(l.rating, filter.rating))
      .map((l) => l.id),
  );
}
