/**
 * The overview's figures and the annual report through createCaller, on SQLite and PostgreSQL, on a
 * small scenario built from the seed letter whose outcome is known; then the XLSX and CSV downloads
 * over HTTP, parsed, against the same procedures' totals.
 *
 * Scenario (letter of 2015-03-19, suggestion year 2015, grade B):
 *  - 公益慈善类社会组织 30, due 2015: 20 by Nov 2015, 30 in Feb 2016 → overdue in 2015, kept late in 2016
 *  - 社会组织孵化园区 1 per district (6), due 2015: district 1 done Oct 2015, district 2 in Mar 2016
 *  - 城市社区综合用房 49, due 2018: 10 by mid-2015 → behind, not yet due
 *  - a milestone due 2015, done 2015-09-01 → kept on time
 *  - two more suggestions of 2015 (inserted directly): one answered by a letter graded A, one not answered
 */
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { SUMMARY_LABELS } from '../../server/services/report-tables';
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

/** The 总体情况 sheet as label → value. */
async function summarySheet(bytes: ArrayBuffer): Promise<Map<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.getWorksheet('总体情况');
  if (!sheet) throw new Error('no summary sheet');
  const values = new Map<string, unknown>();
  sheet.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
  return values;
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`overview and annual report on ${target.name}`, () => {
    let database: TestDatabase;
    let as: (user: SessionUser | null) => ReturnType<typeof createCaller>;
    let office: SessionUser;
    const districtNames: string[] = [];

    beforeAll(async () => {
      database = await target.open();
      const { db } = database;
      await seedGazetteer(db);
      as = (user) =>
        createCaller(
          createContextInner({ db, dialect: database.dialect, showDemo: true, publicRead: true, user }),
        );
      office = await makeUser(db, 'office', 'office');
      const { letterId } = await as(office).letters.ingest({ text: seedLetterText() });
      const letter = await as(office).letters.byId({ id: letterId });
      const find = (word: string) => {
        const found = letter.commitments.find((c) => c.object?.includes(word));
        if (!found) throw new Error(`no commitment about ${word}`);
        return found;
      };
      const charity = find('公益慈善');
      const incubators = find('孵化园区');
      const housing = find('综合用房');
      const milestone = letter.milestones[0];
      if (!milestone) throw new Error('no milestone');

      await as(office).review.confirm({ id: charity.id, version: charity.version });
      await as(office).review.confirm({ id: housing.id, version: housing.version });
      await as(office).review.confirm({ id: milestone.id, version: milestone.version });
      await as(office).review.correct({
        id: incubators.id,
        version: incubators.version,
        start: incubators.start,
        end: incubators.end,
        min: 1,
        max: null,
        unit: incubators.unit ?? '个',
        object: incubators.object ?? '社会组织孵化园区',
        per: 'district',
        deadlineYear: 2015,
        section: null,
      });
      const districts = (await as(null).commitments.byId({ id: incubators.id })).targets;
      expect(districts).toHaveLength(6);
      for (const d of districts) districtNames.push(d.districtName ?? '');

      const record = (commitmentId: number, districtId: number | null, value: number, asOf: string) =>
        as(office).progress.record({ commitmentId, districtId, value, asOf });
      await record(charity.id, null, 20, '2015-11-30');
      await record(charity.id, null, 30, '2016-02-01');
      await record(incubators.id, districts[0]?.districtId ?? null, 1, '2015-10-01');
      await record(incubators.id, districts[1]?.districtId ?? null, 1, '2016-03-01');
      await record(housing.id, null, 10, '2015-06-30');
      await as(office).progress.setMilestone({
        id: milestone.id,
        version: await versionOf(as(office), milestone.id),
        state: 'done',
        doneOn: '2015-09-01',
      });

      await as(office).suggestions.rate({ letterId, level: 'unsatisfied' });
      await as(office).suggestions.rate({ letterId, level: 'basically' });

      const now = new Date().toISOString();
      const [answered, unanswered] = await Promise.all(
        ['第261号', '第262号'].map((ref) =>
          db
            .insertInto('suggestions')
            .values({ ref, title: ref, year: 2015, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow(),
        ),
      );
      expect(unanswered).toBeDefined();
      await db
        .insertInto('letters')
        .values({
          suggestion_id: answered?.id ?? null,
          agency_id: null,
          letter_date: '2015-05-01',
          result_grade: 'A',
          text: '答复函正文',
          content_hash: 'scenario-letter-261',
          created_at: now,
        })
        .execute();
    });
    afterAll(async () => {
      await database?.close();
    });

    test('2015: replies, satisfaction, A share, kept and on-time rates, status mix', async () => {
      const summary = await as(null).dashboard.summary({ year: 2015 });
      expect(summary.cutoff).toBe('2015-12-31');
      expect(summary.replies).toMatchObject({
        suggestions: 3,
        answered: 2,
        letters: 2,
        grades: { A: 1, B: 1, C: 0, D: 0 },
        rated: 1,
        basically: 1,
        unsatisfied: 0,
        satisfactionRate: 1,
      });
      expect(summary.replies.replyRate).toBeCloseTo(2 / 3);
      expect(summary.replies.gradeShares.A).toBe(0.5);
      expect(summary.commitments).toMatchObject({
        tracked: 4,
        due: 3,
        kept: 1,
        keptOnTime: 1,
        statusCounts: { achieved: 1, on_track: 0, behind: 1, overdue: 2, not_started: 0 },
      });
      expect(summary.commitments.keptRate).toBeCloseTo(1 / 3);
    });

    test('2016: a promise kept a year late counts as kept, not as kept on time', async () => {
      const summary = await as(null).dashboard.summary({ year: 2016 });
      expect(summary.replies).toMatchObject({ suggestions: 0, replyRate: null, satisfactionRate: null });
      expect(summary.commitments).toMatchObject({ due: 3, kept: 2, keptOnTime: 1 });
    });

    test('filters: a district counts its own targets; agency and district names must exist', async () => {
      const [first, second] = districtNames;
      expect(await as(null).dashboard.summary({ year: 2015, district: first })).toMatchObject({
        commitments: { due: 1, kept: 1, keptOnTime: 1, keptRate: 1 },
      });
      expect(await as(null).dashboard.summary({ year: 2016, district: second })).toMatchObject({
        commitments: { due: 1, kept: 1, keptOnTime: 0 },
      });
      const agency = await as(null).dashboard.summary({ year: 2015, agency: '厦门市民政局' });
      expect(agency.commitments).toMatchObject({ due: 3, kept: 1 });
      // the agency answered one of the three suggestions
      expect(agency.replies).toMatchObject({ suggestions: 1, answered: 1, letters: 1 });
      expect(await codeOf(as(null).dashboard.summary({ agency: '不存在的局' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).dashboard.summary({ district: '火星区' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).dashboard.summary({ year: 1800 }))).toBe('BAD_REQUEST');
    });

    test('the filters offer the years with data (latest first), districts with targets, replying agencies', async () => {
      const choices = await as(null).dashboard.filterChoices();
      expect(choices.years).toEqual([2018, 2017, 2016, 2015]);
      expect(choices.districts).toEqual(districtNames);
      expect(choices.agencies).toEqual(['厦门市民政局']);
    });

    test('the heat map: per district and year, the share of district targets kept by then', async () => {
      const grid = await as(null).dashboard.keptRates();
      expect(grid.years).toEqual([2015, 2016, 2017, 2018]);
      expect(grid.districts.map((d) => d.name)).toEqual(districtNames);
      const cell = (name: string | undefined, year: number) =>
        grid.cells.find(
          (c) => c.year === year && c.districtId === grid.districts.find((d) => d.name === name)?.id,
        );
      expect(cell(districtNames[0], 2015)).toMatchObject({ due: 1, kept: 1, keptRate: 1 });
      expect(cell(districtNames[1], 2015)).toMatchObject({ due: 1, kept: 0, keptRate: 0 });
      expect(cell(districtNames[1], 2016)).toMatchObject({ due: 1, kept: 1, keptRate: 1 });
    });

    test('the annual report: the overview’s figures, per district, per agency, the overdue list', async () => {
      const report = await as(null).reports.annual({ year: 2015 });
      const summary = await as(null).dashboard.summary({ year: 2015 });
      expect(report.replies).toEqual(summary.replies);
      expect(report.commitments).toEqual(summary.commitments);
      expect(report.byAgency).toEqual([
        expect.objectContaining({ name: '厦门市民政局', due: 3, kept: 1, keptOnTime: 1, overdue: 2 }),
      ]);
      expect(report.byDistrict.map((d) => [d.name, d.due, d.kept])).toEqual(
        districtNames.map((name, i) => [name, 1, i === 0 ? 1 : 0]),
      );
      expect(report.overdue.map((o) => o.object).sort()).toEqual(
        ['公益慈善类社会组织', '社会组织孵化园区'].sort(),
      );
      expect(await codeOf(as(null).reports.annual({ year: 20150 }))).toBe('BAD_REQUEST');
    });

    test('the XLSX and CSV downloads carry the report procedure’s totals', async () => {
      const app = createApp({ db: database.db, dialect: database.dialect, showDemo: true, publicRead: true });
      const server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const report = await as(null).reports.annual({ year: 2015 });
        const response = await fetch(`${base}/reports/2015.xlsx`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('spreadsheetml');
        expect(response.headers.get('content-disposition')).toContain('.xlsx');
        const sheet = await summarySheet(await response.arrayBuffer());
        const L = SUMMARY_LABELS;
        expect(sheet.get(L.suggestions)).toBe(report.replies.suggestions);
        expect(sheet.get(L.answered)).toBe(report.replies.answered);
        expect(sheet.get(L.replyRate)).toBeCloseTo(report.replies.replyRate ?? Number.NaN);
        expect(sheet.get(L.gradeCount('A'))).toBe(report.replies.grades.A);
        expect(sheet.get(L.gradeShare('A'))).toBe(report.replies.gradeShares.A);
        expect(sheet.get(L.satisfactionRate)).toBe(report.replies.satisfactionRate);
        expect(sheet.get(L.due)).toBe(report.commitments.due);
        expect(sheet.get(L.kept)).toBe(report.commitments.kept);
        expect(sheet.get(L.keptOnTime)).toBe(report.commitments.keptOnTime);
        expect(sheet.get(L.keptRate)).toBeCloseTo(report.commitments.keptRate ?? Number.NaN);
        expect(sheet.get(L.status('overdue'))).toBe(report.commitments.statusCounts.overdue);

        const csv = await fetch(`${base}/reports/2015.csv`);
        expect(csv.headers.get('content-type')).toContain('text/csv');
        const bytes = new Uint8Array(await csv.arrayBuffer());
        // the byte-order mark Excel needs to read UTF-8
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = new TextDecoder('utf-8').decode(bytes);
        expect(text).toContain(`${L.due},${report.commitments.due}\r\n`);
        expect(text).toContain(`${L.keptRate},33.3%\r\n`);
        expect(text).toContain('逾期未完成清单');

        expect((await fetch(`${base}/reports/15.xlsx`)).status).toBe(400);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    test('with PUBLIC_READ off the downloads need a session', async () => {
      const app = createApp({
        db: database.db,
        dialect: database.dialect,
        showDemo: true,
        publicRead: false,
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', resolve));
      try {
        const port = (server.address() as AddressInfo).port;
        const response = await fetch(`http://127.0.0.1:${port}/reports/2015.csv`);
        expect(response.status).toBe(401);
        expect(await response.text()).toContain('请先登录');
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });
}
