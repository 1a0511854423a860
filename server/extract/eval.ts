/**
 * `npm run eval:extract [-- --corpus DIR --min-confidence X --json --verbose]`: scores the
 * extractor against a gold corpus (the carried copy of the dev corpus by default), in process
 * and with the shared scorer's rules, so a fresh clone can measure itself. Prints the misses
 * and extras, then the shared scorer's last line (or, with --json, the whole score).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeLetter, extractLetter } from './index';
import {
  type GoldLetter,
  letterBody,
  type PredictedLetter,
  reportLines,
  type ScoringInput,
  scoreCorpus,
  summaryLine,
} from './scoring';

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const corpus = option('--corpus') ?? join(import.meta.dirname, '../../tests/fixtures/corpus/dev');
const threshold = option('--min-confidence');
const minConfidence = threshold === undefined ? null : Number(threshold);
if (minConfidence !== null && !(minConfidence >= 0 && minConfidence <= 1)) {
  process.stderr.write(`--min-confidence 须为 0 到 1 之间的数 (must be a number in [0, 1]): ${threshold}\n`);
  process.exit(2);
}

/**
 * The extractor as the shared scorer sees it: the body's UTF-8 bytes through decodeLetter and
 * extractLetter, then through JSON as the CLI prints it, so both scorers read the same values.
 * A letter that fails gets no prediction, as an error line gets none there.
 */
function predict(body: string): PredictedLetter | undefined {
  try {
    const { text } = decodeLetter(new Uint8Array(Buffer.from(body, 'utf8')));
    return JSON.parse(JSON.stringify(extractLetter(text))) as PredictedLetter;
  } catch {
    return undefined;
  }
}

const names = readdirSync(join(corpus, 'gold'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => basename(file, '.json'))
  .sort();
const inputs: ScoringInput[] = [];
for (const name of names) {
  let raw: string;
  try {
    raw = readFileSync(join(corpus, 'letters', `${name}.txt`), 'utf8');
  } catch {
    continue; // gold without its letter is skipped, as the shared scorer does
  }
  const body = letterBody(raw);
  const gold = JSON.parse(readFileSync(join(corpus, 'gold', `${name}.json`), 'utf8')) as GoldLetter;
  inputs.push({ name, body, gold, prediction: predict(body) });
}
if (inputs.length === 0) {
  process.stderr.write(`未找到信件 (no letters found under) ${corpus}\n`);
  process.exit(2);
}

const score = scoreCorpus(inputs, minConfidence);
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(score, null, 2)}\n`);
} else {
  for (const line of reportLines(score, args.includes('--verbose'))) process.stdout.write(`${line}\n`);
}
process.stdout.write(`${summaryLine(score, inputs.length)}\n`);
