/**
 * Public face of the extraction engine: bytes → letter text (decodeLetter) and letter text →
 * metadata, quantified commitments and dated milestones (extractLetter). Pure functions; the
 * CLI and the server's ingest path do the I/O.
 */
import type { LetterExtraction } from '../../shared/extraction';
import { readSentences } from './analysis';
import { findCommitments } from './commitments';
import { LetterInputError, MAX_LETTER_CHARS } from './errors';
import { findLayout } from './layout';
import { letterYearOf, readMetadata } from './metadata';
import { findMilestones } from './milestones';
import { findHeadings } from './sections';
import { buildView } from './view';

export { type DecodedLetter, decodeLetter } from './decode';
export { LetterInputError, type LetterInputErrorCode, MAX_LETTER_BYTES, MAX_LETTER_CHARS } from './errors';
export { parseChineseInteger, parseNumber } from './numerals';

/**
 * Metadata, commitments and milestones of one letter. Never throws for text up to
 * MAX_LETTER_CHARS; longer text is refused with LetterInputError('TOO_LARGE').
 */
export function extractLetter(text: string): LetterExtraction {
  if (text.length > MAX_LETTER_CHARS) throw new LetterInputError('TOO_LARGE');
  const view = buildView(text);
  const layout = findLayout(view.plain);
  const letter = readMetadata(view, layout);
  const letterYear = letterYearOf(view, letter);
  const headings = findHeadings(view, layout.bodyStart, layout.bodyEnd);
  const readings = readSentences(view.plain, layout.bodyStart, layout.bodyEnd, letterYear, headings);
  const commitments = findCommitments(view, readings, headings);
  const milestones = findMilestones(view, readings, headings, commitments);
  return { letter, commitments, milestones };
}
