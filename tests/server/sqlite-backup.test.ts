/** A backup taken while the database is in use restores with every row; bad backups are refused. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { seedOnFirstStart } from '../../server/services/seed';
import { BackupError, backupSqlite, restoreSqlite } from '../../server/services/sqlite-backup';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'backup-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function rowCounts(file: string): Promise<Record<string, number>> {
  const { db } = openDatabase({ dataDir: path.dirname(file), sqliteFile: path.basename(file) });
  const tables: (keyof Database)[] = [
    'letters',
    'commitments',
    'commitment_targets',
    'progress_updates',
    'districts',
    'streets',
    'audit_log',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  await db.destroy();
  return counts;
}

test('a backup of a database in use restores with every row', async () => {
  const live = path.join(folder, 'live.sqlite');
  const { db } = openDatabase({ dataDir: folder, sqliteFile: 'live.sqlite' });
  await migrateToLatest(db);
  await seedOnFirstStart(db, { letter: true, demo: true });
  const backup = path.join(folder, 'backup.sqlite');
  await backupSqlite(live, backup); // the connection above stays open: an online backup
  await db.destroy();
  const expected = await rowCounts(live);
  expect(expected.progress_updates).toBeGreaterThan(0);

  const restored = path.join(folder, 'restored.sqlite');
  writeFileSync(`${restored}-wal`, 'stale log of an older database');
  await restoreSqlite(backup, restored);
  expect(await rowCounts(restored)).toEqual(expected);
  await expect(backupSqlite(live, backup)).rejects.toThrow(BackupError);
});

test('a file that is not a backup of this product is refused and the target left alone', async () => {
  const junk = path.join(folder, 'junk.sqlite');
  writeFileSync(junk, 'not a database at all');
  const target = path.join(folder, 'keep.sqlite');
  writeFileSync(target, 'existing');
  await expect(restoreSqlite(junk, target)).rejects.toThrow(BackupError);
  await expect(restoreSqlite(path.join(folder, 'missing.sqlite'), target)).rejects.toThrow(/找不到备份文件/);
  expect(readFileSync(target, 'utf8')).toBe('existing');
});
