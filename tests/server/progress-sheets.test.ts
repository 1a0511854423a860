/**
 * Bulk progress by spreadsheet, wired to the database, on SQLite and PostgreSQL: the agency's export
 * over HTTP, the same file filled in and imported, all-or-nothing validation, ownership.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { SESSION_COOKIE } from '../../server/auth/cookies';
import { createSession } from '../../server/auth/sessions';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { seedGazetteer } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import { fillCsv, fillXlsx } from '../spreadsheets/support';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { makeUser } from '../support/users';
import { versionOf } from '../support/versions';

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`progress spreadsheets on ${target.name}`, () => {
    let database: TestDatabase;
    let server: Server;
    let url: string;
    let office: SessionUser;
    let clerk: SessionUser;
    let stranger: SessionUser;
    let homes = 0;
    let incubators = 0;
    const as = (user: SessionUser) =>
      createCaller(
        createContextInner({
          db: database.db,
          dialect: database.dialect,
          showDemo: false,
          publicRead: true,
          user,
        }),
      );

    async function download(user: SessionUser, format: 'xlsx' | 'csv', query = '') {
      const session = await createSession(database.db, user.id, new Date());
      const response = await fetch(`${url}/files/progress-sheet.${format}${query}`, {
        headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
      });
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
    }
    const progressCount = async () =>
      (await database.db.selectFrom('progress_updates').select('id').execute()).length;

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
      office = await makeUser(database.db, 'office', 'office');
      const { letterId } = await as(office).letters.ingest({ text: seedLetterText() });
      const letter = await as(office).letters.byId({ id: letterId });
      homes = letter.commitments.find((c) => c.object?.includes('农村幸福院'))?.id ?? 0;
      incubators = letter.commitments.find((c) => c.object?.includes('孵化园区'))?.id ?? 0;
      await as(office).review.confirm({ id: homes, version: await versionOf(as(office), homes) });
      await as(office).review.confirm({ id: incubators, version: await versionOf(as(office), incubators) });
      const agencies = await database.db.selectFrom('agencies').select(['id', 'name']).execute();
      clerk = await makeUser(database.db, 'clerk', 'agency', { agencyId: agencies[0]?.id ?? null });
      const other = await database.db
        .insertInto('agencies')
        .values({ name: '厦门市教育局', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      stranger = await makeUser(database.db, 'stranger', 'agency', { agencyId: other.id });
      const app = createApp({
        db: database.db,
        dialect: database.dialect,
        showDemo: false,
        publicRead: true,
      });
      server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      await database?.close();
    });

    /** The sheet row of a target key, as the export (XLSX and CSV list the same rows) has it. */
    async function rowOf(key: string): Promise<number> {
      const csv = new TextDecoder().decode((await download(clerk, 'csv')).bytes);
      const index = csv.split('\r\n').findIndex((line) => line.replace(/^\uFEFF/, '').split(',')[0] === key);
      if (index < 0) throw new Error(`no row for ${key}`);
      return index + 1;
    }

    test('an agency exports its open targets, fills them in and imports them in one go', async () => {
      const exported = await download(clerk, 'xlsx');
      expect(exported.status).toBe(200);
      const filled = await fillXlsx(
        Buffer.from(exported.bytes),
        new Map([
          [
            await rowOf(String(homes)),
            { value: 12, as_of: new Date('2015-09-30T00:00:00Z'), evidence_text: '三季度统计' },
          ],
          [
            await rowOf(`${incubators}@思明区`),
            { value: 1, as_of: '2015-10-01', evidence_url: 'https://example.gov.cn/a' },
          ],
        ]),
      );
      const outcome = await as(clerk).progress.importSheet({
        fileName: '填报.xlsx',
        contentBase64: base64(filled),
      });
      expect(outcome).toMatchObject({ imported: 2, errors: [] });
      expect((await as(clerk).commitments.byId({ id: homes })).value).toBe(12);
      expect((await as(clerk).commitments.byId({ id: incubators })).value).toBe(1);
    });

    test('one wrong row writes nothing and names the row', async () => {
      const csv = await download(clerk, 'csv');
      expect(csv.status).toBe(200);
      const text = new TextDecoder().decode(csv.bytes);
      const before = await progressCount();
      const filled = fillCsv(
        text,
        new Map([
          [2, { value: '20', as_of: '2015-12-31' }],
          [3, { value: '-4', as_of: '2015-12-31' }],
        ]),
      );
      const outcome = await as(clerk).progress.importSheet({
        fileName: '填报.csv',
        contentBase64: base64(filled),
      });
      expect(outcome.imported).toBe(0);
      expect(outcome.errors).toEqual([expect.objectContaining({ row: 3 })]);
      expect(await progressCount()).toBe(before);
    });

    test('a cell whose quote is never closed is refused naming its row; nothing is written', async () => {
      const text = new TextDecoder().decode((await download(clerk, 'csv')).bytes);
      const before = await progressCount();
      const filled = fillCsv(
        text,
        new Map([
          [2, { value: '20', as_of: '2015-12-31', evidence_text: 'OPEN' }],
          [3, { value: '21', as_of: '2015-12-31', evidence_text: 'LATER' }],
        ]),
      );
      // typed by hand: a quote opened in row 2; a later quote in row 3 once made the parser end the
      // cell there, so row 3 vanished into row 2's evidence and the import answered 200
      const swallowing = filled.replace('OPEN', '"已完成').replace('LATER', '"见"通知"');
      const toEnd = filled.replace('OPEN', '"已完成').replace('LATER', '见通知');
      for (const csv of [swallowing, toEnd]) {
        await expect(
          as(clerk).progress.importSheet({ fileName: '填报.csv', contentBase64: base64(csv) }),
        ).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringContaining('CSV 第 2 行有未闭合的引号'),
        });
      }
      expect(await progressCount()).toBe(before);
    });

    test('another agency cannot report on these targets; deputies and visitors get no sheet', async () => {
      const officeSheet = await download(office, 'csv');
      const filled = fillCsv(
        new TextDecoder().decode(officeSheet.bytes),
        new Map([[2, { value: '25', as_of: '2015-12-31' }]]),
      );
      const outcome = await as(stranger).progress.importSheet({
        fileName: 'x.csv',
        contentBase64: base64(filled),
      });
      expect(outcome.imported).toBe(0);
      expect(outcome.errors[0]?.message).toMatch(/其他承办单位/);
      expect((await fetch(`${url}/files/progress-sheet.xlsx`)).status).toBe(401);
      const deputy = await makeUser(database.db, 'deputy', 'deputy');
      expect((await download(deputy, 'xlsx')).status).toBe(403);
      expect((await download(office, 'xlsx', '?agency=abc')).status).toBe(400);
      try {
        await as(clerk).progress.importSheet({ fileName: 'x.pdf', contentBase64: 'AAAA' });
        throw new Error('accepted a pdf');
      } catch (error) {
        expect(error).toBeInstanceOf(TRPCError);
      }
    });
  });
}
