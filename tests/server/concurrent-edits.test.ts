/**
 * No lost writes (issue 12, item 4), on SQLite and PostgreSQL: parallel answers to one follow-up
 * and two office users editing one commitment from the same version. One change wins; the others
 * get CONFLICT, saying who changed it, and leave nothing behind, not even an audit row.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { seedGazetteer } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { makeUser } from '../support/users';

interface Outcome {
  code: string;
  message: string;
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return { code: 'OK', message: '' };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`concurrent edits on ${target.name}`, () => {
    let database: TestDatabase;
    let as: (user: SessionUser) => ReturnType<typeof createCaller>;
    let first: SessionUser;
    let second: SessionUser;
    let clerks: SessionUser[];
    let letterId: number;
    let unverified: { id: number; version: number; start: number; end: number; min: number | null }[];
    let milestone: { id: number; version: number } | undefined;

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
      as = (user) =>
        createCaller(
          createContextInner({
            db: database.db,
            dialect: database.dialect,
            showDemo: true,
            publicRead: true,
            user,
          }),
        );
      first = await makeUser(database.db, 'office-a', 'office');
      second = await makeUser(database.db, 'office-b', 'office');
      ({ letterId } = await as(first).letters.ingest({ text: seedLetterText() }));
      const letter = await as(first).letters.byId({ id: letterId });
      unverified = letter.commitments.filter(
        (c) => c.kind === 'quantified' && c.reviewStatus === 'unverified',
      );
      milestone = letter.milestones[0];
      const agency = await database.db
        .selectFrom('agencies')
        .select('id')
        .where('name', '=', '厦门市民政局')
        .executeTakeFirstOrThrow();
      clerks = await Promise.all(
        ['clerk-1', 'clerk-2', 'clerk-3'].map((name) =>
          makeUser(database.db, name, 'agency', { agencyId: agency.id }),
        ),
      );
    });
    afterAll(async () => {
      await database?.close();
    });

    const auditOf = (entity: string, id: number, actions: string[]) =>
      database.db
        .selectFrom('audit_log')
        .select(['action', 'actor'])
        .where('entity', '=', entity)
        .where('entity_id', '=', id)
        .where('action', 'in', actions)
        .execute();

    const item = (n: number) => {
      const found = unverified[n];
      if (!found) throw new Error(`the seed letter has fewer than ${n + 1} quantified items`);
      return found;
    };

    test('three parallel answers to one follow-up: one kept, two CONFLICT, one audit row', async () => {
      const commitmentId = item(0).id;
      const followUp = await as(first).followUps.create({ commitmentId, request: '请说明进展' });
      const outcomes = await Promise.all(
        clerks.map((clerk, n) =>
          outcomeOf(as(clerk).followUps.answer({ id: followUp.id, response: `答复${n + 1}` })),
        ),
      );
      expect(outcomes.map((o) => o.code).sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      const winner = clerks[outcomes.findIndex((o) => o.code === 'OK')];
      const [stored] = await as(first).followUps.list({ id: commitmentId });
      expect(stored?.respondedBy).toBe(winner?.displayName);
      const audit = await auditOf('follow_up', followUp.id, ['follow_up.answer']);
      expect(audit).toEqual([{ action: 'follow_up.answer', actor: winner?.displayName }]);
    });

    test('confirm and reject from the same version: the second gets CONFLICT naming the first', async () => {
      const { id, version } = item(1);
      expect(version).toBe(1);
      await as(first).review.confirm({ id, version });
      const stale = await outcomeOf(as(second).review.reject({ id, version, reason: '不是新增承诺' }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('已被office-a于');
      expect(stale.message).toContain('重新加载');
      const after = await as(second).commitments.byId({ id });
      expect(after).toMatchObject({ reviewStatus: 'confirmed', version: 2 });
      const audit = await auditOf('commitment', id, ['commitment.confirm', 'commitment.reject']);
      expect(audit).toEqual([{ action: 'commitment.confirm', actor: 'office-a' }]);
      // reloaded, the second user's decision goes through from the version now shown
      await as(second).review.reject({ id, version: after.version, reason: '不是新增承诺' });
      expect(await as(second).commitments.byId({ id })).toMatchObject({
        reviewStatus: 'rejected',
        version: 3,
      });
    });

    test('confirm and reject sent at once: exactly one is kept and audited', async () => {
      const { id, version } = item(2);
      const [confirm, reject] = await Promise.all([
        outcomeOf(as(first).review.confirm({ id, version })),
        outcomeOf(as(second).review.reject({ id, version, reason: '重复' })),
      ]);
      expect([confirm.code, reject.code].sort()).toEqual(['CONFLICT', 'OK']);
      const kept = confirm.code === 'OK' ? 'confirmed' : 'rejected';
      expect(await as(first).commitments.byId({ id })).toMatchObject({ reviewStatus: kept, version: 2 });
      const audit = await auditOf('commitment', id, ['commitment.confirm', 'commitment.reject']);
      expect(audit).toHaveLength(1);
    });

    test('two corrections sent at once from the same version: one kept, one CONFLICT', async () => {
      const { id, version, start, end, min } = item(3);
      const correction = (user: SessionUser, object: string) =>
        as(user).review.correct({
          id,
          version,
          start,
          end,
          min: (min ?? 1) + 1,
          max: null,
          unit: '个',
          object,
          per: null,
          deadlineYear: 2016,
          section: null,
        });
      const outcomes = await Promise.all([
        outcomeOf(correction(first, '甲的更正')),
        outcomeOf(correction(second, '乙的更正')),
      ]);
      expect(outcomes.map((o) => o.code).sort()).toEqual(['CONFLICT', 'OK']);
      const winner =
        outcomes[0]?.code === 'OK'
          ? { object: '甲的更正', actor: 'office-a' }
          : { object: '乙的更正', actor: 'office-b' };
      expect(outcomes.find((o) => o.code === 'CONFLICT')?.message).toContain(`已被${winner.actor}于`);
      expect(await as(first).commitments.byId({ id })).toMatchObject({ object: winner.object, version: 2 });
      const audit = await auditOf('commitment', id, ['commitment.correct']);
      expect(audit).toEqual([{ action: 'commitment.correct', actor: winner.actor }]);
    });

    test('a withdrawal, split or merge from an old version is refused and writes nothing', async () => {
      const { id, version } = item(4);
      await as(first).review.confirm({ id, version });
      const stale = { id, version, reasonCode: 'solved_otherwise' as const };
      expect((await outcomeOf(as(second).progress.withdraw(stale))).code).toBe('CONFLICT');
      expect((await outcomeOf(as(second).targets.mergeToCity({ id, version }))).code).toBe('CONFLICT');
      const districts = await database.db.selectFrom('districts').select('id').limit(1).execute();
      const split = as(second).targets.split({
        commitmentId: id,
        version,
        parts: [{ districtId: districts[0]?.id ?? 0, min: 1, max: null }],
      });
      expect((await outcomeOf(split)).code).toBe('CONFLICT');
      expect(await as(first).commitments.byId({ id })).toMatchObject({ withdrawnAt: null, version: 2 });
      const audit = await auditOf('commitment', id, [
        'commitment.withdraw',
        'targets.merge',
        'targets.split',
      ]);
      expect(audit).toEqual([]);
    });

    test("a clerk's milestone state from an old version is refused after the office's change", async () => {
      if (!milestone) throw new Error('the seed letter has no milestone');
      const { id, version } = milestone;
      await as(first).review.confirm({ id, version });
      const clerk = clerks[0];
      if (!clerk) throw new Error('no clerk');
      const stale = await outcomeOf(as(clerk).progress.setMilestone({ id, version, state: 'done' }));
      expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已被office-a于') });
      expect(await as(clerk).commitments.byId({ id })).toMatchObject({ milestoneState: 'open', version: 2 });
      await as(clerk).progress.setMilestone({ id, version: 2, state: 'done' });
      expect(await as(clerk).commitments.byId({ id })).toMatchObject({ milestoneState: 'done', version: 3 });
    });
  });
}
