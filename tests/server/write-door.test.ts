/**
 * The write door (server/services/write.ts): no write reaches the database any other way, and reads
 * never write. Three checks:
 *
 * - the router files hold no SQL, transaction or audit write (static scan);
 * - every mutation of the app router is called through createCaller on the guarded handle the
 *   procedures get, with a valid input: none is refused for writing outside the door, each one that
 *   writes leaves its audit row, and a procedure added later without an entry here fails;
 * - every query is called too, and the figures revision and the audit log stay as they were.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import { readFiguresRevision } from '../../server/repositories/outcome-tallies';
import { ensureDeputy } from '../../server/repositories/parties';
import { asRead, guardWrites, WriteOutsideDoor } from '../../server/repositories/write-guard';
import { appRouter, createCaller } from '../../server/routers/_app';
import { createUserAccount } from '../../server/services/user-accounts';
import { runWrite, UndeclaredFigures } from '../../server/services/write';
import type { Role, SessionUser } from '../../shared/auth';
import { chinaClock } from '../../shared/clock';
import { type TestDatabase, testDatabases } from '../support/databases';
import { type SeededLetter, seedReviewedLetter } from '../support/seeded-letter';
import { TEST_PASSWORD } from '../support/users';
import { versionOf } from '../support/versions';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const routersDir = path.join(root, 'server/routers');

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
const mutations = Object.keys(procedures)
  .filter((p) => procedures[p]?._def.type === 'mutation')
  .sort();
const queries = Object.keys(procedures)
  .filter((p) => procedures[p]?._def.type === 'query')
  .sort();

test('router files hold no SQL, no transaction and no audit write: those live below the door', () => {
  const forbidden = [
    /\.insertInto\(/,
    /\.updateTable\(/,
    /\.deleteFrom\(/,
    /\.transaction\(\)/,
    /\bsql`/,
    /recordAudit/,
    /\.selectFrom\(/,
  ];
  const offending = readdirSync(routersDir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => {
      const source = readFileSync(path.join(routersDir, file), 'utf8');
      return forbidden.filter((re) => re.test(source)).map((re) => `${file}: ${re.source}`);
    });
  expect(offending).toEqual([]);
});

/** A user, a letter and its commitments to aim the mutations at; ids are filled in beforeAll. */
interface Subjects {
  seeded: SeededLetter;
  users: Record<Role, SessionUser>;
  quantifiedId: number;
  milestoneId: number;
  progressId: number;
  followUpId: number;
  suggestionId: number;
  districtIds: number[];
  extraUserId: number;
}

type Call = (api: ReturnType<typeof createCaller>, s: Subjects) => Promise<unknown>;

/**
 * Every mutation with a valid call, as the role that may make it, in an order that works (the
 * follow-up is answered after it is created). `writes: false`: the call is refused by a domain
 * rule before writing — still through the guard, which is what is checked.
 */
