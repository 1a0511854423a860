/**
 * Keeps the review's verdict on each commitment as the review writes it (inside the same door),
 * so the extraction quality page and the gold export read ground truth that cannot drift from
 * the decisions themselves.
 */
import type { CommitmentRow } from '../../db/schema';
import {
  type ExtractedItem,
  extractedItemOf,
  judgeExtracted,
  type ReviewVerdict,
} from '../domain/review-outcome';
import { toCommitment } from '../repositories/commitment-rows';
import { letterAgencyKey } from '../repositories/letters';
import { findExtractedSnapshot, saveReviewOutcome } from '../repositories/review-outcomes';
import type { Door } from './write';

/** A confirm, correct or reject of `before` that left `after`; an addition is its own before. */
export async function recordVerdict(door: Door, before: CommitmentRow, after: CommitmentRow): Promise<void> {
  const { trx, at, today } = door;
  const item = toCommitment(after);
  let extractedJson: string | null = null;
  let verdict: ReviewVerdict;
  if (after.origin === 'manual') {
    verdict = {
      outcome: item.reviewStatus === 'rejected' ? 'rejected' : 'added',
      changedFields: [],
      valueKept: false,
    };
  } else {
    // the first decision sees the item as ingest stored it; later ones compare with that snapshot
    extractedJson =
      (await findExtractedSnapshot(trx, after.id)) ?? JSON.stringify(extractedItemOf(toCommitment(before)));
    verdict = judgeExtracted(JSON.parse(extractedJson) as ExtractedItem, item);
  }
  await saveReviewOutcome(trx, {
    commitmentId: after.id,
    letterId: after.letter_id,
    agencyKey: await letterAgencyKey(trx, after.letter_id),
    kind: after.kind,
    ...verdict,
    extractedJson,
    decidedMonth: today.slice(0, 7),
    decidedAt: at,
  });
}

/** An item the extractor missed, added by the office. */
export function recordAddition(door: Door, row: CommitmentRow): Promise<void> {
  return recordVerdict(door, row, row);
}
