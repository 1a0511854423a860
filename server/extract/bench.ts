/**
 * `tsx server/extract/bench.ts [DIR]`: extraction speed over a folder of letters (the dev
 * corpus by default), against a single-pass regex scan for digits over the same text as a
 * yardstick. Ends with one JSON line: letters_per_s, mb_per_s, scan_mb_per_s, ratio.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractLetter } from './index';

const dir = process.argv[2] ?? join(import.meta.dirname, '../../../shared/corpus/dev/letters');
const letters = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(dir, name), 'utf8').replace(/^# source:[^\n]*\n\n?/, ''));
const megabytes = letters.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

function timeRounds(work: (text: string) => unknown): number {
  for (const text of letters) work(text);
  let rounds = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const text of letters) work(text);
    rounds++;
  }
  return rounds / ((performance.now() - started) / 1000);
}

const extractRounds = timeRounds(extractLetter);
const scanRounds = timeRounds((text) => text.match(/\d+/g));
const result = {
  letters_per_s: Math.round(extractRounds * letters.length),
  mb_per_s: Number((extractRounds * megabytes).toFixed(3)),
  scan_mb_per_s: Number((scanRounds * megabytes).toFixed(1)),
  ratio: Number((extractRounds / scanRounds).toFixed(5)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