const MUTATIONS: Record<string, { as: Role | null; call: Call; writes?: false }> = {
  'auth.signIn': {
    as: null,
    call: (api) => api.auth.signIn({ username: 'suhm', password: TEST_PASSWORD }),
  },
  'auth.changePassword': {
    as: 'deputy',
    call: (api) => api.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  },
  'auth.signOut': { as: 'office', call: (api) => api.auth.signOut(), writes: false },
  'users.create': {
    as: 'office',
    call: (api) =>
      api.users.create({
        username: 'door-test',
        displayName: '测试',
        role: 'office',
        password: TEST_PASSWORD,
      }),
  },
  'users.disable': { as: 'office', call: (api, s) => api.users.disable({ id: s.extraUserId }) },
  'users.enable': { as: 'office', call: (api, s) => api.users.enable({ id: s.extraUserId }) },
  'users.resetPassword': {
    as: 'office',
    call: (api, s) => api.users.resetPassword({ id: s.extraUserId, password: TEST_PASSWORD }),
  },
  'letters.ingest': {
    as: 'office',
    call: (api) =>
      api.letters.ingest({
        text: '张三代表:\n您提出的第9号建议收悉。现答复如下:\n我局将新建社区食堂5个,年内完成。\n厦门市民政局\n2015年5月6日',
      }),
  },
  'letters.ingestFile': {
    as: 'office',
    call: (api) =>
      api.letters.ingestFile({
        fileName: 'reply.txt',
        contentBase64: Buffer.from(
          '李四代表:\n您提出的第10号建议收悉。现答复如下:\n我局将改造公园3个,年内完成。\n厦门市市政园林局\n2015年5月7日',
        ).toString('base64'),
      }),
  },
  'review.confirm': {
    as: 'office',
    call: async (api, s) =>
      api.review.confirm({ id: s.quantifiedId, version: await versionOf(api, s.quantifiedId) }),
  },
  'review.reject': {
    as: 'office',
    call: async (api, s) =>
      api.review.reject({ id: s.milestoneId, version: await versionOf(api, s.milestoneId), reason: '重复' }),
  },
  'review.correct': {
    as: 'office',
    call: async (api, s) => {
      const item = await api.commitments.byId({ id: s.quantifiedId });
      return api.review.correct({
        id: s.quantifiedId,
        version: item.version,
        start: item.start,
        end: item.end,
        min: item.min ?? 1,
        max: item.max,
        unit: item.unit ?? '个',
        object: item.object ?? '项目',
        per: item.per as null,
        deadlineYear: item.deadlineYear,
      });
    },
  },
  'review.addCommitment': {
    as: 'office',
    call: async (api, s) => {
      const item = await api.commitments.byId({ id: s.quantifiedId });
      return api.review.addCommitment({
        letterId: s.seeded.letterId,
        start: item.start,
        end: item.end,
        min: 2,
        max: null,
        unit: '个',
        object: '补录事项',
        per: null,
        deadlineYear: 2015,
      });
    },
  },
  'review.addMilestone': {
    as: 'office',
    call: async (api, s) => {
      const item = await api.commitments.byId({ id: s.quantifiedId });
      return api.review.addMilestone({
        letterId: s.seeded.letterId,
        start: item.start,
        end: item.end,
        deadlineYear: 2015,
      });
    },
  },
  'targets.mergeToCity': {
    as: 'office',
    call: async (api, s) =>
      api.targets.mergeToCity({ id: s.quantifiedId, version: await versionOf(api, s.quantifiedId) }),
  },
  'targets.split': {
    as: 'office',
    call: async (api, s) => {
      const item = await api.commitments.byId({ id: s.quantifiedId });
      const total = item.min ?? 0;
      const [first, second] = s.districtIds;
      if (first === undefined || second === undefined) throw new Error('two districts expected');
      return api.targets.split({
        commitmentId: s.quantifiedId,
        version: item.version,
        parts: [
          { districtId: first, min: total - 1, max: item.max === null ? null : item.max - 1 },
          { districtId: second, min: 1, max: item.max === null ? null : 1 },
        ],
      });
    },
  },
  'progress.record': {
    as: 'agency',
    call: async (api, s) => {
      const item = await api.commitments.byId({ id: s.quantifiedId });
      const row = await api.progress.record({
        commitmentId: s.quantifiedId,
        districtId: item.targets[0]?.districtId ?? null,
        value: 1,
        asOf: '2015-06-30',
      });
      s.progressId = row.id;
      return row;
    },
  },
  'progress.correct': {
    as: 'agency',
    call: (api, s) =>
      api.progress.correct({ supersedesId: s.progressId, value: 2, asOf: '2015-06-30', reason: '录错' }),
  },
  'progress.importSheet': {
    as: 'agency',
    // A sheet without the export's header is refused whole (Invalid), before anything is written.
    call: (api) =>
      api.progress.importSheet({
        fileName: 'p.csv',
        contentBase64: Buffer.from('a,b\n1,2\n').toString('base64'),
      }),
    writes: false,
  },
  'progress.explainOutcome': {
    as: 'agency',
    call: async (api, s) =>
      api.progress.explainOutcome({
        id: s.quantifiedId,
        version: await versionOf(api, s.quantifiedId),
        reasonCode: 'funding',
      }),
  },
  'progress.setMilestone': {
    as: 'agency',
    call: async (api, s) => {
      const letter = await api.letters.byId({ id: s.seeded.letterId });
      const milestone = letter.milestones.find((m) => m.reviewStatus === 'confirmed');
      if (!milestone) throw new Error('a confirmed milestone expected');
      return api.progress.setMilestone({
        id: milestone.id,
        version: milestone.version,
        state: 'done',
        doneOn: '2015-09-01',
      });
    },
  },
  'progress.withdraw': {
    as: 'office',
    call: async (api, s) =>
      api.progress.withdraw({
        id: s.quantifiedId,
        version: await versionOf(api, s.quantifiedId),
        reasonCode: 'policy_change',
        reasonText: '政策调整',
      }),
  },
  'suggestions.addHandler': {
    as: 'office',
    call: (api, s) =>
      api.suggestions.addHandler({ suggestionId: s.suggestionId, agencyName: '厦门市财政局', role: 'co' }),
  },
  'suggestions.addDeputy': {
    as: 'office',
    call: (api, s) => api.suggestions.addDeputy({ suggestionId: s.suggestionId, deputyName: '陈代表' }),
  },
  'suggestions.rate': {
    as: 'office',
    call: (api, s) => api.suggestions.rate({ letterId: s.seeded.letterId, level: 'basically' }),
  },
  'followUps.create': {
    as: 'office',
    call: async (api, s) => {
      const row = await api.followUps.create({ commitmentId: s.quantifiedId, request: '请加快进度' });
      s.followUpId = row.id;
      return row;
    },
  },
  'followUps.answer': {
    as: 'agency',
    call: (api, s) => api.followUps.answer({ id: s.followUpId, response: '已部署' }),
  },
  'gazetteer.importCsv': {
    as: 'office',
    call: (api) =>
      api.gazetteer.importCsv({
        csv: [
          '城市,区,名称,类型,起始年份,截止年份',
          '泉州市,,鲤城区,区,2003,',
          '泉州市,鲤城区,开元街道,街道,2003,',
        ].join('\n'),
      }),
  },
};

