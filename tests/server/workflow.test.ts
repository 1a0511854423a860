/**
 * The supervision workflow through createCaller, on SQLite and PostgreSQL: review, targets,
 * progress with evidence and corrections, status, satisfaction, follow-ups, gazetteer import.
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
import { versionOf } from '../support/versions';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`supervision workflow on ${target.name}`, () => {
    let database: TestDatabase;
    let as: (user: SessionUser | null) => ReturnType<typeof createCaller>;
    let office: SessionUser;
    let clerk: SessionUser;
    let otherClerk: SessionUser;
    let deputy: SessionUser;
    let otherDeputy: SessionUser;
    let letterId: number;
    const items = { homes: 0, incubators: 0, pilots: 0, daycare: 0, milestone: 0 };

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
      office = await makeUser(database.db, 'office', 'office');
      ({ letterId } = await as(office).letters.ingest({ text: seedLetterText() }));
      const letter = await as(office).letters.byId({ id: letterId });
      const find = (word: string) => letter.commitments.find((c) => c.object?.includes(word))?.id ?? 0;
      items.homes = find('农村幸福院');
      items.incubators = find('孵化园区');
      items.pilots = find('市级购买试点');
      items.daycare = find('日间照料');
      items.milestone = letter.milestones[0]?.id ?? 0;
      const agencies = await database.db.selectFrom('agencies').select(['id', 'name']).execute();
      const civilAffairs = agencies.find((a) => a.name === '厦门市民政局')?.id ?? null;
      const other = await database.db
        .insertInto('agencies')
        .values({ name: '厦门市财政局', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      clerk = await makeUser(database.db, 'clerk', 'agency', { agencyId: civilAffairs });
      otherClerk = await makeUser(database.db, 'other-clerk', 'agency', { agencyId: other.id });
      const deputies = await database.db.selectFrom('deputies').select(['id', 'name']).execute();
      deputy = await makeUser(database.db, 'su', 'deputy', {
        deputyId: deputies.find((d) => d.name === '苏辉明')?.id,
      });
      const stranger = await database.db
        .insertInto('deputies')
        .values({ name: '王五', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      otherDeputy = await makeUser(database.db, 'wang', 'deputy', { deputyId: stranger.id });
    });
    afterAll(async () => {
      await database?.close();
    });

    test('everything extracted waits for review, and nothing unconfirmed is charted', async () => {
      const queue = await as(null).review.queue();
      expect(queue.waiting).toBeGreaterThanOrEqual(16);
      expect(queue.letters).toEqual([expect.objectContaining({ letterId, waiting: queue.waiting })]);
      expect((await as(null).dashboard.overview()).awaitingReview).toBe(queue.waiting);
      expect((await as(null).dashboard.districtYears({})).cells).toEqual([]);
      expect((await as(null).commitments.byId({ id: items.homes })).status).toBe('unverified');
    });

    test('the office confirms, corrects (span too), rejects with a reason and adds a missed commitment', async () => {
      await as(office).review.confirm({ id: items.homes, version: await versionOf(as(null), items.homes) });
      await as(office).review.confirm({
        id: items.incubators,
        version: await versionOf(as(null), items.incubators),
      });
      await as(office).review.reject({
        id: items.pilots,
        version: await versionOf(as(null), items.pilots),
        reason: '监督评估既有项目,不是新增承诺',
      });
      expect(
        await codeOf(
          as(office).review.reject({
            id: items.daycare,
            version: await versionOf(as(null), items.daycare),
            reason: '',
          }),
        ),
      ).toBe('BAD_REQUEST');

      const letter = await as(null).letters.byId({ id: letterId });
      const daycare = letter.commitments.find((c) => c.id === items.daycare);
      if (!daycare) throw new Error('missing');
      const corrected = await as(office).review.correct({
        id: items.daycare,
        version: daycare.version,
        start: daycare.start,
        end: daycare.end + 2,
        min: 6,
        max: null,
        unit: '个',
        object: '社区老年日间照料服务中心',
        per: 'district',
        deadlineYear: 2015,
        section: null,
        note: '原文为“每区一个以上”的口径',
      });
      expect(corrected).toMatchObject({ reviewStatus: 'confirmed', max: null, deadlineYear: 2015 });
      expect(corrected.quote).toBe(letter.text.slice(daycare.start, daycare.end + 2));
      expect((await as(null).commitments.byId({ id: items.daycare })).targets).toHaveLength(6);

      const start = letter.text.indexOf('组织全面培训');
      const added = await as(office).review.addCommitment({
        letterId,
        start,
        end: start + 6,
        min: 1,
        max: null,
        unit: '次',
        object: '村居干部全面培训',
        per: null,
        deadlineYear: 2015,
        section: null,
      });
      expect(added).toMatchObject({ origin: 'manual', reviewStatus: 'confirmed', quote: '组织全面培训' });
      expect(
        await codeOf(
          as(office).review.addCommitment({
            letterId,
            start: 10,
            end: 10_000_000,
            min: 1,
            max: null,
            unit: '个',
            object: 'x',
            per: null,
            deadlineYear: null,
            section: null,
          }),
        ),
      ).toBe('BAD_REQUEST');
      expect(
        await codeOf(
          as(clerk).review.confirm({ id: items.homes, version: await versionOf(as(null), items.homes) }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await codeOf(
          as(null).review.confirm({ id: items.homes, version: await versionOf(as(null), items.homes) }),
        ),
      ).toBe('UNAUTHORIZED');

      const audit = await database.db
        .selectFrom('audit_log')
        .select(['action', 'before_json', 'after_json'])
        .where('entity', '=', 'commitment')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'commitment.confirm',
          'commitment.reject',
          'commitment.correct',
          'commitment.add',
        ]),
      );
      const correction = audit.find((a) => a.action === 'commitment.correct');
      expect(JSON.parse(correction?.before_json ?? '{}')).toMatchObject({ target_max: 6 });
    });

    test('a city-wide target can be split across districts, wholly or in part, never beyond the total', async () => {
      const districts = await database.db
        .selectFrom('districts')
        .select('id')
        .orderBy('sort_order')
        .execute();
      const ids = districts.map((d) => d.id);
      const over = ids.map((districtId) => ({ districtId, min: 6, max: null }));
      expect(
        await codeOf(
          as(office).targets.split({
            commitmentId: items.homes,
            version: await versionOf(as(null), items.homes),
            parts: over,
          }),
        ),
      ).toBe('BAD_REQUEST');
      const twice = [ids[0], ids[0]].map((districtId) => ({ districtId: districtId!, min: 1, max: null }));
      expect(
        await codeOf(
          as(office).targets.split({
            commitmentId: items.homes,
            version: await versionOf(as(null), items.homes),
            parts: twice,
          }),
        ),
      ).toBe('BAD_REQUEST');
      // a partial split: two districts named, the rest stays one city-wide target of the same total
      const partial = ids.slice(0, 2).map((districtId) => ({ districtId, min: 8, max: null }));
      expect(
        await as(office).targets.split({
          commitmentId: items.homes,
          version: await versionOf(as(null), items.homes),
          parts: partial,
        }),
      ).toEqual({
        parts: 2,
      });
      const partly = await as(null).commitments.byId({ id: items.homes });
      expect(partly.targets.map((t) => [t.districtId, t.min, t.allocation])).toEqual(
        expect.arrayContaining([
          [ids[0], 8, 'split'],
          [ids[1], 8, 'split'],
          [null, 14, 'city'],
        ]),
      );
      expect(partly.targets).toHaveLength(3);

      const parts = ids.map((districtId) => ({ districtId, min: 5, max: null }));
      await as(office).targets.split({
        commitmentId: items.homes,
        version: await versionOf(as(null), items.homes),
        parts,
      });
      const split = await as(null).commitments.byId({ id: items.homes });
      expect(split.targets.map((t) => t.min).reduce((a, b) => a + b, 0)).toBe(30);
      expect(split.targets.every((t) => t.districtId !== null)).toBe(true);
      expect(
        await codeOf(
          as(office).targets.split({
            commitmentId: items.incubators,
            version: await versionOf(as(null), items.incubators),
            parts,
          }),
        ),
      ).toBe('PRECONDITION_FAILED');
      await as(office).targets.mergeToCity({
        id: items.homes,
        version: await versionOf(as(null), items.homes),
      });
      expect((await as(null).commitments.byId({ id: items.homes })).targets).toEqual([
        expect.objectContaining({ districtId: null, min: 30 }),
      ]);
    });

    test('agencies record progress with evidence for their own commitments only; history is append-only', async () => {
      const recorded = await as(clerk).progress.record({
        commitmentId: items.homes,
        districtId: null,
        value: 12,
        asOf: '2015-06-30',
        evidenceText: '上半年建成 12 个',
        evidenceUrl: 'https://example.gov.cn/notice/1',
        attachment: {
          fileName: '验收单.pdf',
          contentBase64: Buffer.from('%PDF-1.4 test').toString('base64'),
        },
      });
      expect(recorded).toMatchObject({ value: 12, reporterName: 'clerk' });
      expect(recorded.attachmentId).not.toBeNull();

      expect(
        await codeOf(
          as(otherClerk).progress.record({
            commitmentId: items.homes,
            districtId: null,
            value: 1,
            asOf: '2015-06-30',
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await codeOf(
          as(deputy).progress.record({
            commitmentId: items.homes,
            districtId: null,
            value: 1,
            asOf: '2015-06-30',
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await codeOf(
          as(clerk).progress.record({
            commitmentId: items.pilots,
            districtId: null,
            value: 1,
            asOf: '2015-06-30',
          }),
        ),
      ).toBe('PRECONDITION_FAILED');
      expect(
        await codeOf(
          as(clerk).progress.record({
            commitmentId: items.homes,
            districtId: null,
            value: -1,
            asOf: '2015-06-30',
          }),
        ),
      ).toBe('BAD_REQUEST');
      expect(
        await codeOf(
          as(clerk).progress.record({
            commitmentId: items.homes,
            districtId: null,
            value: 1,
            asOf: '2999-01-01',
          }),
        ),
      ).toBe('BAD_REQUEST');
      expect(
        await codeOf(
          as(clerk).progress.record({
            commitmentId: items.homes,
            districtId: null,
            value: 1,
            asOf: '2015-02-30',
          }),
        ),
      ).toBe('BAD_REQUEST');
      expect(
        await codeOf(
          as(clerk).progress.record({
            commitmentId: items.incubators,
            districtId: null,
            value: 1,
            asOf: '2015-06-30',
          }),
        ),
      ).toBe('BAD_REQUEST');
      expect(
        await codeOf(
          as(clerk).progress.record({
            commitmentId: items.homes,
            districtId: null,
            value: 1,
            asOf: '2015-06-30',
            attachment: { fileName: 'x.exe', contentBase64: 'AAAA' },
          }),
        ),
      ).toBe('BAD_REQUEST');

      const correction = await as(office).progress.correct({
        supersedesId: recorded.id,
        value: 11,
        asOf: '2015-06-30',
        reason: '重复统计了 1 个',
      });
      expect(correction).toMatchObject({ supersedesId: recorded.id, correctionReason: '重复统计了 1 个' });
      expect(
        await codeOf(
          as(office).progress.correct({
            supersedesId: recorded.id,
            value: 10,
            asOf: '2015-06-30',
            reason: '再次更正',
          }),
        ),
      ).toBe('CONFLICT');

      const detail = await as(null).commitments.byId({ id: items.homes });
      expect(detail.progress.map((p) => [p.value, p.supersededBy])).toEqual([
        [12, correction.id],
        [11, null],
      ]);
      expect(detail.value).toBe(11);
    });

    test('concurrent entries on one commitment are all kept', async () => {
      const districts = await database.db
        .selectFrom('districts')
        .select('id')
        .orderBy('sort_order')
        .execute();
      await Promise.all(
        districts.map((d, i) =>
          as(clerk).progress.record({
            commitmentId: items.incubators,
            districtId: d.id,
            value: i % 2,
            asOf: '2015-12-31',
          }),
        ),
      );
      const detail = await as(null).commitments.byId({ id: items.incubators });
      expect(detail.progress).toHaveLength(6);
      expect(detail.value).toBe(3);
    });

    test('status follows the rules: behind, achieved, withdrawn with a reason', async () => {
      const homes = await as(null).commitments.byId({ id: items.homes });
      expect(['on_track', 'behind']).toContain(homes.status);
      await as(clerk).progress.record({
        commitmentId: items.homes,
        districtId: null,
        value: 30,
        asOf: '2015-12-20',
      });
      expect((await as(null).commitments.byId({ id: items.homes })).status).toBe('achieved');

      await as(office).progress.withdraw({
        id: items.daycare,
        version: await versionOf(as(null), items.daycare),
        reasonCode: 'land',
        reasonText: '选址用地未落实',
      });
      const withdrawn = await as(null).commitments.byId({ id: items.daycare });
      expect(withdrawn).toMatchObject({ status: 'withdrawn', reasonCode: 'land' });
      expect(
        await codeOf(
          as(clerk).progress.withdraw({
            id: items.incubators,
            version: await versionOf(as(null), items.incubators),
            reasonCode: 'funding',
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await codeOf(
          as(office).progress.withdraw({
            id: items.incubators,
            version: await versionOf(as(null), items.incubators),
            reasonCode: 'money' as 'funding',
          }),
        ),
      ).toBe('BAD_REQUEST');
    });

    test('milestones are tracked as done or not done', async () => {
      expect(
        await codeOf(
          as(clerk).progress.setMilestone({
            id: items.milestone,
            version: await versionOf(as(null), items.milestone),
            state: 'done',
          }),
        ),
      ).toBe('OK');
      const detail = await as(null).commitments.byId({ id: items.milestone });
      expect(detail.milestoneState).toBe('done');
      expect(
        await codeOf(
          as(clerk).progress.setMilestone({
            id: items.homes,
            version: await versionOf(as(null), items.homes),
            state: 'done',
          }),
        ),
      ).toBe('BAD_REQUEST');
    });

    test('satisfaction is the deputy’s own verdict, changeable by that deputy or the office, history kept', async () => {
      await as(deputy).suggestions.rate({ letterId, level: 'basically', comment: '希望加快进度' });
      expect(await codeOf(as(otherDeputy).suggestions.rate({ letterId, level: 'unsatisfied' }))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(as(clerk).suggestions.rate({ letterId, level: 'satisfied' }))).toBe('FORBIDDEN');
      await as(office).suggestions.rate({ letterId, level: 'satisfied' });
      const rating = await as(null).suggestions.satisfaction({ letterId });
      expect(rating.current?.level).toBe('satisfied');
      expect(rating.history.map((h) => h.level)).toEqual(['satisfied', 'basically']);
    });

    test('follow-ups: the office asks, the responsible agency answers once', async () => {
      const followUp = await as(office).followUps.create({
        commitmentId: items.incubators,
        request: '请说明集美区进展',
        dueDate: '2099-01-31',
      });
      expect(await codeOf(as(otherClerk).followUps.answer({ id: followUp.id, response: '无' }))).toBe(
        'FORBIDDEN',
      );
      await as(clerk).followUps.answer({ id: followUp.id, response: '已选址,年底前挂牌' });
      expect(await codeOf(as(clerk).followUps.answer({ id: followUp.id, response: '再答' }))).toBe(
        'CONFLICT',
      );
      const list = await as(null).followUps.list({ id: items.incubators });
      expect(list).toEqual([
        expect.objectContaining({ response: '已选址,年底前挂牌', respondedBy: 'clerk' }),
      ]);
      expect(
        await codeOf(
          as(office).followUps.create({
            commitmentId: items.incubators,
            request: '过期',
            dueDate: '2000-01-01',
          }),
        ),
      ).toBe('BAD_REQUEST');
    });

    test('co-handling agencies join a suggestion once', async () => {
      const [suggestion] = await as(null).suggestions.list();
      if (!suggestion) throw new Error('no suggestion');
      await as(office).suggestions.addHandler({
        suggestionId: suggestion.id,
        agencyName: '厦门市财政局',
        role: 'co',
      });
      expect(
        await codeOf(
          as(office).suggestions.addHandler({
            suggestionId: suggestion.id,
            agencyName: '厦门市财政局',
            role: 'co',
          }),
        ),
      ).toBe('CONFLICT');
      const [updated] = await as(null).suggestions.list();
      expect(updated?.agencies.map((a) => [a.name, a.role])).toEqual(
        expect.arrayContaining([
          ['厦门市民政局', 'lead'],
          ['厦门市财政局', 'co'],
        ]),
      );
      // the co-handler's clerk may now report on the suggestion's commitments
      expect(await codeOf(as(otherClerk).followUps.list({ id: items.incubators }))).toBe('OK');
    });

    test('a gazetteer CSV imports another city, versioned by year; a duplicate changes nothing', async () => {
      const csv = [
        '城市,区,名称,类型,起始年份,截止年份',
        '泉州市,,鲤城区,区,2003,',
        '泉州市,鲤城区,开元街道,街道,2003,',
        '泉州市,鲤城区,浮桥街道,街道,2003,2019',
      ].join('\n');
      expect(await as(office).gazetteer.importCsv({ csv })).toMatchObject({ districts: 1, units: 2 });
      expect(await codeOf(as(office).gazetteer.importCsv({ csv }))).toBe('CONFLICT');
      expect(await codeOf(as(office).gazetteer.importCsv({ csv: '城市,名称\n泉州市,x' }))).toBe(
        'BAD_REQUEST',
      );
      const in2020 = await as(null).gazetteer.list({ city: '泉州市', year: 2020 });
      expect(in2020[0]?.units.map((u) => u.name)).toEqual(['开元街道']);
      expect(await codeOf(as(clerk).gazetteer.importCsv({ csv }))).toBe('FORBIDDEN');
    });
  });
}
