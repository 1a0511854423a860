/**
 * The ingest path: one letter's text in, stored with its extracted commitments and their
 * per-district targets, in one transaction: a letter is stored whole or not at all, even when the
 * process is killed midway. The same text twice is refused with DuplicateLetterError, naming the
 * stored letter; nothing is written. Text that is not a reply letter (mojibake, menus, prose
 * without a reply's parts) is refused with UnusualLetterError unless `acceptUnusual`.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { type Clock, chinaClock } from '../../shared/clock';
import type { ExtractedCommitment, ExtractedMilestone, LetterExtraction } from '../../shared/extraction';
import { storedCommitments } from '../domain/breakdown-targets';
import { DuplicateLetterError } from '../domain/duplicate-letter';
import { extractLetter } from '../extract/index';
import { UnusualLetterError, unusualLetterProblem } from '../extract/reply-shape';
import { commitmentColumns, insertCommitmentId } from '../repositories/commitment-rows';
import { findByContentHash, insertLetter } from '../repositories/letters';
import { ensureAgency, ensureDeputy, ensureSuggestion, linkSuggestion } from '../repositories/parties';
import { gazetteerForLetter, writeTargets } from './targets';
import { runWrite } from './write';

export interface LetterSource {
  /** decoded text; every span offset points into it */
  text: string;
  sourceName?: string | null;
  encoding?: string | null;
  rawBytes?: Uint8Array | null;
  isDemo?: boolean;
  actor?: string;
  /** the office's explicit “store it anyway” for text that does not look like a reply letter */
  acceptUnusual?: boolean;
}

interface StoredLetter {
  letterId: number;
  /** commitments stored: a breakdown's district parts are targets of their total, not counted */
  commitmentCount: number;
}

export interface IngestOutcome {
  letterId: number;
  commitmentCount: number;
  milestoneCount: number;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Line endings differ between pasted text and files; they must not make the same letter two letters. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** @throws DuplicateLetterError when the same text is already stored */
export async function ingestLetter(
  db: Kysely<Database>,
  source: LetterSource,
  clock: Clock = chinaClock,
): Promise<IngestOutcome> {
  const now = clock.now();
  const text = normalizeLineEndings(source.text);
  const hash = contentHash(text);
  const existing = await findByContentHash(db, hash);
  if (existing) throw new DuplicateLetterError(existing);

  const extraction = extractLetter(text);
  const unusual = source.acceptUnusual ? null : unusualLetterProblem(text, extraction);
  if (unusual) throw new UnusualLetterError(unusual);
  try {
    const meta = extraction.letter;
    const stored = await runWrite(db, {
      actor: { userId: null, name: source.actor ?? 'system' },
      action: 'letter.ingest',
      entity: 'letter',
      entityId: (result: StoredLetter) => result.letterId,
      now,
      clock,
      after: (result: StoredLetter) => ({
        contentHash: hash,
        sourceName: source.sourceName ?? null,
        ...meta,
        breakdownPartsAsTargets: extraction.commitments.length - result.commitmentCount,
        // the office stored text that did not look like a reply letter, on purpose
        acceptedUnusual: source.acceptUnusual === true,
      }),
      write: ({ trx, uncounted }) => {
        // Its commitments wait for review and count only once confirmed (the confirmation touches
        // them); the letter itself moves only the reply figures, which the door's revision covers.
        uncounted();
        return storeLetter(trx, { ...source, text }, hash, extraction, now, clock);
      },
    });
    return { ...stored, milestoneCount: extraction.milestones.length };
  } catch (error) {
    // Another request or process stored the same letter between our check and our insert: the
    // unique content hash refused ours, and the transaction left nothing behind.
    const raced = await findByContentHash(db, hash);
    if (raced) throw new DuplicateLetterError(raced);
    throw error;
  }
}

async function storeLetter(
  trx: Transaction<Database>,
  source: LetterSource,
  hash: string,
  extraction: LetterExtraction,
  now: Date,
  clock: Clock,
): Promise<StoredLetter> {
  const at = now.toISOString();
  const meta = extraction.letter;
  const year = meta.letterDate ? Number(meta.letterDate.slice(0, 4)) : Number(clock.dateOf(now).slice(0, 4));
  const agencyId = meta.agency ? await ensureAgency(trx, meta.agency, at) : null;
  const suggestionId = await ensureSuggestion(trx, { ref: meta.suggestionRef, title: meta.title, year }, at);
  const deputyNames = (meta.deputy ?? '')
    .split(/[、,，]/u)
    .map((n) => n.trim())
    .filter(Boolean);
  const deputyIds: number[] = [];
  for (const name of deputyNames) deputyIds.push(await ensureDeputy(trx, name, at));
  await linkSuggestion(trx, suggestionId, { agencyId, deputyIds });

  const letter = {
    id: await insertLetter(trx, {
      suggestion_id: suggestionId,
      agency_id: agencyId,
      doc_number: meta.docNumber,
      letter_date: meta.letterDate,
      result_grade: meta.resultGrade,
      title: meta.title,
      deputy_names: meta.deputy,
      contact_person: meta.contactPerson,
      contact_phone: meta.contactPhone,
      cc: meta.cc.length ? JSON.stringify(meta.cc) : null,
      text: source.text,
      content_hash: hash,
      source_name: source.sourceName ?? null,
      source_encoding: source.encoding ?? null,
      raw_bytes: source.rawBytes ?? null,
      is_demo: source.isDemo ? 1 : 0,
      created_at: at,
    }),
  };

  const date = meta.letterDate ?? at.slice(0, 10);
  const districts = await gazetteerForLetter(trx, { agency: meta.agency, text: source.text, date });
  // The parts of a breakdown that name a district become targets of their total, not commitments.
  const stored = storedCommitments(extraction.commitments, districts);
  for (const { item, targets } of stored) {
    const id = await insertItem(trx, letter.id, item, at);
    await writeTargets(trx, id, targets, at);
  }
  for (const milestone of extraction.milestones) await insertItem(trx, letter.id, milestone, at);
  return { letterId: letter.id, commitmentCount: stored.length };
}

async function insertItem(
  trx: Transaction<Database>,
  letterId: number,
  item: ExtractedCommitment | ExtractedMilestone,
  at: string,
): Promise<number> {
  const quantified = 'min' in item;
  return insertCommitmentId(trx, {
    letter_id: letterId,
    kind: quantified ? 'quantified' : 'milestone',
    ...commitmentColumns(item, quantified ? item : null),
    section: item.section,
    origin: 'extracted',
    confidence: item.confidence,
    created_at: at,
    updated_at: at,
  });
}
