/**
 * The extraction command of DESIGN.md: one JSON line per file, an `error` line for a file that
 * cannot be read, and exit status 1 when any failed.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

describe('npm run extract', () => {
  it('prints one line per file and goes on after a failure', () => {
    const files = [
      'tests/fixtures/letter-gbk.txt',
      'tests/fixtures/no-such-letter.txt',
      'tests/fixtures/reply-260.txt',
    ];
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['server/extract/cli.ts', ...files], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[0]).toHaveProperty('commitments');
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toMatchObject({ letter: { agency: '厦门市民政局', letterDate: '2015-03-19' } });
    expect((lines[2]!.commitments as unknown[]).length).toBe(11);
  }, 30_000);
});
