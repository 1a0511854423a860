/**
 * `npm run ingest` killed (SIGKILL, no chance to clean up) in the middle of a folder of letters, on
 * a SQLite data dir: the database is intact, every letter in it is whole (one transaction per
 * letter), and a rerun adds exactly the letters that are missing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SQLITE_FILE_NAME } from '../../db/connect';
import { extractLetter } from '../../server/extract/index';
import { seedLetterText } from '../support/fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LETTERS = 150;
/** progress lines to wait for before the kill: well into the run, far from its end */
const KILL_AFTER = 25;

/** The seed letter under another document and suggestion number: a different letter to the hash. */
function variant(i: number): string {
  return seedLetterText()
    .replace('厦民函〔2015〕8号', `厦民函〔2015〕${100 + i}号`)
    .replaceAll('第260号', `第${1000 + i}号`);
}

function runIngest(dataDir: string, folder: string): { child: ChildProcess; lines: string[] } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  // `npm run ingest` is `tsx server/cli/ingest.ts`, but the tsx command runs the script in a child
  // node process; a SIGKILL to it would leave that child writing. The loader in one process instead.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/ingest.ts', folder], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    lines.push(...complete);
    child.emit('lines', lines.length);
  });
  child.stderr?.on('data', (chunk: Buffer) => lines.push(`stderr: ${chunk.toString()}`));
  return { child, lines };
}

/** After exit and after its output is read to the end ('close', not 'exit'). */
const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );

describe('bulk ingest killed midway on SQLite', () => {
  let work: string;
  let folder: string;
  let dataDir: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'ingest-killed-'));
    folder = path.join(work, 'letters');
    dataDir = path.join(work, 'data');
    mkdirSync(folder);
    for (let i = 0; i < LETTERS; i++) {
      writeFileSync(path.join(folder, `reply-${String(i).padStart(4, '0')}.txt`), variant(i));
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('leaves whole letters only, and a rerun adds exactly the missing ones', async () => {
    // 1. Start, wait for progress, kill without warning.
    const first = runIngest(dataDir, folder);
    const firstExit = exited(first.child);
    await new Promise<void>((resolve, reject) => {
      const onLines = () => {
        if (first.lines.filter((l) => l.startsWith('新增 added')).length < KILL_AFTER) return;
        first.child.off('lines', onLines);
        first.child.kill('SIGKILL');
        resolve();
      };
      first.child.on('lines', onLines);
      void firstExit.then(() =>
        reject(new Error(`ingest ended before the kill:\n${first.lines.join('\n')}`)),
      );
    });
    expect(await firstExit).toMatchObject({ signal: 'SIGKILL' });
    expect(first.lines.some((l) => l.startsWith('完成 done'))).toBe(false);
    const printed = first.lines.filter((l) => l.startsWith('新增 added')).length;

    // 2. The database as the killed process left it.
    const sqlite = new SqliteDatabase(path.join(dataDir, SQLITE_FILE_NAME));
    let stored: number;
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      const letters = sqlite
        .prepare(
          `select l.id, l.text,
                  (select count(*) from commitments c where c.letter_id = l.id and c.kind = 'quantified') as quantified,
                  (select count(*) from commitments c where c.letter_id = l.id and c.kind = 'milestone') as milestones,
                  (select count(*) from audit_log a where a.entity = 'letter' and a.entity_id = l.id) as audited
             from letters l`,
        )
        .all() as { id: number; text: string; quantified: number; milestones: number; audited: number }[];
      stored = letters.length;
      // Every letter reported as added is there; at most one more committed before its line was printed.
      expect(stored).toBeGreaterThanOrEqual(printed);
      expect(stored).toBeLessThanOrEqual(printed + 1);
      expect(stored).toBeLessThan(LETTERS);
      for (const letter of letters) {
        const extraction = extractLetter(letter.text);
        const { id, quantified, milestones, audited } = letter;
        expect({ id, quantified, milestones, audited }).toEqual({
          id,
          quantified: extraction.commitments.length,
          milestones: extraction.milestones.length,
          audited: 1,
        });
      }
      const orphans = sqlite
        .prepare('select count(*) as n from commitments where letter_id not in (select id from letters)')
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      sqlite.close();
    }

    // 3. The rerun adds exactly what is missing and skips what is there.
    const second = runIngest(dataDir, folder);
    expect(await exited(second.child)).toMatchObject({ code: 0 });
    const summary = second.lines.find((l) => l.startsWith('完成 done'));
    expect(summary).toBe(
      `完成 done: ${LETTERS} 个文件 files — 新增 added ${LETTERS - stored}, 重复 duplicate ${stored}, 拒绝 refused 0`,
    );
    const after = new SqliteDatabase(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect((after.prepare('select count(*) as n from letters').get() as { n: number }).n).toBe(LETTERS);
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      after.close();
    }
  }, 120_000);
});
