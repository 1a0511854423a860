/** The office splits a city-wide target across districts (or puts it back to city level). */
import { TRPCError } from '@trpc/server';
import { CommitmentIdSchema } from '../../shared/schemas/commitments';
import { SplitTargetSchema } from '../../shared/schemas/supervision';
import { notFound } from '../domain/errors';
import { recordAudit } from '../repositories/audit';
import { writeTargets } from '../services/targets';
import { officeProcedure, router } from '../trpc';

export const targetsRouter = router({
  split: officeProcedure.input(SplitTargetSchema).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const commitment = await trx
        .selectFrom('commitments')
        .select(['id', 'kind', 'target_min', 'target_max', 'per_scope'])
        .where('id', '=', input.commitmentId)
        .executeTakeFirst();
      if (commitment?.kind !== 'quantified' || commitment.target_min === null) {
        throw notFound('quantified', input.commitmentId);
      }
      if (commitment.per_scope !== null) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: '按单位计的目标已按区划自动分解,无需手工分配。',
        });
      }
      const ids = input.parts.map((p) => p.districtId);
      if (new Set(ids).size !== ids.length)
        throw new TRPCError({ code: 'BAD_REQUEST', message: '同一个区只能分配一次。' });
      const known = await trx.selectFrom('districts').select('id').where('id', 'in', ids).execute();
      if (known.length !== ids.length)
        throw new TRPCError({ code: 'BAD_REQUEST', message: '分配中包含未知的区。' });
      const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
      const minTotal = sum(input.parts.map((p) => p.min));
      if (minTotal !== commitment.target_min) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `各区目标之和(${minTotal})必须等于全市目标(${commitment.target_min})。`,
        });
      }
      if (commitment.target_max !== null) {
        const maxTotal = sum(input.parts.map((p) => p.max ?? p.min));
        if (maxTotal !== commitment.target_max) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `各区目标上限之和(${maxTotal})必须等于全市目标上限(${commitment.target_max})。`,
          });
        }
      }
      const at = new Date().toISOString();
      const before = await trx
        .selectFrom('commitment_targets')
        .selectAll()
        .where('commitment_id', '=', input.commitmentId)
        .execute();
      const parts = input.parts.map((p) => ({
        districtId: p.districtId,
        min: p.min,
        max: commitment.target_max === null ? null : (p.max ?? p.min),
        allocation: 'split' as const,
      }));
      await writeTargets(trx, input.commitmentId, parts, at);
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'targets.split',
          entity: 'commitment',
          entityId: input.commitmentId,
          before,
          after: parts,
        },
        at,
      );
      return { parts: parts.length };
    });
  }),

  mergeToCity: officeProcedure.input(CommitmentIdSchema).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const commitment = await trx
        .selectFrom('commitments')
        .select(['target_min', 'target_max', 'per_scope'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!commitment || commitment.target_min === null) {
        throw notFound('quantified', input.id);
      }
      if (commitment.per_scope !== null) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: '按单位计的目标由区划决定,不能合并为全市目标。',
        });
      }
      const at = new Date().toISOString();
      const before = await trx
        .selectFrom('commitment_targets')
        .selectAll()
        .where('commitment_id', '=', input.id)
        .execute();
      const after = [
        {
          districtId: null,
          min: commitment.target_min,
          max: commitment.target_max,
          allocation: 'city' as const,
        },
      ];
      await writeTargets(trx, input.id, after, at);
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'targets.merge',
          entity: 'commitment',
          entityId: input.id,
          before,
          after,
        },
        at,
      );
      return { parts: 1 };
    });
  }),
});
