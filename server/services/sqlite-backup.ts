/**
 * Backup and restore of the embedded SQLite database. Backups use SQLite's online backup API, so
 * they are consistent while the server keeps running; a restore checks the backup first and must
 * run with the server stopped. PostgreSQL installations use pg_dump / pg_restore (README).
 */
import { existsSync, rmSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

export class BackupError extends Error {}

/** Copies the live database file to `destination` page by page while it stays usable. */
export async function backupSqlite(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new BackupError(`找不到数据库文件 ${source}`);
  if (existsSync(destination)) throw new BackupError(`备份文件已存在,不会覆盖:${destination}`);
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    const { totalPages } = await db.backup(destination);
    return { pages: totalPages };
  } finally {
    db.close();
  }
}

/** A backup must be a sound SQLite file of this product, or the restore refuses it. */
export function checkBackup(file: string): void {
  if (!existsSync(file)) throw new BackupError(`找不到备份文件 ${file}`);
  let db: SqliteDatabase.Database | null = null;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`备份文件已损坏:${String(integrity)}`);
    const table = db
      .prepare("select name from sqlite_master where type = 'table' and name = 'letters'")
      .get();
    if (!table) throw new BackupError('这不是本平台的数据库备份(没有 letters 表)。');
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`无法读取备份文件:${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db?.close();
  }
}

/** Replaces the database file with the backup. The server must be stopped. */
export async function restoreSqlite(backup: string, target: string): Promise<{ pages: number }> {
  checkBackup(backup);
  // The old write-ahead log belongs to the old file; left behind it would be replayed onto the restore.
  for (const leftover of [target, `${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
  const db = new SqliteDatabase(backup, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    return { pages: totalPages };
  } finally {
    db.close();
  }
}
