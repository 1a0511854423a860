/**
 * The letters list, one page at a time, and the letters behind the overview's reply figures
 * (满意率, A类占比, 答复函): the same letters countLetterFacts counts (the year of the suggestion
 * answered, or the letter's own date; the agency that wrote it), narrowed by the same session and
 * deputy scope, then by grade and latest rating. The database filters, counts and pages; only the
 * session's suggestions are picked here, because the session is read from the reference's wording.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Dialect } from '../../db/connect';
import type { Database } from '../../db/schema';
import type { LetterListSchema } from '../../shared/schemas/letters';
import { type PageOf, pageCountOf } from '../../shared/schemas/page';
import { countLetters, type LetterListWhere, listLetterPage } from '../repositories/letters';
import { resolveAgency } from './metric-filter';
import { resolveSuggestionIds } from './suggestion-scope';

type LetterListQuery = z.output<typeof LetterListSchema>;
export type LetterListRow = Awaited<ReturnType<typeof listLetterPage>>[number];

export async function listLetters(
  db: Kysely<Database>,
  dialect: Dialect,
  query: LetterListQuery,
): Promise<PageOf<LetterListRow>> {
  const [agencyId, suggestionIds] = await Promise.all([
    resolveAgency(db, query.agency),
    resolveSuggestionIds(db, { session: query.session, deputy: query.deputy }),
  ]);
  const where: LetterListWhere = {
    year: query.year ?? null,
    agencyId,
    suggestionIds,
    grade: query.grade,
    rating: query.rating,
  };
  const [total, items] = await Promise.all([
    countLetters(db, dialect, where),
    listLetterPage(db, dialect, where, query),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: pageCountOf(total, query.pageSize),
    items,
  };
}
