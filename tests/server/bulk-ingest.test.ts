/** Bulk ingest: adds, skips duplicates, refuses bad files with a reason, and a rerun adds only what is missing. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectLetterFiles, ingestFiles } from '../../server/services/bulk-ingest';
import { seedGazetteer } from '../../server/services/seed';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { highByteBinary } from '../support/junk';

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`bulk ingest on ${target.name}`, () => {
    let database: TestDatabase;
    let folder: string;

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
      folder = mkdtempSync(path.join(tmpdir(), 'bulk-'));
      mkdirSync(path.join(folder, '2015'));
      writeFileSync(path.join(folder, '2015', 'a.txt'), seedLetterText());
      writeFileSync(
        path.join(folder, 'b.html'),
        `<html><body><p>${seedLetterText().replace('3月19日', '3月21日')}</p></body></html>`,
      );
      copyFileSync(path.join(folder, '2015', 'a.txt'), path.join(folder, 'copy.txt'));
      writeFileSync(path.join(folder, 'empty.txt'), '');
      writeFileSync(path.join(folder, 'notes.md'), 'not a letter');
    });
    afterAll(async () => {
      rmSync(folder, { recursive: true, force: true });
      await database?.close();
    });

    test('a folder is loaded file by file; a rerun adds nothing twice', async () => {
      const files = await collectLetterFiles([folder, path.join(folder, 'missing.txt')]);
      expect(files.map((f) => path.relative(folder, f))).toEqual([
        '2015/a.txt',
        'b.html',
        'copy.txt',
        'empty.txt',
        'missing.txt',
      ]);
      const first = await ingestFiles(database.db, files);
      expect(first.map((o) => o.result)).toEqual(['added', 'added', 'duplicate', 'refused', 'refused']);
      expect(first[3]).toMatchObject({ reason: expect.stringContaining('文件为空') });
      const second = await ingestFiles(database.db, files);
      expect(second.map((o) => o.result)).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
        'refused',
        'refused',
      ]);
      const letters = await database.db.selectFrom('letters').select('id').execute();
      expect(letters).toHaveLength(2);
    });

    test('junk files are refused with the reason; --accept-unusual stores them', async () => {
      const junk = mkdtempSync(path.join(tmpdir(), 'bulk-junk-'));
      try {
        writeFileSync(path.join(junk, 'scan.txt'), highByteBinary(4000));
        copyFileSync(path.join(__dirname, '../fixtures/junk/menus.txt'), path.join(junk, 'menus.txt'));
        copyFileSync(path.join(__dirname, '../fixtures/junk/prose.txt'), path.join(junk, 'prose.txt'));
        const files = await collectLetterFiles([junk]);
        const before = (await database.db.selectFrom('letters').select('id').execute()).length;
        const refused = await ingestFiles(database.db, files);
        expect(refused.map((o) => (o.result === 'refused' ? o.reason.slice(0, 6) : o.result))).toEqual([
          '内容只有菜单',
          '内容不像答复',
          '内容像是乱码',
        ]);
        expect((await database.db.selectFrom('letters').select('id').execute()).length).toBe(before);
        const accepted = await ingestFiles(database.db, files, undefined, { acceptUnusual: true });
        expect(accepted.map((o) => o.result)).toEqual(['added', 'added', 'added']);
      } finally {
        rmSync(junk, { recursive: true, force: true });
      }
    });
  });
}
