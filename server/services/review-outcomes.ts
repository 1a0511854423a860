/**
 * Keeps the review's verdict on each commitment as the review writes it (inside the same door),
 * so the extraction quality page and the gold export read ground truth that cannot drift from
 * the decisions themselves.
 */
import type { CommitmentRow } from '../../db/schema';
import { type ExtractedItem, extractedItemOf, judgeExtracted } from '../domain/review-outcome';
import { letterAgencyKey } from '../repositories/letters';
import { findExtractedSnapshot, saveReviewOutcome } from '../repositories/review-outcomes';
import type { Door } from './write';

/** A confirm, correct or reject of `before` that left `after`. */
export async function recordVerdict(door: Door, before: CommitmentRow, after: CommitmentRow): Promise<void> {
  const { trx, at, today } = door;
  const agencyKey = await letterAgencyKey(trx, after.letter_id);
  if (after.origin === 'manual') {
    await saveReviewOutcome(trx, {
      commitmentId: after.id,
      letterId: after.letter_id,
      agencyKey,
      kind: after.kind,
      outcome: after.review_status === 'rejected' ? 'rejected' : 'added',
      changedFields: [],
      valueKept: false,
      extractedJson: null,
      decidedMonth: today.slice(0, 7),
      decidedAt: at,
    });
    return;
  }
  // the first decision sees the row as ingest stored it; later ones compare with that snapshot
  const kept = await findExtractedSnapshot(trx, after.id);
  const snapshot = kept ?? JSON.stringify(extractedItemOf(before));
  const verdict = judgeExtracted(JSON.parse(snapshot) as ExtractedItem, after);
  await saveReviewOutcome(trx, {
    commitmentId: after.id,
    letterId: after.letter_id,
    agencyKey,
    kind: after.kind,
    outcome: verdict.outcome,
    changedFields: verdict.changedFields,
    valueKept: verdict.valueKept,
    extractedJson: snapshot,
    decidedMonth: today.slice(0, 7),
    decidedAt: at,
  });
}

/** An item the extractor missed, added by the office. */
export function recordAddition(door: Door, row: CommitmentRow): Promise<void> {
  return recordVerdict(door, row, row);
}
