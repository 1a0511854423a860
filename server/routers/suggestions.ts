/** Suggestions (代表建议): deputies, lead and co-handling agencies, the deputy's satisfaction. */
import { TRPCError } from '@trpc/server';
import {
  AddDeputySchema,
  AddHandlerSchema,
  SatisfactionSchema,
  SuggestionIdSchema,
} from '../../shared/schemas/supervision';
import { notFound } from '../domain/errors';
import { recordAudit } from '../repositories/audit';
import { ensureAgency, ensureDeputy } from '../repositories/parties';
import { listSuggestions, satisfactionHistory } from '../repositories/suggestions';
import { assertMayRate } from '../services/access';
import { markFiguresChanged } from '../services/outcome-tallies';
import { deputyProcedure, officeProcedure, readProcedure, router } from '../trpc';

export const suggestionsRouter = router({
  list: readProcedure.query(({ ctx }) => listSuggestions(ctx.db)),

  byId: readProcedure.input(SuggestionIdSchema).query(async ({ ctx, input }) => {
    const [suggestion] = await listSuggestions(ctx.db, { id: input.id });
    if (!suggestion) throw notFound('suggestion', input.id);
    return suggestion;
  }),

  addHandler: officeProcedure.input(AddHandlerSchema).mutation(async ({ ctx, input }) => {
    const at = new Date().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const suggestion = await trx
        .selectFrom('suggestions')
        .select('id')
        .where('id', '=', input.suggestionId)
        .executeTakeFirst();
      if (!suggestion) throw notFound('suggestion', input.suggestionId);
      const agencyId = await ensureAgency(trx, input.agencyName, at);
      const existing = await trx
        .selectFrom('suggestion_agencies')
        .select('role')
        .where('suggestion_id', '=', input.suggestionId)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      if (existing)
        throw new TRPCError({ code: 'CONFLICT', message: `${input.agencyName} 已是该建议的承办单位。` });
      await trx
        .insertInto('suggestion_agencies')
        .values({ suggestion_id: input.suggestionId, agency_id: agencyId, role: input.role })
        .execute();
      await markFiguresChanged(trx);
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'suggestion.add_handler',
          entity: 'suggestion',
          entityId: input.suggestionId,
          after: input,
        },
        at,
      );
      return { agencyId };
    });
  }),

  addDeputy: officeProcedure.input(AddDeputySchema).mutation(async ({ ctx, input }) => {
    const at = new Date().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const suggestion = await trx
        .selectFrom('suggestions')
        .select('id')
        .where('id', '=', input.suggestionId)
        .executeTakeFirst();
      if (!suggestion) throw notFound('suggestion', input.suggestionId);
      const deputyId = await ensureDeputy(trx, input.deputyName, at);
      await trx
        .insertInto('suggestion_deputies')
        .values({ suggestion_id: input.suggestionId, deputy_id: deputyId, is_lead: 0 })
        .onConflict((oc) => oc.columns(['suggestion_id', 'deputy_id']).doNothing())
        .execute();
      await markFiguresChanged(trx);
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'suggestion.add_deputy',
          entity: 'suggestion',
          entityId: input.suggestionId,
          after: input,
        },
        at,
      );
      return { deputyId };
    });
  }),

  satisfaction: readProcedure
    .input(SatisfactionSchema.pick({ letterId: true }))
    .query(async ({ ctx, input }) => {
      const history = await satisfactionHistory(ctx.db, input.letterId);
      return { current: history[0] ?? null, history };
    }),

  /** The deputy's verdict on a reply; a later verdict by the deputy or the office replaces it, history kept. */
  rate: deputyProcedure.input(SatisfactionSchema).mutation(async ({ ctx, input }) => {
    const letter = await ctx.db
      .selectFrom('letters')
      .select('id')
      .where('id', '=', input.letterId)
      .executeTakeFirst();
    if (!letter) throw notFound('letter', input.letterId);
    await assertMayRate(ctx.db, ctx.user, input.letterId);
    const at = new Date().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('satisfaction_ratings')
        .values({
          letter_id: input.letterId,
          level: input.level,
          comment: input.comment ?? null,
          recorded_by: ctx.user.id,
          created_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await markFiguresChanged(trx);
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'letter.rate',
          entity: 'letter',
          entityId: input.letterId,
          after: row,
        },
        at,
      );
      return row;
    });
  }),
});
