/**
 * Every in-place edit of a commitment names the version it was made from (issue 12): an edit
 * without one would overwrite whatever changed since unseen, so it is refused as BAD_REQUEST with
 * a Chinese message saying what to do, and nothing is written — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type TestDatabase, testDatabases } from '../support/databases';
import { refusal } from '../support/refusal';
import { type Caller, callerFor, type SeededLetter, seedReviewedLetter } from '../support/seeded-letter';

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`edits without a version on ${target.name}`, () => {
    let database: TestDatabase;
    let seeded: SeededLetter;
    let office: Caller;
    let clerk: Caller;
    let quantified: number;
    let milestone: number;

    beforeAll(async () => {
      database = await target.open();
      seeded = await seedReviewedLetter(database.db, database.dialect);
      office = callerFor(database.db, database.dialect, seeded.office);
      clerk = callerFor(database.db, database.dialect, seeded.clerk);
      quantified = seeded.find('农村幸福院');
      const letter = await office.letters.byId({ id: seeded.letterId });
      milestone = letter.milestones[0]?.id ?? 0;
    });
    afterAll(async () => {
      await database?.close();
    });

    // what a script that never read the item would send (the input types require the version)
    const edits: Record<string, (id: () => number) => Promise<unknown>> = {
      'review.confirm': (id) => office.review.confirm({ id: id() } as never),
      'review.reject': (id) => office.review.reject({ id: id(), reason: '重复' } as never),
      // the stored span and target as the item's page shows them, all but the version
      'review.correct': async (id) => {
        const { version: _shown, targets: _targets, ...shown } = await office.commitments.byId({ id: id() });
        return office.review.correct({ ...shown, per: null } as never);
      },
      'targets.split': (id) => office.targets.split({ commitmentId: id(), parts: [] } as never),
      'targets.mergeToCity': (id) => office.targets.mergeToCity({ id: id() } as never),
      'progress.withdraw': (id) => office.progress.withdraw({ id: id(), reasonCode: 'funding' } as never),
      'progress.explainOutcome': (id) =>
        clerk.progress.explainOutcome({ id: id(), reasonCode: 'funding' } as never),
    };

    for (const [procedure, call] of Object.entries(edits)) {
      test(`${procedure} without a version: BAD_REQUEST saying to reload, nothing written`, async () => {
        const before = await office.commitments.byId({ id: quantified });
        const audit = await database.db.selectFrom('audit_log').select('id').execute();
        const refused = await refusal(call(() => quantified));
        expect(refused.code).toBe('BAD_REQUEST');
        expect(refused.message).toContain('缺少版本号:请重新加载页面后再操作。');
        expect(await office.commitments.byId({ id: quantified })).toEqual(before);
        expect(await database.db.selectFrom('audit_log').select('id').execute()).toHaveLength(audit.length);
      });
    }

    test('progress.setMilestone without a version: BAD_REQUEST, the milestone unchanged', async () => {
      const before = await office.commitments.byId({ id: milestone });
      const refused = await refusal(clerk.progress.setMilestone({ id: milestone, state: 'done' } as never));
      expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
      expect(refused.message).toContain('缺少版本号');
      expect(await office.commitments.byId({ id: milestone })).toEqual(before);
    });

    test('a version that is not a positive whole number is refused as invalid', async () => {
      const refused = await refusal(office.review.confirm({ id: quantified, version: 0 }));
      expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
      expect(refused.message).toContain('版本号无效。');
    });
  });
}
