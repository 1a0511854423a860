/**
 * Loads many letters at once (a year's replies): each file is decoded, extracted and stored on its
 * own, so one bad file never stops the run, and a rerun after an interruption adds only what is
 * missing (a letter already stored is recognised by its content hash).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../shared/clock';
import { DuplicateLetterError } from '../domain/duplicate-letter';
import { decodeLetter, LetterInputError } from '../extract/index';
import { UnusualLetterError } from '../extract/reply-shape';
import { ingestLetter } from './ingest-letter';

export const LETTER_EXTENSIONS = ['.txt', '.html', '.htm'];

export type FileOutcome =
  | { file: string; result: 'added'; letterId: number; commitments: number }
  | { file: string; result: 'duplicate'; letterId: number }
  | { file: string; result: 'refused'; reason: string };

/** The letter files named on the command line: files as given, folders searched recursively. */
export async function collectLetterFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) {
      found.push(given); // reported as refused, with the reason, by ingestFiles
    } else if (info.isDirectory()) {
      const entries = await readdir(given, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && LETTER_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
          found.push(path.join(entry.parentPath, entry.name));
        }
      }
    } else {
      found.push(given);
    }
  }
  return [...new Set(found)].sort();
}

/** `acceptUnusual`: store files that do not look like reply letters too (the CLI's --accept-unusual). */
export interface BulkIngestOptions {
  acceptUnusual?: boolean;
  /** the configured zone's clock (APP_TIME_ZONE): the letters' date of record */
  clock?: Clock;
}

export async function ingestFile(
  db: Kysely<Database>,
  file: string,
  options: BulkIngestOptions = {},
): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      file,
      result: 'refused',
      reason: code === 'ENOENT' ? '文件不存在' : `无法读取文件(${code ?? error})`,
    };
  }
  try {
    const decoded = decodeLetter(bytes);
    const outcome = await ingestLetter(
      db,
      {
        text: decoded.text,
        sourceName: path.basename(file),
        encoding: decoded.encoding,
        rawBytes: bytes,
        actor: 'bulk-ingest',
        acceptUnusual: options.acceptUnusual ?? false,
      },
      options.clock,
    );
    return { file, result: 'added', letterId: outcome.letterId, commitments: outcome.commitmentCount };
  } catch (error) {
    // Already stored (an earlier run, or a copy of the file): skipped, not an error.
    if (error instanceof DuplicateLetterError)
      return { file, result: 'duplicate', letterId: error.existing.id };
    if (error instanceof LetterInputError || error instanceof UnusualLetterError)
      return { file, result: 'refused', reason: error.message };
    throw error;
  }
}

export async function ingestFiles(
  db: Kysely<Database>,
  files: readonly string[],
  onEach: (outcome: FileOutcome, done: number) => void = () => undefined,
  options: BulkIngestOptions = {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await ingestFile(db, file, options);
    outcomes.push(outcome);
    onEach(outcome, outcomes.length);
  }
  return outcomes;
}
