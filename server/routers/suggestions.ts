/** Suggestions (代表建议): deputies, lead and co-handling agencies, the deputy's satisfaction. */
import {
  AddDeputySchema,
  AddHandlerSchema,
  SatisfactionSchema,
  SuggestionIdSchema,
} from '../../shared/schemas/supervision';
import { notFound } from '../domain/errors';
import { listSuggestions, satisfactionHistory } from '../repositories/suggestions';
import { addDeputy, addHandler, rateReply } from '../services/supervision';
import { deputyProcedure, officeProcedure, readProcedure, router } from '../trpc';

export const suggestionsRouter = router({
  list: readProcedure.query(({ ctx }) => listSuggestions(ctx.db)),

  byId: readProcedure.input(SuggestionIdSchema).query(async ({ ctx, input }) => {
    const [suggestion] = await listSuggestions(ctx.db, { id: input.id });
    if (!suggestion) throw notFound('suggestion', input.id);
    return suggestion;
  }),

  addHandler: officeProcedure
    .input(AddHandlerSchema)
    .mutation(({ ctx, input }) => addHandler(ctx.db, ctx.user, input, ctx.clock)),

  addDeputy: officeProcedure
    .input(AddDeputySchema)
    .mutation(({ ctx, input }) => addDeputy(ctx.db, ctx.user, input, ctx.clock)),

  satisfaction: readProcedure
    .input(SatisfactionSchema.pick({ letterId: true }))
    .query(async ({ ctx, input }) => {
      const history = await satisfactionHistory(ctx.db, input.letterId);
      return { current: history[0] ?? null, history };
    }),

  /** The deputy's verdict on a reply; a later verdict by the deputy or the office replaces it, history kept. */
  rate: deputyProcedure
    .input(SatisfactionSchema)
    .mutation(({ ctx, input }) => rateReply(ctx.db, ctx.user, input, ctx.clock)),
});