test('every mutation of the app router has a call here, and nothing else does', () => {
  expect(Object.keys(MUTATIONS).sort()).toEqual(mutations);
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`the write door on ${target.name}`, () => {
    let database: TestDatabase;
    let subjects: Subjects;
    const as = (role: Role | null) =>
      createCaller(
        createContextInner({
          db: database.db,
          dialect: database.dialect,
          showDemo: true,
          publicRead: true,
          user: role ? subjects.users[role] : null,
        }),
      );
    const auditCount = async () =>
      Number(
        (
          await database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      database = await target.open();
      const seeded = await seedReviewedLetter(database.db, database.dialect);
      // A deputy with a password (sign-in, password change) whose account the office also manages.
      const deputyId = await ensureDeputy(database.db, '苏辉明', new Date().toISOString());
      const deputy = await createUserAccount(
        database.db,
        { role: 'deputy', username: 'suhm', displayName: '苏辉明', password: TEST_PASSWORD, deputyId },
        { userId: null, name: 'test' },
        new Date(),
      );
      const letter = await createCaller(
        createContextInner({
          db: database.db,
          dialect: database.dialect,
          showDemo: true,
          publicRead: true,
          user: null,
        }),
      ).letters.byId({ id: seeded.letterId });
      const quantified = letter.commitments.find((c) => c.per === null && c.min !== null);
      const milestone = letter.milestones[0];
      if (!quantified || !milestone)
        throw new Error('the seed letter has a city-wide commitment and a milestone');
      const { suggestion_id } = await database.db
        .selectFrom('letters')
        .select('suggestion_id')
        .where('id', '=', seeded.letterId)
        .executeTakeFirstOrThrow();
      const districts = await database.db
        .selectFrom('districts')
        .select('id')
        .orderBy('id')
        .limit(2)
        .execute();
      subjects = {
        seeded,
        users: { office: seeded.office, agency: seeded.clerk, deputy },
        quantifiedId: quantified.id,
        milestoneId: milestone.id,
        progressId: 0,
        followUpId: 0,
        suggestionId: suggestion_id ?? 0,
        districtIds: districts.map((d) => d.id),
        extraUserId: deputy.id,
      };
    });
    afterAll(async () => {
      await database?.close();
    });

    test('a write on the procedures’ handle outside the door is refused; inside it passes', async () => {
      const guarded = guardWrites(database.db);
      const at = new Date().toISOString();
      await expect(
        guarded.insertInto('agencies').values({ name: '门外', created_at: at }).execute(),
      ).rejects.toThrow(WriteOutsideDoor);
      await expect(sql`delete from agencies where name = '门外'`.execute(guarded)).rejects.toThrow(
        WriteOutsideDoor,
      );
      await runWrite(guarded, {
        actor: { userId: null, name: 'test' },
        action: 'test.write',
        entity: 'agency',
        entityId: null,
        clock: chinaClock,
        after: null,
        write: ({ trx }) => trx.insertInto('agencies').values({ name: '门内', created_at: at }).execute(),
      });
      // A read may not open the door at all.
      await expect(
        asRead('test.query', () =>
          runWrite(guarded, {
            actor: { userId: null, name: 'test' },
            action: 'test.write',
            entity: 'agency',
            entityId: null,
            clock: chinaClock,
            write: async () => undefined,
          }),
        ),
      ).rejects.toThrow(WriteOutsideDoor);
      // Writing a counted table without naming whose figures changed is refused, and rolled back.
      await expect(
        runWrite(guarded, {
          actor: { userId: null, name: 'test' },
          action: 'test.write',
          entity: 'commitment',
          entityId: subjects.quantifiedId,
          clock: chinaClock,
          after: null,
          write: ({ trx }) =>
            trx
              .updateTable('commitments')
              .set({ review_note: '门' })
              .where('id', '=', subjects.quantifiedId)
              .execute(),
        }),
      ).rejects.toThrow(UndeclaredFigures);
      const note = await database.db
        .selectFrom('commitments')
        .select('review_note')
        .where('id', '=', subjects.quantifiedId)
        .executeTakeFirstOrThrow();
      expect(note.review_note).not.toBe('门');
    });

    test('every mutation goes through the door and leaves its audit row', async () => {
      const results: Record<string, string> = {};
      for (const name of Object.keys(MUTATIONS)) {
        const spec = MUTATIONS[name];
        if (!spec) continue;
        const before = await auditCount();
        try {
          await spec.call(as(spec.as), subjects);
          results[name] = (await auditCount()) > before ? 'audited' : 'no audit';
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          // A refusal is fine only when it is a domain rule's, never the guard's or a fault.
          results[name] =
            error.code === 'INTERNAL_SERVER_ERROR'
              ? `fault: ${String(error.cause)}`
              : `refused ${error.code}`;
        }
      }
      const expected = Object.fromEntries(
        Object.entries(MUTATIONS).map(([name, spec]) => [
          name,
          spec.writes === false ? expect.stringMatching(/^(refused|no audit|audited)/) : 'audited',
        ]),
      );
      expect(results).toEqual(expected);
    });

    test('no query writes: the figures revision and the audit log stay as they were', async () => {
      const revision = await readFiguresRevision(database.db);
      const audits = await auditCount();
      const faults: string[] = [];
      for (const name of queries) {
        let proc: unknown = as('office');
        for (const segment of name.split('.')) proc = (proc as Record<string, unknown>)[segment];
        for (const input of [undefined, {}]) {
          try {
            await (proc as (input: unknown) => Promise<unknown>)(input);
          } catch (error) {
            if (!(error instanceof TRPCError)) throw error;
            if (error.code === 'INTERNAL_SERVER_ERROR') faults.push(`${name}: ${String(error.cause)}`);
          }
        }
      }
      expect(faults).toEqual([]);
      expect(await readFiguresRevision(database.db)).toBe(revision);
      expect(await auditCount()).toBe(audits);
    });
  });
}
