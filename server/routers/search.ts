/** Search (检索): letters and commitments containing a term, with the term marked in an excerpt. */
import { SearchInputSchema } from '../../shared/schemas/search';
import { excerptAround } from '../domain/highlight';
import { findCommitments, findLetters, SEARCH_LIMIT } from '../repositories/search';
import { withStatuses } from '../services/statuses';
import { readProcedure, router } from '../trpc';

export const searchRouter = router({
  query: readProcedure.input(SearchInputSchema).query(async ({ ctx, input }) => {
    const term = input.q;
    const [letters, commitments] = await Promise.all([
      findLetters(ctx.db, ctx.dialect, term),
      findCommitments(ctx.db, ctx.dialect, term),
    ]);
    const tracked = await withStatuses(ctx.db, commitments.slice(0, SEARCH_LIMIT), {
      includeDemo: ctx.showDemo,
      today: ctx.clock.today(),
    });
    return {
      q: term,
      letters: {
        more: letters.length > SEARCH_LIMIT,
        items: letters.slice(0, SEARCH_LIMIT).map((l) => ({
          id: l.id,
          title: l.title,
          agency: l.agency,
          deputy: l.deputy,
          letterDate: l.letterDate,
          titleExcerpt: l.title ? excerptAround(l.title, term, 200) : null,
          textExcerpt: excerptAround(l.text, term),
        })),
      },
      commitments: {
        more: commitments.length > SEARCH_LIMIT,
        items: tracked.map((c) => ({
          id: c.id,
          letterId: c.letterId,
          kind: c.kind,
          object: c.object,
          unit: c.unit,
          min: c.min,
          max: c.max,
          deadlineYear: c.deadlineYear,
          agency: c.agency,
          letterTitle: c.letterTitle,
          status: c.status,
          quoteExcerpt: excerptAround(c.quote, term, 60),
          objectExcerpt: c.object ? excerptAround(c.object, term, 60) : null,
        })),
      },
    };
  }),
});
