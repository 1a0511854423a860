/**
 * `npm run --silent extract -- FILE...`: one JSON line per file on stdout (the contract in
 * DESIGN.md). A file that cannot be read or decoded gets a line with `error`; the run goes on
 * and exits 1 at the end.
 */
import { readFileSync } from 'node:fs';
import { decodeLetter, extractLetter, LetterInputError } from './index';

function describe(error: unknown): string {
  if (error instanceof LetterInputError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const { text } = decodeLetter(new Uint8Array(readFileSync(file)));
    const { letter, commitments, milestones } = extractLetter(text);
    process.stdout.write(`${JSON.stringify({ file, letter, commitments, milestones })}\n`);
  } catch (error) {
    failed = true;
    process.stdout.write(`${JSON.stringify({ file, error: describe(error) })}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
