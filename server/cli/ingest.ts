/**
 * `npm run ingest -- FILE|DIR…`: loads reply letters in bulk into the configured database
 * (DATA_DIR's SQLite, or DATABASE_URL). A progress bar on a terminal, one plain line per file
 * otherwise (logs, CI); a summary of what was added, skipped as a duplicate, or refused and why.
 * Exit status 1 when any file was refused.
 */
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { zonedClock } from '../../shared/clock';
import { readEnv } from '../env';
import { collectLetterFiles, type FileOutcome, ingestFiles } from '../services/bulk-ingest';
import { seedGazetteer } from '../services/seed';

const describe = (o: FileOutcome) =>
  o.result === 'added'
    ? `新增 added      ${o.file} → #${o.letterId}, ${o.commitments} 项承诺`
    : o.result === 'duplicate'
      ? `重复 duplicate  ${o.file} = #${o.letterId}`
      : `拒绝 refused    ${o.file}: ${o.reason}`;

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  // files that do not look like reply letters (mojibake, menus, no reply parts) are refused unless this
  const acceptUnusual = args.includes('--accept-unusual');
  const paths = args.filter((a) => a !== '--accept-unusual');
  if (paths.length === 0) {
    console.error('用法 usage: npm run ingest -- [--accept-unusual] FILE|DIR…  (.txt / .html, UTF-8 或 GBK)');
    process.exit(2);
  }
  const env = readEnv();
  const clock = zonedClock(env.APP_TIME_ZONE);
  const { db } = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.DATA_DIR) });
  try {
    await migrateToLatest(db);
    await seedGazetteer(db, clock);
    const files = await collectLetterFiles(paths);
    const bar = process.stdout.isTTY
      ? new SingleBar({ format: '{bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true })
      : null;
    bar?.start(files.length, 0, { file: '' });
    const outcomes = await ingestFiles(
      db,
      files,
      (outcome, done) => {
        if (bar) bar.update(done, { file: path.basename(outcome.file) });
        else console.log(describe(outcome));
      },
      { acceptUnusual, clock },
    );
    bar?.stop();
    const refused = outcomes.filter((o) => o.result === 'refused');
    if (bar) for (const o of refused) console.log(describe(o));
    const count = (r: FileOutcome['result']) => outcomes.filter((o) => o.result === r).length;
    console.log(
      `完成 done: ${files.length} 个文件 files — 新增 added ${count('added')}, 重复 duplicate ${count('duplicate')}, 拒绝 refused ${refused.length}`,
    );
    process.exitCode = refused.length ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
