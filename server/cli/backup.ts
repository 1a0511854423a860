/**
 * `npm run backup -- [FILE]` and `npm run restore -- FILE` for the embedded SQLite database in
 * DATA_DIR. With DATABASE_URL set they explain the PostgreSQL way instead.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SQLITE_FILE_NAME } from '../../db/connect';
import { isoMinuteIn } from '../../shared/clock';
import { readEnv } from '../env';
import { BackupError, backupSqlite, restoreSqlite } from '../services/sqlite-backup';

async function main() {
  const [command, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
  const env = readEnv();
  if (env.DATABASE_URL) {
    console.error(
      'DATABASE_URL 已设置:PostgreSQL 请使用 pg_dump -Fc "$DATABASE_URL" > backup.dump 备份,pg_restore --clean -d "$DATABASE_URL" backup.dump 恢复。',
    );
    process.exit(2);
  }
  const database = path.resolve(env.DATA_DIR, SQLITE_FILE_NAME);
  if (command === 'backup') {
    // the backup's name says when, as the office reads its clock (APP_TIME_ZONE): 20261203-1955
    const stamp = isoMinuteIn(env.APP_TIME_ZONE, new Date()).replace(/[-:]/g, '').replace(' ', '-');
    const destination = path.resolve(
      rest[0] ?? path.join(env.DATA_DIR, 'backups', `promises-${stamp}.sqlite`),
    );
    mkdirSync(path.dirname(destination), { recursive: true });
    const { pages } = await backupSqlite(database, destination);
    console.log(`已备份 backed up ${database} → ${destination} (${pages} pages)`);
  } else if (command === 'restore' && rest[0]) {
    const { pages } = await restoreSqlite(path.resolve(rest[0]), database);
    console.log(
      `已恢复 restored ${rest[0]} → ${database} (${pages} pages). 请重新启动服务 restart the server.`,
    );
  } else {
    console.error(
      '用法 usage: npm run backup -- [FILE] | npm run restore -- FILE   (restore with the server stopped)',
    );
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
